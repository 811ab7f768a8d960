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
// The values also come back unreduced as the result's `terms` (what
// reduction 'none' gives), so one pass serves the value, the per-element
// losses and the gradient.
LossResult reduce(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                  Reduction reduction, std::string grad_arg, double divisor);

inline LossResult reduce(std::vector<double> values, std::vector<double> grads,
                         const Shape& shape, Reduction reduction, std::string grad_arg) {
  double n = static_cast<double>(values.size());
  return reduce(std::move(values), std::move(grads), shape, reduction, std::move(grad_arg), n);
}

// What reduce() multiplies the gradients by: 1 / divisor for Mean and
// BatchMean, 1 for None and Sum.
double grad_scale(Reduction reduction, const Shape& shape, double divisor);

// reduce() for gradients that are already multiplied by grad_scale().
LossResult reduce_prescaled(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                            Reduction reduction, std::string grad_arg, double divisor);

// reduce_prescaled() for a caller that has summed the values already
// (pairwise_sum's total, taken in its own pass). `values` may be empty for
// a reduced result whose terms the caller does not want: terms then stays empty.
LossResult reduce_summed(std::vector<double> values, std::vector<double> grads, const Shape& shape,
                         Reduction reduction, std::string grad_arg, double divisor, double total);

// The per-loss part of pointwise()'s pass: f (a pointer to the loss's
// lambda) over `count` elements, element `first` of the whole the first.
using PointwiseSpan = void (*)(void* f, const double* x, const double* y, double* values, double* grads,
                               std::size_t count, std::size_t first, double scale);

// The rest of pointwise(), the same for every loss (pointwise.cpp): the
// argument checks, the buffers, the pass in pairwise_sum's leaves (each
// leaf computed by `span`, then summed and its gradients checked while it
// is in cache) and the reduction.
LossResult pointwise_pass(const Arguments& args, Reduction reduction, PointwiseSpan span, void* f);

// Asks clang to vectorise the next loop, and (under -Werror) to fail the
// build when it cannot: a checked promise that the kernel runs 2-lane f64
// SIMD (-msimd128 is given to the files that hold such kernels). The loops
// are not reductions (the sum is taken by pairwise_sum afterwards), so no
// reassociation is involved. No interleave_count: the loops are bound by
// memory, and interleaving made the wasm 0.8 KB gz larger for no measurable
// gain. Only where wasm SIMD is on (native clang under the fuzzers'
// sanitizers cannot vectorise them and would only warn); GCC (the native
// build) gets its own spelling.
#if defined(__clang__) && defined(__wasm_simd128__)
#define LOSSPLAY_VECTORIZE _Pragma("clang loop vectorize(enable)")
#elif defined(__GNUC__) && !defined(__clang__)
#define LOSSPLAY_VECTORIZE _Pragma("GCC ivdep")
#else
#define LOSSPLAY_VECTORIZE
#endif

// pointwise()'s loop over `count` elements, the first of them element
// `first` of the whole (f's index). Its own function so that the pointers
// are __restrict parameters (a lambda's captures would lose it).
template <bool Simd, class F>
inline void pointwise_span(F& f, const double* __restrict xp, const double* __restrict yp, double* __restrict vp,
                           double* __restrict gp, std::size_t count, std::size_t first, double scale) {
  if constexpr (Simd) {
    LOSSPLAY_VECTORIZE
    for (std::size_t i = 0; i < count; ++i) {
      double g;
      vp[i] = f(xp[i], yp[i], g, first + i);
      gp[i] = g * scale;
    }
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      double g;
      vp[i] = f(xp[i], yp[i], g, first + i);
      gp[i] = g * scale;
    }
  }
}

// The loop shared by the pointwise losses of (input, target): `f(x, y, g, i)`
// returns the element's loss and writes its derivative with respect to x
// into g, so value, per-element loss and gradient come from one pass over
// raw pointers. f is a lambda, inlined in the loop (no std::function, no
// pointer call per element: one call per leaf of at most 128 elements);
// the reduction's 1/n is applied in the same pass.
// Simd = true asks for the vectorised loop: only for an f of arithmetic and
// selects (a libm call or a throw cannot vectorise, and clang then fails
// the build under -Werror, which keeps the request honest).
template <bool Simd = false, class F>
LossResult pointwise(const Arguments& args, Reduction reduction, F f) {
  const PointwiseSpan span = [](void* fn, const double* x, const double* y, double* values, double* grads,
                                std::size_t count, std::size_t first, double scale) {
    pointwise_span<Simd>(*static_cast<F*>(fn), x, y, values, grads, count, first, scale);
  };
  return pointwise_pass(args, reduction, span, &f);
}

// Multiplies values and gradients by an optional elementwise `weight`
// argument of the input's shape (BCE's rescaling; Mean still divides by n).
void apply_elementwise_weight(const Arguments& args, const TensorView& x,
                              std::vector<double>& values, std::vector<double>& grads);

}  // namespace lossplay::detail
