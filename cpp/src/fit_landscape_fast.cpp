// The landscape's term-by-term losses at display precision (the "terms,
// display precision" method of landscape() in lossplay/fit.hpp): the same
// terms as fit_landscape.cpp's exact loop, with its exp and log1p replaced
// by fit_fast_math.hpp's, in loops clang vectorises (this file is built
// with -msimd128 for wasm). Every term is >= 0 and is computed to a
// relative error that the exp and log1p bounds give (see each function),
// so a cell's sum is too.
#include <cmath>
#include <limits>

#include "fit_fast_math.hpp"
#include "fit_internal.hpp"
#include "lossplay/summation.hpp"

// clang (the wasm build): vectorise and interleave; GCC (the native
// build) vectorises these loops at -O3 by itself, and ivdep says the
// stores do not alias the loads.
#if defined(__clang__)
#define LOSSPLAY_VECTORISE _Pragma("clang loop vectorize(enable) interleave_count(2)")
#elif defined(__GNUC__)
#define LOSSPLAY_VECTORISE _Pragma("GCC ivdep")
#else
#define LOSSPLAY_VECTORISE
#endif

namespace lossplay::detail {
namespace {

using fast::exp_nonpositive;
using fast::log1p_any;
using fast::log1p_unit;

// (1 - t) z + softplus(-z), t in [0, 1]: the linear part is as exact as the
// exact loop's and >= 0, so log1p's relative error (1e-10, plus e's 2e-11
// which log1p does not amplify) bounds the term's.
LOSSPLAY_FAST_INLINE double bce_logits(double z, double t) {
  const double e = exp_nonpositive(-__builtin_fabs(z));
  return (1 - t) * z + (z < 0 ? -z : 0.0) + log1p_unit(e);
}

// α_t (1 - p_t)^2 CE with γ = 2: p and 1 - p from e within 2 × 2e-11, so
// the focus within 8e-11 and the term within 2e-10 relative (t in [0, 1]).
LOSSPLAY_FAST_INLINE double focal2(double x, double y, double alpha) {
  const double e = exp_nonpositive(-__builtin_fabs(x));
  const double inv = 1 / (1 + e);
  const double p = x >= 0 ? inv : e * inv, p_not = x >= 0 ? e * inv : inv;
  const double ce = (1 - y) * x + (x < 0 ? -x : 0.0) + log1p_unit(e);
  const double q = p * (1 - y) + p_not * y;
  const double w = alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1.0;
  return w * ce * (q * q);
}

// log cosh d: below |d| = 1, log1p(2 sinh²(|d|/2)) with sinh's series to
// h^9 (h <= 1/2: 1.2e-11 relative); above, |d| - ln 2 + log1p(e^{-2|d|}),
// a sum of terms whose total is >= 0.43. Both are computed and one kept:
// the loop has no branch.
LOSSPLAY_FAST_INLINE double log_cosh(double d) {
  const double a = __builtin_fabs(d);
  const double h = 0.5 * a, h2 = h * h;
  double s = 1.0 / 362880;
  s = s * h2 + 1.0 / 5040;
  s = s * h2 + 1.0 / 120;
  s = s * h2 + 1.0 / 6;
  s = s * h2 + 1.0;
  s *= h;
  const bool small = a < 1;
  const double arg = small ? 2 * s * s : exp_nonpositive(-2 * a);
  const double l = log1p_unit(arg);
  return small ? l : (a - fast::kLn2) + l;
}

}  // namespace

void fast_term_landscape(LandscapeTerm term, const double* __restrict x, const double* __restrict y, std::size_t n,
                         double alpha, Landscape& l, const std::vector<double>& ws, const std::vector<double>& bs) {
  std::vector<double> values(n), log1p_y(term == LandscapeTerm::Msle ? n : 0);
  for (std::size_t i = 0; i < log1p_y.size(); ++i) log1p_y[i] = std::log1p(y[i]);
  double* __restrict v = values.data();
  const double* __restrict ly = log1p_y.data();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t r = 0; r < l.rows; ++r) {
    const double b = bs[r];
    for (std::size_t c = 0; c < l.columns; ++c) {
      const double w = ws[c];
      switch (term) {
        case LandscapeTerm::BceLogits:
LOSSPLAY_VECTORISE
          for (std::size_t i = 0; i < n; ++i) v[i] = bce_logits(w * x[i] + b, y[i]);
          break;
        case LandscapeTerm::Focal:
LOSSPLAY_VECTORISE
          for (std::size_t i = 0; i < n; ++i) v[i] = focal2(w * x[i] + b, y[i], alpha);
          break;
        case LandscapeTerm::LogCosh:
LOSSPLAY_VECTORISE
          for (std::size_t i = 0; i < n; ++i) v[i] = log_cosh((w * x[i] + b) - y[i]);
          break;
        case LandscapeTerm::Msle: {
          // The domain test is the exact method's, so NaN cells are the same.
          bool inside = true;
          for (std::size_t i = 0; i < n; ++i) inside &= w * x[i] + b > -1;
          if (!inside) {
            l.values[r * l.columns + c] = nan;
            ++l.outside_domain;
            continue;
          }
LOSSPLAY_VECTORISE
          for (std::size_t i = 0; i < n; ++i) {
            const double d = log1p_any(w * x[i] + b) - ly[i];
            v[i] = d * d;
          }
          break;
        }
      }
      l.values[r * l.columns + c] = pairwise_sum(v, n) / static_cast<double>(n);
    }
  }
}

}  // namespace lossplay::detail
