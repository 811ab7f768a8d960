// exp, log and log1p written so that clang vectorises a loop of them (no
// call, no table, no branch: selects only), to within one ulp of the
// correctly rounded result: BCE's and BCE with logits' kernels use them
// where libm's scalar calls kept their loops at one element at a time (at
// 1e6 in wasm, BCE 24 -> 16 ms, BCE with logits 28 -> 18 ms). Each inlined
// loop costs the core's wasm about 1 KB gzipped, which the first load's
// 200 KB limit prices: cross-entropy keeps libm. Special values are libm's:
// NaN stays NaN, log(0) and log1p(-1) are -inf, +inf stays +inf, exp(-inf)
// is 0 and exp's subnormal results are gradual.
// tests/cpp/vector-math-test.cpp measures the ulps against long double.
// Internal to the core.
#pragma once

#include <cstdint>

namespace lossplay::vmath {

#define LOSSPLAY_VMATH_INLINE inline __attribute__((always_inline))

// Every constant of the functions below, read from this object and not
// written into the code: clang would otherwise re-create each one in a
// loop at every use (a v128.const, several x64 instructions in V8), which
// cost the vectorised loops a third of their time. vector_math.cpp fills
// it at start-up from values the optimiser cannot see into.
struct Constants {
  double shifter;          // 1.5 * 2^52: added to |v| < 2^51 it rounds v to an integer in the low bits
  double ln2_hi, ln2_lo;   // ln 2 split so that k ln2_hi is exact for |k| < 2^11
  double inv_ln2;          // 1 / ln 2
  double exp_low;          // -746: e^x below it is under half the least subnormal, 0
  double exp_c[12];        // 1/2!, 1/3!, ..., 1/13! (Taylor)
  double log_c[7];         // P(z), lowest power first (see log_reduced)
  double zero, half, one, two;
  double tiny, scale54, fifty_four, inf, nan;
  std::uint64_t sqrt_half_bits, shifted_offset, mantissa;
  // The shifter's bits, and it plus 1024: reduce() turns k + 1024 into k with them.
  std::uint64_t shifter_bits;
  double shifter_plus_1024;
  std::int64_t exponent_bias;  // 1023
};
extern const Constants kC;

LOSSPLAY_VMATH_INLINE std::int64_t bits(double v) { return __builtin_bit_cast(std::int64_t, v); }
LOSSPLAY_VMATH_INLINE double from_bits(std::int64_t v) { return __builtin_bit_cast(double, v); }

// 2^k for an integer k in [-1022, 1023] held in a double.
LOSSPLAY_VMATH_INLINE double two_to(double k) {
  return from_bits((bits(k + kC.shifter) - bits(kC.shifter) + kC.exponent_bias) << 52);
}

// e^x for x <= 0. x = k ln 2 + r, |r| <= ln 2 / 2, e^r by its Taylor series
// to r^13 (the rest is below 4e-18 of it); 2^k applied in two halves so
// that results below 2^-1022 round gradually, as libm's do. NaN stays NaN.
LOSSPLAY_VMATH_INLINE double exp_nonpositive(double x) {
  const double xc = x < kC.exp_low ? kC.exp_low : x;
  const double shifted = xc * kC.inv_ln2 + kC.shifter;
  const double k = shifted - kC.shifter;
  const double r = (xc - k * kC.ln2_hi) - k * kC.ln2_lo;
  // Σ r^i / (i + 2)! for i = 0..11 in Estrin's scheme: pairs, then pairs of
  // pairs, so the chain of dependent operations is 5 long, not Horner's 24.
  const double* a = kC.exp_c;  // a[i] = 1 / (i + 2)!
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double q0 = a[0] + a[1] * r, q1 = a[2] + a[3] * r, q2 = a[4] + a[5] * r;
  const double q3 = a[6] + a[7] * r, q4 = a[8] + a[9] * r, q5 = a[10] + a[11] * r;
  const double p8 = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + (q4 + q5 * r2) * r8;
  double p = p8 * r2 + r;  // e^r - 1; the 1 added last keeps r's bits
  p = kC.one + p;
  // k in [-1076, 0]: 2^h and 2^(k - h) with h about k / 2 are both normal,
  // and their product with p rounds once into the subnormals.
  const double h = (k * kC.half + kC.shifter) - kC.shifter;
  const double result = p * two_to(h) * two_to(k - h);
  return x != x ? x : x < kC.exp_low ? kC.zero : result;
}

// log(1 + f) for f in [sqrt(1/2) - 1, sqrt(2) - 1], f exact, plus k ln 2:
// with s = f / (2 + f), log(1 + f) = f - s (f - R), R = s² P(s²) the series
// of log((1 + s) / (1 - s)) - 2 s over s; P fitted at Chebyshev nodes
// (5.5e-16 relative; scripts/fit-log1p-coefficients.py). Written as
// f - (hf² - s (hf² + R)) with hf² = f² / 2 so the largest rounding is f's.
// c is a correction to add to f (log1p's rounding of 1 + x), or 0.
LOSSPLAY_VMATH_INLINE double log_reduced(double f, double k, double c) {
  const double s = f / (kC.two + f);
  const double z = s * s;
  // P in Estrin's scheme (pairs, then pairs of pairs): a chain of 3
  // dependent steps where Horner's has 12. a[i] is z^i's coefficient.
  const double* a = kC.log_c;
  const double z2 = z * z, z4 = z2 * z2;
  const double p = ((a[0] + a[1] * z) + (a[2] + a[3] * z) * z2) + ((a[4] + a[5] * z) + a[6] * z2) * z4;
  const double r = z * p;
  const double hfsq = kC.half * f * f;
  return k * kC.ln2_hi - ((hfsq - (s * (hfsq + r) + (k * kC.ln2_lo + c))) - f);
}

// The exponent k and the reduced m - 1 of v > 0 (normal), v = 2^k m with
// m in [sqrt(1/2), sqrt(2)).
struct Reduced {
  double k, f;
};
// The exponent comes from a logical shift of bits(v) - bits(sqrt(1/2)) +
// 2^62 (k + 1024, > 0 for any v > 0): i64x2.shr_s has no SSE instruction
// and costs V8 several, shr_u is one.
LOSSPLAY_VMATH_INLINE Reduced reduce(double v) {
  const std::uint64_t shifted = __builtin_bit_cast(std::uint64_t, v) + kC.shifted_offset;
  const std::uint64_t k1024 = shifted >> 52;
  const double m = __builtin_bit_cast(double, (shifted & kC.mantissa) + kC.sqrt_half_bits);
  const double k = __builtin_bit_cast(double, k1024 + kC.shifter_bits) - kC.shifter_plus_1024;
  return {k, m - kC.one};
}

// log x for any x: subnormals scaled by 2^54 first; 0 gives -inf, a
// negative x NaN, +inf +inf, NaN NaN.
LOSSPLAY_VMATH_INLINE double log(double x) {
  const bool tiny = x < kC.tiny;
  const Reduced r = reduce(tiny ? x * kC.scale54 : x);
  const double v = log_reduced(r.f, tiny ? r.k - kC.fifty_four : r.k, kC.zero);
  const double special = x == kC.zero ? -kC.inf : x < kC.zero ? kC.nan : x;  // NaN and +inf stay
  return x > kC.zero && x < kC.inf ? v : special;
}

// log(1 + x) for any x: u = 1 + x rounded, and the rounding error of u
// (c / u, fdlibm's correction) added back, so small x keep their relative
// precision; x = -1 gives -inf, x < -1 NaN, +inf +inf, NaN NaN.
LOSSPLAY_VMATH_INLINE double log1p(double x) {
  const double u = kC.one + x;
  const Reduced r = reduce(u);
  // The rounding error of u, exactly: below x = 1, u - 1 and x - (u - 1)
  // are exact (Sterbenz); from 1 up, u - x and 1 - (u - x) are.
  const double c = (x < kC.one ? x - (u - kC.one) : kC.one - (u - x)) / u;
  // k = 0: f is x itself (exact), no correction needed.
  const bool same = r.k == kC.zero;
  const double v = log_reduced(same ? x : r.f, r.k, same ? kC.zero : c);
  const double special = x == -kC.one ? -kC.inf : x < -kC.one ? kC.nan : x;  // NaN and +inf stay
  return x > -kC.one && x < kC.inf ? v : special;
}

// BCE with logits' term for a logit z, a label t and e = exp(-|z|), p = 1:
// (1 - t) z + softplus(-z), softplus(v) = max(v, 0) + log1p(e). The loss's
// kernel and the fit's exact landscape both call this, so they agree to
// the bit.
LOSSPLAY_VMATH_INLINE double bce_logits_term(double z, double t, double e) {
  return (1 - t) * z + ((-z < 0 ? 0.0 : -z) + log1p(e));
}

}  // namespace lossplay::vmath
