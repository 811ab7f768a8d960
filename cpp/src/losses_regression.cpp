#include <cmath>
#include <limits>

#include "kernels.hpp"
#include "losses.hpp"

namespace lossplay::losses {

using detail::pointwise;

LossResult mse(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = 2 * d;
    return d * d;
  });
}

LossResult rmse(const Arguments& args, const Options& options, Reduction) {
  // sqrt(mean((x - y)^2)) only makes sense reduced; the registry offers
  // "mean" alone. The gradient is (x - y) / (n * rmse). Where every residual
  // is 0 the square root has no derivative and, as torch.sqrt(mse_loss(...))
  // does, the gradient is NaN (inf * 0).
  LossResult r = mse(args, options, Reduction::Mean);
  double value = std::sqrt(r.loss.data[0]);
  r.loss.data[0] = value;
  const double scale = 1.0 / (2 * value);  // inf when value == 0
  for (double& g : r.grad.data) g *= scale;
  return r;
}

LossResult l1(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = d > 0 ? 1.0 : d < 0 ? -1.0 : 0.0;  // PyTorch: the derivative of |d| at 0 is 0
    return std::fabs(d);
  });
}

LossResult huber(const Arguments& args, const Options& options, Reduction reduction) {
  const double delta = options.get("delta");  // > 0, checked by the registry
  return pointwise(args, reduction, [delta](double x, double y, double& g, std::size_t) {
    double d = x - y;
    double a = std::fabs(d);
    if (a <= delta) {
      g = d;
      return 0.5 * d * d;
    }
    g = d > 0 ? delta : -delta;
    return delta * (a - 0.5 * delta);
  });
}

LossResult msle(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  const auto check = [](const TensorView& t, const char* name) {
    for (std::size_t i = 0; i < t.size; ++i)
      if (!(t[i] > -1))
        throw InputError(detail::position(name, t.shape, i) + " is " + detail::number_text(t[i]) +
                         ": MSLE takes log(1 + value), so every value must be greater than -1");
  };
  check(x, "input");
  check(y, "target");
  return pointwise(args, reduction, [](double xi, double yi, double& g, std::size_t) {
    // log1p keeps the digits of small values that log(1 + v) would lose.
    double d = std::log1p(xi) - std::log1p(yi);
    g = 2 * d / (1 + xi);
    return d * d;
  });
}

}  // namespace lossplay::losses
