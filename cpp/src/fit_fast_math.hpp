// Display-precision exp and log1p for the landscape's large grids
// (fit_landscape_fast.cpp): branch-free, no calls and no tables, so that
// clang vectorises a loop of them (f64x2 with -msimd128 in wasm, SSE2
// natively). Each is a range reduction and a short polynomial; the bounds
// below are the truncation errors of the polynomials plus rounding, and
// tests/cpp/fit-test.cpp sweeps every function against libm to check them.
// Internal to the core.
#pragma once

#include <cstdint>

namespace lossplay::fast {

#define LOSSPLAY_FAST_INLINE inline __attribute__((always_inline))

// The smaller (larger) of two vectors' lanes (GCC/clang vector types of
// double or float), NaN-blind: one minpd/minps (maxpd/maxps) where a wasm
// min/max is several instructions for its NaN and -0 rules.
template <class V>
LOSSPLAY_FAST_INLINE V pmin(V a, V b) {
#if defined(__wasm_simd128__)
  if constexpr (sizeof(a[0]) == 8) return __builtin_wasm_pmin_f64x2(a, b);
  else return __builtin_wasm_pmin_f32x4(a, b);
#else
  return b < a ? b : a;
#endif
}
template <class V>
LOSSPLAY_FAST_INLINE V pmax(V a, V b) {
#if defined(__wasm_simd128__)
  if constexpr (sizeof(a[0]) == 8) return __builtin_wasm_pmax_f64x2(a, b);
  else return __builtin_wasm_pmax_f32x4(a, b);
#else
  return a < b ? b : a;
#endif
}

LOSSPLAY_FAST_INLINE std::int64_t bits(double v) { return __builtin_bit_cast(std::int64_t, v); }
LOSSPLAY_FAST_INLINE double from_bits(std::int64_t v) { return __builtin_bit_cast(double, v); }

// 1.5 * 2^52: adding it to |v| < 2^51 rounds v to an integer held in the
// low bits of the sum: a conversion with no int64 <-> double instruction
// (wasm simd128 has none).
constexpr double kShifter = 0x1.8p52;
constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;  // ln 2 to 43 bits: k ln2_hi is exact for |k| < 2^10
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
constexpr double kLn2 = 0x1.62e42fefa39efp-1;

// e^x for x <= 0, relative error <= 1e-14 for x >= -708 (Taylor to degree
// 11 on |r| <= ln2 / 2: r^12 / 12! e^r <= 9e-15, plus rounding); 0 below
// -708, where e^x < 3.4e-308 (the exact value is tiny or zero there too).
LOSSPLAY_FAST_INLINE double exp_nonpositive(double x) {
  const double xc = x < -708.0 ? -708.0 : x;
  const double shifted = xc * 0x1.71547652b82fep0 + kShifter;  // round(x / ln 2) in the low bits
  const double k = shifted - kShifter;
  const double r = (xc - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0 / 39916800;
  p = p * r + 1.0 / 3628800;
  p = p * r + 1.0 / 362880;
  p = p * r + 1.0 / 40320;
  p = p * r + 1.0 / 5040;
  p = p * r + 1.0 / 720;
  p = p * r + 1.0 / 120;
  p = p * r + 1.0 / 24;
  p = p * r + 1.0 / 6;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // 2^k from k's bits: k in [-1022, 0], so k + 1023 is a normal exponent.
  const double scale = from_bits((bits(shifted) - bits(kShifter) + 1023) << 52);
  return x < -708.0 ? 0.0 : p * scale;
}

// log(1 + f) for f in [sqrt(1/2) - 1, sqrt(2) - 1] as 2 atanh(t), t = f /
// (2 + f), |t| <= 0.1716: the series to t^11 leaves t^12 / 13 <= 5e-11
// relative; f itself is exact, so small f keep their relative precision.
LOSSPLAY_FAST_INLINE double log1p_reduced(double f) {
  const double t = f / (2.0 + f);
  const double t2 = t * t;
  double p = 1.0 / 11;
  p = p * t2 + 1.0 / 9;
  p = p * t2 + 1.0 / 7;
  p = p * t2 + 1.0 / 5;
  p = p * t2 + 1.0 / 3;
  p = p * t2 + 1.0;
  return 2.0 * t * p;
}

// log(1 + e) for e in [0, 1], relative error <= 1e-10: above sqrt(2) - 1,
// log(1 + e) = ln 2 + log(1 + (e - 1) / 2).
LOSSPLAY_FAST_INLINE double log1p_unit(double e) {
  const bool high = e > 0x1.a827999fcef32p-2;
  const double f = high ? 0.5 * (e - 1.0) : e;
  return log1p_reduced(f) + (high ? kLn2 : 0.0);
}

// log(1 + z) for any z > -1 (finite), relative error <= 1e-10: 1 + z =
// 2^k m with m in [sqrt(1/2), sqrt(2)) from the bits; for k = 0 the reduced
// argument is z itself (exact), otherwise m - 1 (exact, Sterbenz), and the
// rounding of 1 + z costs at most one ulp of 1 + z, i.e. 2.2e-16 absolute
// on a value >= 0.34.
LOSSPLAY_FAST_INLINE double log1p_any(double z) {
  const double s = 1.0 + z;
  const std::int64_t shifted = bits(s) - 0x3fe6a09e667f3bcdLL;  // the exponent of s / sqrt(1/2)
  const std::int64_t k = shifted >> 52;
  const double m = from_bits((shifted & 0x000fffffffffffffLL) + 0x3fe6a09e667f3bcdLL);
  const double kd = from_bits(k + bits(kShifter)) - kShifter;  // k as a double, |k| < 1100
  const double f = k == 0 ? z : m - 1.0;
  return log1p_reduced(f) + (kd * kLn2Hi + kd * kLn2Lo);
}

}  // namespace lossplay::fast
