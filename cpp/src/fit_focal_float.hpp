// The focal loss's landscape terms (γ = 2, labels 0 and 1) four float32
// lanes at a time, for fit_landscape_fast.cpp's ColumnSums, which sorts
// each class by x into blocks and keeps |w d| within the bound below.
// Internal to the core.
#pragma once

#include <cstddef>

#include "fit_fast_math.hpp"

namespace lossplay::detail::focal_float {

// Focal's term is (max(u, 0) + log1p(e)) σ(u)² times α_t, with u = z
// for label 0 and -z for label 1, e = e^{-|z|}. The bounds, a cell:
// - z: a block's z = z_c + w d, z_c = w x_c + b in double at the block's
//   middle x_c, d = x - x_c: within 1.2e-7 |z| + 2.4e-7 |w d|, and the
//   caller keeps |w d| <= 8 (else the double loop). The linear part sits
//   beside a ce >= ln 2 wherever it is not 0: within 3e-6 of it.
// - e: from the column's products, as the double loop's (within 2e-7),
//   floored at 1e-12 so that no float goes subnormal: the floor moves a
//   term by at most 2e-12 of it or 1e-35, and the caller redoes in double
//   a cell whose mean is below 1e-20.
// - 1 / (1 + e) and log1p(e) from one division and a degree-3 polynomial
//   (2.4e-7): a term within about 1.5e-6, a block's float sum (16 terms a
//   lane) within 1e-6 more. The cell: within 1e-5.

typedef float v4f __attribute__((vector_size(16)));

LOSSPLAY_FAST_INLINE v4f load4(const float* p) {
  v4f v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
LOSSPLAY_FAST_INLINE v4f splat4(float a) { return v4f{a, a, a, a}; }

constexpr std::size_t kFocalBlock = 64;
constexpr float kFocalFloor = 1e-12f;
// 2 atanh(t) / t as a polynomial in t² for t in [0, 1/3], fitted in floats
// (2.4e-7 relative; scripts/fit-log1p-coefficients.py), highest power first.
constexpr float kLog1pT32[4] = {0x1.5e3ebcp-2f, 0x1.956f2ap-2f, 0x1.55615ep-1f, 0x1.fffffap+0f};

// One class's block sums for two rows: Σ (max(u, 0) + log1p(e)) σ(u)²,
// u = uc[k] + w d, with em = a bm[k] = e^{-u} and ep = p bp[k] = e^{u}
// (the wrong one of the two >= 1, as prepare() makes them). Label 0 passes
// z's own (u = z); label 1 passes u = -z: -z_c, -w, and a, p and the row
// factors swapped.
LOSSPLAY_FAST_INLINE void focal_block(const float* __restrict d, const float* __restrict a, const float* __restrict p,
                                      std::size_t len, float w, const float* uc, const float* bm, const float* bp,
                                      double* sums) {
  const v4f vw = splat4(w), one = splat4(1), two = splat4(2), zero = splat4(0), floor = splat4(kFocalFloor);
  const v4f uc0 = splat4(uc[0]), uc1 = splat4(uc[1]);
  const v4f vbm0 = splat4(bm[0]), vbp0 = splat4(bp[0]), vbm1 = splat4(bm[1]), vbp1 = splat4(bp[1]);
  const auto term = [&](v4f u, v4f ai, v4f pi, v4f vbm, v4f vbp) {
    const v4f em = fast::pmax(ai * vbm, floor), ep = fast::pmax(pi * vbp, floor);  // e^{-u}, e^{u}
    const v4f e = fast::pmin(em, ep), one_e = one + e, two_e = two + e;
    const v4f rcp = one / (one_e * two_e);
    const v4f inv = two_e * rcp, t = e * one_e * rcp, t2 = t * t;
    v4f poly = splat4(kLog1pT32[0]);
    for (int k = 1; k < 4; ++k) poly = poly * t2 + splat4(kLog1pT32[k]);
    const v4f sig = fast::pmin(one, ep) * inv;  // σ(u)
    return (fast::pmax(u, zero) + t * poly) * (sig * sig);
  };
  v4f acc0 = zero, acc1 = zero;
#if defined(__clang__)
#pragma clang loop unroll(disable)  // two rows a pass are unrolling enough; more only adds code
#endif
  for (std::size_t i = 0; i < len; i += 4) {
    const v4f wd = vw * load4(d + i), ai = load4(a + i), pi = load4(p + i);
    acc0 += term(uc0 + wd, ai, pi, vbm0, vbp0);
    acc1 += term(uc1 + wd, ai, pi, vbm1, vbp1);
  }
  sums[0] += (static_cast<double>(acc0[0]) + acc0[1]) + (static_cast<double>(acc0[2]) + acc0[3]);
  sums[1] += (static_cast<double>(acc1[0]) + acc1[1]) + (static_cast<double>(acc1[2]) + acc1[3]);
}

}  // namespace lossplay::detail::focal_float
