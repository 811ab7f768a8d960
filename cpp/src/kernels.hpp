// Shared machinery of the loss implementations: argument checks, the
// one-pass elementwise loop and PyTorch's reductions. Internal to the core.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"
#include "lossplay/summation.hpp"

namespace lossplay::detail {

// The index {1, 2} of flat index 5 in shape [2, 3]: an error names an element
// by its argument and this index, "input[1, 2]".
std::vector<std::size_t> element_index(const Shape& shape, std::size_t flat);

// An InputError about one element: its argument, its index and its value.
[[noreturn]] void throw_element_error(const char* code, std::string_view arg, const Shape& shape,
                                      std::size_t flat, double value,
                                      std::vector<ErrorParam> more = {});

// The shortest text that reads back as the same double: "-1.5", not
// "-1.500000"; exponents as JavaScript writes them ("1e-8", not "1e-08").
std::string number_text(double v);

void require_nonempty(const TensorView& t, std::string_view name);
void require_same_shape(const TensorView& a, std::string_view a_name,
                        const TensorView& b, std::string_view b_name);

// Folds per-element values and gradients as PyTorch's reduction does.
// `divisor` is what Mean divides by (the element count unless weighted);
// BatchMean divides by shape[0] (1 for a scalar) whatever `divisor` says.
LossResult reduce(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                  Reduction reduction, std::string grad_arg, double divisor);

inline LossResult reduce(std::vector<double> values, std::vector<double> grads,
                         const Shape& shape, Reduction reduction, std::string grad_arg) {
  double n = static_cast<double>(values.size());
  return reduce(std::move(values), std::move(grads), shape, reduction, std::move(grad_arg), n);
}

// The loop shared by the pointwise losses of (input, target): `f(x, y, g)`
// returns the element's loss and writes its derivative with respect to x
// into g, so value and gradient come from one pass over the data.
template <class F>
LossResult pointwise(const Arguments& args, Reduction reduction, F f) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  require_nonempty(x, "input");
  require_same_shape(x, "input", y, "target");
  std::vector<double> values(x.size), grads(x.size);
  for (std::size_t i = 0; i < x.size; ++i) values[i] = f(x[i], y[i], grads[i], i);
  return reduce(std::move(values), std::move(grads), x.shape, reduction, "input");
}

// Multiplies values and gradients by an optional elementwise `weight`
// argument of the input's shape (BCE's rescaling; Mean still divides by n).
void apply_elementwise_weight(const Arguments& args, const TensorView& x,
                              std::vector<double>& values, std::vector<double>& grads);

}  // namespace lossplay::detail
