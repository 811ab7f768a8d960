#include "kernels.hpp"

#include <cmath>
#include <cstdio>

#include <fast_float/fast_float.h>

namespace lossplay::detail {

std::vector<std::size_t> element_index(const Shape& shape, std::size_t flat) {
  std::vector<std::size_t> index(shape.size());
  for (std::size_t d = shape.size(); d-- > 0;) {
    index[d] = shape[d] ? flat % shape[d] : 0;
    flat = shape[d] ? flat / shape[d] : 0;
  }
  return index;
}

void throw_element_error(const char* code, std::string_view arg, const Shape& shape, std::size_t flat,
                         double value, std::vector<ErrorParam> more) {
  std::vector<ErrorParam> params = {{"arg", arg}, {"index", element_index(shape, flat)}, {"value", value}};
  for (ErrorParam& p : more) params.push_back(std::move(p));
  throw InputError(code, std::move(params));
}

std::string number_text(double v) {
  char buf[32];
  // Whole numbers as such ("-100", not %g's "-1e+02").
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  // Read back with fast_float, which the parser links anyway: strtod would
  // add 13 KB of wasm (musl's long-double scanner).
  for (int precision = 1; precision <= 17; ++precision) {
    const int n = std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    double back = 0;
    fast_float::from_chars(buf, buf + n, back);
    if (back == v) break;
  }
  // "1e-08" -> "1e-8", "1e+300" stays: JavaScript's and a reader's form.
  std::string s = buf;
  const std::size_t e = s.find('e');
  if (e != std::string::npos) {
    std::size_t digits = e + 2;  // after the exponent's sign
    while (digits + 1 < s.size() && s[digits] == '0') s.erase(digits, 1);
  }
  return s;
}

void require_nonempty(const TensorView& t, std::string_view name) {
  if (t.size == 0) throw InputError("empty_argument", {{"arg", name}});
}

void require_same_shape(const TensorView& a, std::string_view a_name, const TensorView& b,
                        std::string_view b_name) {
  if (a.shape != b.shape)
    throw InputError("shape_mismatch",
                     {{"arg", b_name}, {"shape", b.shape}, {"other", a_name}, {"other_shape", a.shape}});
}

double grad_scale(Reduction reduction, const Shape& shape, double divisor) {
  if (reduction == Reduction::BatchMean) divisor = shape.empty() ? 1.0 : static_cast<double>(shape[0]);
  if (reduction == Reduction::Mean || reduction == Reduction::BatchMean) return 1.0 / divisor;
  return 1.0;
}

LossResult reduce_summed(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                         Reduction reduction, std::string grad_arg, double divisor, double total) {
  LossResult r;
  r.grad_arg = std::move(grad_arg);
  if (reduction == Reduction::None) {
    // The loss is the per-element tensor itself: terms stays empty (see LossResult).
    r.loss = Tensor{std::move(values), shape};
  } else {
    if (reduction == Reduction::BatchMean) divisor = shape.empty() ? 1.0 : static_cast<double>(shape[0]);
    if (reduction == Reduction::Mean || reduction == Reduction::BatchMean) {
      // PyTorch divides even when the divisor is 0 (an empty or fully
      // ignored batch), giving NaN; callers refuse empty input first.
      total /= divisor;
      r.nan_is_defined = divisor == 0;
    }
    r.loss = Tensor{{total}, {}};
    // No values: the caller did not store them (Arguments::terms_wanted), and
    // terms stays empty (input is never empty: callers refuse it first).
    if (!values.empty()) r.terms = Tensor{std::move(values), shape};
  }
  r.grad = Tensor{std::move(grads), shape};
  return r;
}

LossResult reduce_prescaled(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                            Reduction reduction, std::string grad_arg, double divisor) {
  const double total = reduction == Reduction::None ? 0.0 : pairwise_sum(values.data(), values.size());
  return reduce_summed(std::move(values), std::move(grads), shape, reduction, std::move(grad_arg), divisor,
                       total);
}

LossResult reduce(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                  Reduction reduction, std::string grad_arg, double divisor) {
  const double scale = grad_scale(reduction, shape, divisor);
  if (scale != 1.0)
    for (double& g : grads) g *= scale;
  return reduce_prescaled(std::move(values), std::move(grads), shape, reduction, std::move(grad_arg),
                          divisor);
}

void apply_elementwise_weight(const Arguments& args, const TensorView& x,
                              std::vector<double>& values, std::vector<double>& grads) {
  const TensorView* w = args.find("weight");
  if (!w) return;
  require_same_shape(x, "input", *w, "weight");
  for (std::size_t i = 0; i < x.size; ++i) {
    values[i] *= (*w)[i];
    grads[i] *= (*w)[i];
  }
}

}  // namespace lossplay::detail
