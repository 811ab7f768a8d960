// The landscape's term-by-term losses at display precision (the "terms,
// display precision" method of landscape() in lossplay/fit.hpp): the same
// terms as fit_landscape.cpp's exact loop, with exp and log1p from
// fit_fast_math.hpp or replaced by products (below), two lanes at a time
// in GCC/clang vector types (this file is built with -msimd128 for wasm;
// natively they are SSE2). Every term is >= 0 and is computed to a
// relative error that the exp and log1p bounds give (see each function),
// so a cell's sum is too. The scalar terms first serve an odd n's last
// sample. Focal with labels 0 and 1 is summed in float32 instead, four
// lanes at a time, to 1e-5 (fit_focal_float.hpp; ColumnSums keeps the
// cases its bound does not cover in double).
#include <algorithm>
#include <cmath>
#include <limits>

#include "fit_fast_math.hpp"
#include "fit_focal_float.hpp"
#include "fit_internal.hpp"

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
using fast::pmax;
using fast::pmin;
using focal_float::focal_block;
using focal_float::kFocalBlock;

// (1 - t) z + softplus(-z), t in [0, 1]: the linear part is as exact as the
// exact loop's and >= 0, so log1p's relative error (1e-10, plus e's 1e-14
// which log1p does not amplify) bounds the term's.
LOSSPLAY_FAST_INLINE double bce_logits(double z, double t) {
  const double e = exp_nonpositive(-__builtin_fabs(z));
  return (1 - t) * z + (z < 0 ? -z : 0.0) + log1p_unit(e);
}

// α_t (1 - p_t)^2 CE with γ = 2: p and 1 - p from e within 2e-14, the
// focus within 4e-14, so the term within log1p's 1e-10 (t in [0, 1]).
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

// ---- BCE with logits and log-cosh by columns ----
//
// Both are a part that needs no exp or log (BCE: (1 - t) z + max(-z, 0);
// log-cosh: |d| - ln 2, or its series below |d| = 1/64) plus Σ log1p(e_i)
// with e_i = e^{-s|z_i|} (s = 1, z = w x + b; s = 2, z = w x + b - y).
// For a column (w fixed) and a block of rows whose b span at most 32 / s,
// z_i = v_i + δ_r with v_i = w x_i + β (β the block's middle b, minus y for
// log-cosh) and |δ_r| <= 16 / s, so e_i = e^{-s v_i} e^{-s δ_r} for z >= 0
// and e^{s v_i} e^{s δ_r} below: two exps a sample a block, one product a
// cell. And Σ log1p(e_i) = log Π (1 + e_i), a log every 512 factors a lane;
// an e below τ = 2^-20 is summed as e - e²/2 instead (error e³/3), so each
// factor's two roundings (1 + e, the product: 2u absolute in the log) are
// within 2u / τ = 4.7e-10 of its own log1p(e). Each cell's relative error
// is then <= 4.7e-10 + the exps' 1e-14 (log-cosh: 1.2e-11, see below).

typedef double v2d __attribute__((vector_size(16)));
typedef long long v2l __attribute__((vector_size(16)));

LOSSPLAY_FAST_INLINE v2d load2(const double* p) {
  v2d v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
LOSSPLAY_FAST_INLINE v2d splat(double a) { return v2d{a, a}; }
// v where the mask is set, else +0: one and, where a select is three
// operations in V8's x64 code.
LOSSPLAY_FAST_INLINE v2d keep(v2d v, v2l mask) { return __builtin_bit_cast(v2d, __builtin_bit_cast(v2l, v) & mask); }

// 2 atanh(t) / t as a polynomial in t² for t in [0, 1/3], fitted in
// doubles (2.6e-12 relative; scripts/fit-log1p-coefficients.py), highest
// power first.
constexpr double kLog1pT[7] = {0x1.bfb4561e8dc48p-3, 0x1.5eab67b0d884cp-3, 0x1.c8cf1b3455de3p-3, 0x1.2489ae158dab2p-2,
                               0x1.9999c2d1aee49p-2, 0x1.5555553081220p-1, 0x1.0000000002acdp+1};

constexpr double kTau = 0x1p-20;
constexpr std::size_t kLogEvery = 1024;  // elements between logs: 512 factors a lane, each <= 2

class ColumnSums {
 public:
  ColumnSums(const double* x, const double* y, std::size_t n, LandscapeTerm term, double alpha, bool floats)
      : n_(n), even_(n & ~std::size_t{1}), term_(term), s_(term == LandscapeTerm::LogCosh ? 2.0 : 1.0), alpha_(alpha),
        xs_(x, x + n), ys_(y, y + n), one_minus_y_(n), weight_(n), a_(n), p_(n) {
    for (std::size_t i = 0; i < n; ++i) {
      one_minus_y_[i] = 1 - y[i];
      weight_[i] = alpha >= 0 ? alpha * y[i] + (1 - alpha) * (1 - y[i]) : 1.0;  // focal's α_t
    }
    if (floats) sort_classes();
  }

  void column(double w, const std::vector<double>& bs, Landscape& l, std::size_t c) {
    const std::size_t rows = bs.size();
    const double span = 32 / s_;
    for (std::size_t r0 = 0, r1 = 0; r0 < rows; r0 = r1) {
      for (r1 = r0 + 1; r1 < rows && bs[r1] - bs[r0] <= span; ++r1) {
      }
      const double beta = 0.5 * (bs[r0] + bs[r1 - 1]), half = 0.5 * (bs[r1 - 1] - bs[r0]) * s_;
      prepare(w, beta, half);
      // focal in floats where |w d| <= 8 (fit_focal_float.hpp's bound on z)
      const bool in_floats = !blocks_.empty() && std::fabs(w) * max_offset_ <= 8;
      if (in_floats) prepare_floats();
      // rows r and r + 1 (r twice at the block's end) in one pass
      for (std::size_t r = r0; r < r1; r += 2) {
        const std::size_t r2 = r + 1 < r1 ? r + 1 : r;
        const double d0 = (bs[r] - beta) * s_, d1 = (bs[r2] - beta) * s_;
        const double b2[2] = {bs[r], bs[r2]}, bp2[2] = {std::exp(-d0), std::exp(-d1)}, bn2[2] = {std::exp(d0), std::exp(d1)};
        double out[2];
        bool whole[2] = {false, false};  // the sum has every term (else store() adds an odd n's last)
        if (term_ == LandscapeTerm::BceLogits) bce_cells(w, b2, bp2, bn2, out);
        else if (term_ == LandscapeTerm::Focal && in_floats) focal_float_cells(w, b2, bp2, bn2, out, whole);
        else if (term_ == LandscapeTerm::Focal) focal_cells(w, b2, bp2, bn2, out);
        else log_cosh_cells(w, b2, bp2, bn2, out);
        store(w, bs[r], out[0], whole[0], l, r, c);
        if (r2 != r) store(w, bs[r2], out[1], whole[1], l, r2, c);
      }
    }
  }

 private:
  // The cell's mean, with the term an odd n leaves out of the vectors' two lanes.
  void store(double w, double b, double sum, bool whole, Landscape& l, std::size_t r, std::size_t c) const {
    if (!whole && even_ != n_) {
      const double z = w * xs_[even_] + b, t = ys_[even_];
      sum += term_ == LandscapeTerm::BceLogits ? bce_logits(z, t)
             : term_ == LandscapeTerm::Focal   ? focal2(z, t, alpha_)
                                               : log_cosh(z - t);
    }
    l.values[r * l.columns + c] = sum / static_cast<double>(n_);
  }

  // e^{-s v} where z >= 0 is possible (v >= -half), e^{s v} where z < 0 is.
  void prepare(double w, double beta, double half) {
    double* __restrict a = a_.data();
    double* __restrict p = p_.data();
    const double* __restrict x = xs_.data();
    const double* __restrict y = ys_.data();
    const double s = s_;
    const double ymul = term_ == LandscapeTerm::LogCosh ? 1.0 : 0.0;
LOSSPLAY_VECTORISE
    for (std::size_t i = 0; i < n_; ++i) {
      const double vi = (w * x[i] + beta) * s - ymul * y[i] * s;
      a[i] = exp_nonpositive(-(vi < -half ? -half : vi) - half);
      p[i] = exp_nonpositive((vi > half ? half : vi) - half);
    }
    // a and p carry e^{∓half} so that exp_nonpositive's argument is <= 0:
    // the cell multiplies it back with its e^{∓δ} (see scale_).
    scale_ = std::exp(-half);
  }

  // Two rows a pass: the loads and w x are shared.
  void bce_cells(double w, const double* b, const double* bp, const double* bn, double* out) const {
    const double* __restrict x = xs_.data();
    const double* __restrict t = ys_.data();
    const double* __restrict om = one_minus_y_.data();
    const double* __restrict a = a_.data();
    const double* __restrict p = p_.data();
    // e = a e^{half} e^{-δ} (z >= 0) or p e^{half} e^{δ}
    const v2d vbp0 = splat(bp[0] / scale_), vbn0 = splat(bn[0] / scale_), vb0 = splat(b[0]);
    const v2d vbp1 = splat(bp[1] / scale_), vbn1 = splat(bn[1] / scale_), vb1 = splat(b[1]);
    const v2d vw = splat(w), one = splat(1), zero = splat(0), half = splat(0.5), tau = splat(kTau);
    v2d lin0 = zero, small0 = zero, lin1 = zero, small1 = zero;
    double logs0 = 0, logs1 = 0;
    for (std::size_t start = 0; start < even_; start += kLogEvery) {
      const std::size_t end = std::min(even_, start + kLogEvery);
      v2d prod0 = one, prod1 = one;
      for (std::size_t i = start; i < end; i += 2) {
        const v2d wx = load2(x + i) * vw, ai = load2(a + i), pi = load2(p + i);
        const v2d omi = load2(om + i), nti = -load2(t + i);
        {
          const v2d z = wx + vb0;
          const v2l pos = z >= zero;
          const v2d e = keep(ai * vbp0, pos) + keep(pi * vbn0, ~pos);
          lin0 += (pos ? omi : nti) * z;  // (1 - t) z + max(-z, 0)
          const v2l small = e < tau;
          prod0 *= one + keep(e, ~small);
          small0 += keep(e * (one - half * e), small);
        }
        {
          const v2d z = wx + vb1;
          const v2l pos = z >= zero;
          const v2d e = keep(ai * vbp1, pos) + keep(pi * vbn1, ~pos);
          lin1 += (pos ? omi : nti) * z;
          const v2l small = e < tau;
          prod1 *= one + keep(e, ~small);
          small1 += keep(e * (one - half * e), small);
        }
      }
      logs0 += std::log(prod0[0]) + std::log(prod0[1]);
      logs1 += std::log(prod1[0]) + std::log(prod1[1]);
    }
    out[0] = (lin0[0] + lin0[1]) + (small0[0] + small0[1]) + logs0;
    out[1] = (lin1[0] + lin1[1]) + (small1[0] + small1[1]) + logs1;
  }

  // Focal with γ = 2: a product per term, so log1p(e) term by term.
  // e^{-|z|} = min(e^{-z}, e^{z}), both from the column's products (the
  // clamps in prepare() keep the wrong one >= 1), and the same two give
  // σ(z) = min(1, e^{z}) / (1 + e), 1 - σ(z) = min(1, e^{-z}) / (1 + e);
  // one division gives 1 / (1 + e) and t = e / (2 + e) <= 1/3, and
  // log1p(e) = t P(t²) with P fitted to 2 atanh(t) / t (2.6e-12 relative
  // on [0, 1/3]); then as focal2 above.
  void focal_cells(double w, const double* b, const double* bp, const double* bn, double* out) const {
    const double* __restrict x = xs_.data();
    const double* __restrict t = ys_.data();
    const double* __restrict om = one_minus_y_.data();
    const double* __restrict wt = weight_.data();
    const double* __restrict a = a_.data();
    const double* __restrict p = p_.data();
    const v2d vbp0 = splat(bp[0] / scale_), vbn0 = splat(bn[0] / scale_), vb0 = splat(b[0]);
    const v2d vbp1 = splat(bp[1] / scale_), vbn1 = splat(bn[1] / scale_), vb1 = splat(b[1]);
    const v2d vw = splat(w), one = splat(1), two = splat(2), zero = splat(0);
    const auto term = [&](v2d z, v2d ai, v2d pi, v2d ty, v2d omy, v2d wti, v2d vbp, v2d vbn) {
      const v2d em = ai * vbp, ep = pi * vbn;  // e^{-z}, e^{z} (or >= 1 where clamped)
      const v2d e = pmin(em, ep), one_e = one + e, two_e = two + e;
      const v2d rcp = one / (one_e * two_e);
      const v2d inv = two_e * rcp, tt = e * one_e * rcp, t2 = tt * tt;
      v2d poly = splat(kLog1pT[0]);
      for (int k = 1; k < 7; ++k) poly = poly * t2 + splat(kLog1pT[k]);
      const v2d ce = omy * z + pmax(-z, zero) + tt * poly;
      const v2d q = (pmin(one, ep) * omy + pmin(one, em) * ty) * inv;
      return wti * ce * (q * q);
    };
    v2d sum0 = zero, sum1 = zero;
    for (std::size_t i = 0; i < even_; i += 2) {
      const v2d wx = load2(x + i) * vw, ai = load2(a + i), pi = load2(p + i);
      const v2d ty = load2(t + i), omy = load2(om + i), wti = load2(wt + i);
      sum0 += term(wx + vb0, ai, pi, ty, omy, wti, vbp0, vbn0);
      sum1 += term(wx + vb1, ai, pi, ty, omy, wti, vbp1, vbn1);
    }
    out[0] = sum0[0] + sum0[1];
    out[1] = sum1[0] + sum1[1];
  }

  // Label 0 first, then label 1, each sorted by x, cut into blocks of
  // kFocalBlock (a class's last block a multiple of 4; the rest, up to
  // 3 a class, left to the double terms).
  void sort_classes() {
    // A class's y, 1 - y and α_t are the same for all its samples: only x moves. (A sort of
    // doubles with std::less is libc++'s own instantiation: no sort code of this file's.)
    class_weight_[0] = alpha_ >= 0 ? 1 - alpha_ : 1.0;
    class_weight_[1] = alpha_ >= 0 ? alpha_ : 1.0;
    std::vector<double> by_class[2];
    for (std::size_t i = 0; i < n_; ++i) by_class[ys_[i] == 1].push_back(xs_[i]);
    const std::size_t n0 = by_class[0].size();
    for (int k = 0; k < 2; ++k) {
      std::sort(by_class[k].begin(), by_class[k].end());
      const std::size_t at = k ? n0 : 0;
      std::copy(by_class[k].begin(), by_class[k].end(), xs_.begin() + static_cast<std::ptrdiff_t>(at));
      for (std::size_t i = at; i < at + by_class[k].size(); ++i) {
        ys_[i] = k;
        one_minus_y_[i] = 1 - k;
        weight_[i] = class_weight_[k];
      }
    }
    offsets_.resize(n_);
    a32_.resize(n_);
    p32_.resize(n_);
    const std::size_t starts[2] = {0, n0}, ends[2] = {n0, n_};
    for (int k = 0; k < 2; ++k) {
      const std::size_t vec_end = starts[k] + ((ends[k] - starts[k]) & ~std::size_t{3});
      for (std::size_t b = starts[k]; b < vec_end; b += kFocalBlock) {
        const std::size_t e = std::min(vec_end, b + kFocalBlock);
        const double mid = 0.5 * (xs_[b] + xs_[e - 1]);
        for (std::size_t i = b; i < e; ++i) offsets_[i] = static_cast<float>(xs_[i] - mid);
        max_offset_ = std::max(max_offset_, 0.5 * (xs_[e - 1] - xs_[b]));
        blocks_.push_back({b, e - b, mid, k == 1});
      }
      for (std::size_t i = vec_end; i < ends[k]; ++i) rest_.push_back(i);
    }
  }

  // a and p as floats, floored at 1e-30 (no subnormal float; the term's
  // own floor of 1e-12 is above any product of them).
  void prepare_floats() {
    for (std::size_t i = 0; i < n_; ++i) {
      a32_[i] = static_cast<float>(std::max(a_[i], 1e-30));
      p32_[i] = static_cast<float>(std::max(p_[i], 1e-30));
    }
  }

  void focal_float_cells(double w, const double* b, const double* bp, const double* bn, double* out, bool* whole) const {
    const float bpf[2] = {static_cast<float>(bp[0] / scale_), static_cast<float>(bp[1] / scale_)};
    const float bnf[2] = {static_cast<float>(bn[0] / scale_), static_cast<float>(bn[1] / scale_)};
    double sums[2][2] = {{0, 0}, {0, 0}};  // [class][row]
    for (const Block& k : blocks_) {
      // label 1 as u = -z: -z_c, -w, and e^{∓z}'s factors swapped (focal_block)
      const float sign = k.label1 ? -1.0f : 1.0f;
      const float uc[2] = {sign * static_cast<float>(w * k.mid + b[0]), sign * static_cast<float>(w * k.mid + b[1])};
      const std::vector<float>& em = k.label1 ? p32_ : a32_;
      const std::vector<float>& ep = k.label1 ? a32_ : p32_;
      focal_block(offsets_.data() + k.start, em.data() + k.start, ep.data() + k.start, k.len, sign * static_cast<float>(w),
                  uc, k.label1 ? bnf : bpf, k.label1 ? bpf : bnf, sums[k.label1]);
    }
    for (int r = 0; r < 2; ++r) {
      double sum = class_weight_[0] * sums[0][r] + class_weight_[1] * sums[1][r];
      for (const std::size_t i : rest_) sum += focal2(w * xs_[i] + b[r], ys_[i], alpha_);
      out[r] = sum;
      whole[r] = true;
    }
    // A cell whose terms are all below the floats' range: in double.
    for (int r = 0; r < 2; ++r) {
      if (out[r] < 1e-20 * static_cast<double>(n_)) {
        const double b1[2] = {b[r], b[r]}, bp1[2] = {bp[r], bp[r]}, bn1[2] = {bn[r], bn[r]};
        double again[2];
        focal_cells(w, b1, bp1, bn1, again);
        out[r] = again[0];
        whole[r] = false;
      }
    }
  }

  // Two rows a pass, as bce_cells.
  void log_cosh_cells(double w, const double* b, const double* bp, const double* bn, double* out) const {
    const double* __restrict x = xs_.data();
    const double* __restrict y = ys_.data();
    const double* __restrict a = a_.data();
    const double* __restrict p = p_.data();
    const v2d vbp0 = splat(bp[0] / scale_), vbn0 = splat(bn[0] / scale_), vb0 = splat(b[0]);
    const v2d vbp1 = splat(bp[1] / scale_), vbn1 = splat(bn[1] / scale_), vb1 = splat(b[1]);
    const v2d vw = splat(w), one = splat(1), zero = splat(0), knee = splat(1.0 / 64), ln2 = splat(fast::kLn2);
    // |d| - ln 2 + log1p(e) into lin and prod, or below |d| = 1/64 the
    // series d²/2 - d⁴/12 + d⁶/45 (the next term is < 2e-13 of the sum).
    // Above 1/64 the sum's cancellation costs <= 1.5e-15 absolute (a few
    // roundings and e's 1e-14), < 1.2e-11 of log cosh d >= 1.2e-4.
    const auto term = [&](v2d d, v2d ai, v2d pi, v2d vbp, v2d vbn, v2d& lin, v2d& prod) {
      const v2l pos = d >= zero;
      const v2d abs = __builtin_bit_cast(v2d, __builtin_bit_cast(v2l, d) & 0x7fffffffffffffffLL);  // one and
      const v2l small = abs < knee;
      const v2d d2 = d * d;
      v2d series = splat(1.0 / 45);
      series = series * d2 + splat(-1.0 / 12);
      series = series * d2 + splat(0.5);
      series *= d2;
      const v2d e = keep(ai * vbp, pos) + keep(pi * vbn, ~pos);
      lin += small ? series : abs - ln2;
      prod *= one + keep(e, ~small);
    };
    v2d lin0 = zero, lin1 = zero;
    double logs0 = 0, logs1 = 0;
    for (std::size_t start = 0; start < even_; start += kLogEvery) {
      const std::size_t end = std::min(even_, start + kLogEvery);
      v2d prod0 = one, prod1 = one;
      for (std::size_t i = start; i < end; i += 2) {
        const v2d wx = load2(x + i) * vw, yi = load2(y + i), ai = load2(a + i), pi = load2(p + i);
        term((wx + vb0) - yi, ai, pi, vbp0, vbn0, lin0, prod0);
        term((wx + vb1) - yi, ai, pi, vbp1, vbn1, lin1, prod1);
      }
      logs0 += std::log(prod0[0]) + std::log(prod0[1]);
      logs1 += std::log(prod1[0]) + std::log(prod1[1]);
    }
    out[0] = (lin0[0] + lin0[1]) + logs0;
    out[1] = (lin1[0] + lin1[1]) + logs1;
  }

  std::size_t n_, even_;
  LandscapeTerm term_;
  double s_, alpha_, scale_ = 1;
  std::vector<double> xs_, ys_, one_minus_y_, weight_, a_, p_;
  // focal with labels 0 and 1 (sort_classes)
  struct Block {
    std::size_t start, len;
    double mid;
    bool label1;
  };
  std::vector<Block> blocks_;
  std::vector<std::size_t> rest_;
  std::vector<float> offsets_, a32_, p32_;
  double max_offset_ = 0, class_weight_[2] = {1, 1};
};

typedef unsigned long long v2u __attribute__((vector_size(16)));

// log1p_any (fit_fast_math.hpp) two lanes at a time. The exponent is
// taken with a logical shift of bits(s) - bits(sqrt(1/2)) + 2^62 (> 0 for
// any s > 0), i.e. k + 1024: i64x2.shr_s has no SSE instruction and costs
// V8 several, shr_u is one.
LOSSPLAY_FAST_INLINE v2d log1p_any2(v2d z) {
  const v2d one = splat(1), s = one + z;
  const v2u shifted = __builtin_bit_cast(v2u, s) + (0x4000000000000000ULL - 0x3fe6a09e667f3bcdULL);
  const v2u k1024 = shifted >> 52;  // k + 1024
  const v2d m = __builtin_bit_cast(v2d, (shifted & 0x000fffffffffffffULL) + 0x3fe6a09e667f3bcdULL);
  const v2d kd = __builtin_bit_cast(v2d, k1024 + static_cast<unsigned long long>(fast::bits(fast::kShifter))) -
                 splat(fast::kShifter + 1024);
  const v2d f = __builtin_bit_cast(v2l, k1024) == 1024 ? z : m - one;
  const v2d t = f / (splat(2) + f), t2 = t * t;
  // 2 atanh t with the 2 folded into the coefficients; k ln 2 in one
  // product (|k| < 1100: 6e-14 absolute, on a log1p of at least 0.34 |k|)
  v2d p = splat(2.0 / 11);
  p = p * t2 + splat(2.0 / 9);
  p = p * t2 + splat(2.0 / 7);
  p = p * t2 + splat(2.0 / 5);
  p = p * t2 + splat(2.0 / 3);
  p = p * t2 + splat(2);
  return t * p + kd * splat(fast::kLn2);
}

// Σ (log1p(w x + b) - log1p(y))² over the first `even` samples for two b.
void msle_cells(const double* __restrict x, const double* __restrict ly, std::size_t even, double w, double b0,
                double b1, double* sums) {
  const v2d vw = splat(w), vb0 = splat(b0), vb1 = splat(b1);
  v2d sum0 = splat(0), sum1 = splat(0);
  for (std::size_t i = 0; i < even; i += 2) {
    const v2d wx = load2(x + i) * vw, lyi = load2(ly + i);
    const v2d z0 = wx + vb0, z1 = wx + vb1;
    const v2d d0 = log1p_any2(z0) - lyi, d1 = log1p_any2(z1) - lyi;
    sum0 += d0 * d0;
    sum1 += d1 * d1;
  }
  sums[0] = sum0[0] + sum0[1];
  sums[1] = sum1[0] + sum1[1];
}

}  // namespace

void fast_term_landscape(LandscapeTerm term, const double* __restrict x, const double* __restrict y, std::size_t n,
                         double alpha, bool floats, Landscape& l, const std::vector<double>& ws,
                         const std::vector<double>& bs) {
  if (term != LandscapeTerm::Msle) {
    ColumnSums sums(x, y, n, term, alpha, floats);
    for (std::size_t c = 0; c < l.columns; ++c) sums.column(ws[c], bs, l, c);
    return;
  }
  // MSLE: (log1p(ŷ) - log1p(y))² term by term, two rows a pass. A cell
  // with any ŷ <= -1 is NaN, as the registry refuses it; rounding is
  // monotonic, so the lowest w x + b in double is at the lowest x (w >= 0)
  // or the highest: the exact method's test, made once a cell.
  std::vector<double> log1p_y(n);
  for (std::size_t i = 0; i < n; ++i) log1p_y[i] = std::log1p(y[i]);
  const auto [lo, hi] = std::minmax_element(x, x + n);
  const std::size_t even = n & ~std::size_t{1};
  std::vector<std::size_t> inside;
  for (std::size_t c = 0; c < l.columns; ++c) {
    const double w = ws[c], x_low = w >= 0 ? *lo : *hi;
    inside.clear();
    for (std::size_t r = 0; r < l.rows; ++r) {
      if (w * x_low + bs[r] > -1) {
        inside.push_back(r);
      } else {
        l.values[r * l.columns + c] = std::numeric_limits<double>::quiet_NaN();
        ++l.outside_domain;
      }
    }
    for (std::size_t k = 0; k < inside.size(); k += 2) {
      const std::size_t r = inside[k], r2 = k + 1 < inside.size() ? inside[k + 1] : r;
      double sums[2];
      msle_cells(x, log1p_y.data(), even, w, bs[r], bs[r2], sums);
      for (int j = 0; j < 2; ++j) {
        const std::size_t row = j ? r2 : r;
        double sum = sums[j];
        if (even != n) {
          const double d = log1p_any(w * x[even] + bs[row]) - log1p_y[even];
          sum += d * d;
        }
        l.values[row * l.columns + c] = sum / static_cast<double>(n);
      }
    }
  }
}

}  // namespace lossplay::detail
