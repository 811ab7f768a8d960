#include <algorithm>
#include <cmath>

#include "kernels.hpp"
#include "losses.hpp"

namespace lossplay::losses {
namespace {

// log(1 + exp(v)) without overflow for large v or lost digits for small.
double softplus(double v) { return std::max(v, 0.0) + std::log1p(std::exp(-std::fabs(v))); }

// 1 / (1 + exp(-v)) without overflow on either side.
double sigmoid(double v) {
  if (v >= 0) return 1 / (1 + std::exp(-v));
  double e = std::exp(v);
  return e / (1 + e);
}

}  // namespace

LossResult binary_cross_entropy(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  detail::require_nonempty(x, "input");
  detail::require_same_shape(x, "input", y, "target");
  std::vector<double> values(x.size), grads(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    double p = x[i], t = y[i];
    if (!(p >= 0 && p <= 1))
      throw InputError(detail::position("input", x.shape, i) + " is " + detail::number_text(p) +
                       ": binary cross-entropy takes probabilities in [0, 1] (use "
                       "binary_cross_entropy_with_logits for raw scores)");
    // PyTorch clamps each log at -100 so that p = 0 or 1 gives a finite loss.
    double log_p = std::max(std::log(p), -100.0);
    double log_q = std::max(std::log1p(-p), -100.0);
    values[i] = -(t * log_p + (1 - t) * log_q);
    // PyTorch's backward: (p - t) / max(p (1 - p), 1e-12); the floor keeps
    // the gradient finite at p = 0 and p = 1.
    grads[i] = (p - t) / std::max(p * (1 - p), 1e-12);
  }
  detail::apply_elementwise_weight(args, x, values, grads);
  return detail::reduce(std::move(values), std::move(grads), x.shape, reduction, "input");
}

LossResult binary_cross_entropy_with_logits(const Arguments& args, const Options&,
                                            Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  detail::require_nonempty(x, "input");
  detail::require_same_shape(x, "input", y, "target");
  // pos_weight weighs the positive term; PyTorch broadcasts it along the
  // last dimension (one weight per class), so it is either the input's
  // shape or [C].
  const TensorView* pw = args.find("pos_weight");
  std::size_t classes = x.shape.empty() ? 1 : x.shape.back();
  if (pw && pw->shape != x.shape && !(pw->shape.size() == 1 && pw->size == classes))
    throw InputError("pos_weight has shape " + shape_to_string(pw->shape) +
                     " but must have the input's shape " + shape_to_string(x.shape) +
                     " or one weight per class, [" + std::to_string(classes) + "]");
  const bool per_class = pw && pw->shape != x.shape;
  std::vector<double> values(x.size), grads(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    double z = x[i], t = y[i];
    double p = pw ? (*pw)[per_class ? i % classes : i] : 1.0;
    // loss = (1 - t) z + (1 + (p - 1) t) softplus(-z): the stable form of
    // -[p t log σ(z) + (1 - t) log(1 - σ(z))].
    double log_weight = 1 + (p - 1) * t;
    values[i] = (1 - t) * z + log_weight * softplus(-z);
    grads[i] = log_weight * sigmoid(z) - p * t;
  }
  detail::apply_elementwise_weight(args, x, values, grads);
  return detail::reduce(std::move(values), std::move(grads), x.shape, reduction, "input");
}

LossResult hinge(const Arguments& args, const Options& options, Reduction reduction) {
  const double margin = options.get("margin");
  // The SVM hinge max(0, margin - y x) for labels y in {-1, +1}. At the kink
  // (margin - y x = 0) the gradient is -y, as torch.clamp(..., min=0) gives.
  return detail::pointwise(args, reduction, [margin](double x, double y, double& g, std::size_t) {
    double m = margin - y * x;
    g = m >= 0 ? -y : 0.0;
    return m > 0 ? m : 0.0;
  });
}

LossResult hinge_embedding(const Arguments& args, const Options& options, Reduction reduction) {
  const double margin = options.get("margin");
  // nn.HingeEmbeddingLoss: x where y = 1, max(0, margin - x) where y = -1.
  // Like PyTorch, a label that is neither adds both terms (it tests y != -1
  // and y != 1), and the clamp passes the gradient at margin - x = 0.
  return detail::pointwise(args, reduction, [margin](double x, double y, double& g, std::size_t) {
    double value = 0;
    g = 0;
    if (y != -1) {
      value += x;
      g += 1;
    }
    if (y != 1) {
      double m = margin - x;
      value += m > 0 ? m : 0.0;
      if (m >= 0) g -= 1;
    }
    return value;
  });
}

}  // namespace lossplay::losses
