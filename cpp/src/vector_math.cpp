// vector_math.hpp's constants, filled at start-up (see Constants there for why).
#include "vector_math.hpp"

#include <limits>

namespace lossplay::vmath {
namespace {

// Read at start-up: the optimiser cannot know it stays 1, so it cannot fold
// the constants below back into the code.
volatile double opaque_one = 1.0;

Constants make_constants() {
  const double o = opaque_one;
  Constants c{};
  c.shifter = 0x1.8p52 * o;
  c.ln2_hi = 0x1.62e42fefa3800p-1 * o;
  c.ln2_lo = 0x1.ef35793c76730p-45 * o;
  c.inv_ln2 = 0x1.71547652b82fep0 * o;
  c.exp_low = -746.0 * o;
  const double factorial[12] = {2.0,     6.0,      24.0,      120.0,      720.0,       5040.0,
                                40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0};
  for (int i = 0; i < 12; ++i) c.exp_c[i] = o / factorial[i];
  const double log_c[7] = {0x1.5555555555558p-1, 0x1.99999999952d7p-2, 0x1.2492492df281ap-2, 0x1.c71c62e3f11e6p-3,
                           0x1.7462b51cb66b1p-3, 0x1.39fe51a7c18f9p-3, 0x1.2b5900de53b32p-3};
  for (int i = 0; i < 7; ++i) c.log_c[i] = log_c[i] * o;
  c.zero = 0.0 * o;
  c.half = 0.5 * o;
  c.one = o;
  c.two = 2.0 * o;
  c.tiny = 0x1p-1022 * o;
  c.scale54 = 0x1p54 * o;
  c.fifty_four = 54.0 * o;
  c.inf = std::numeric_limits<double>::infinity() * o;
  c.nan = std::numeric_limits<double>::quiet_NaN();
  const std::uint64_t u = o == 1.0 ? 1 : 0;
  c.sqrt_half_bits = 0x3fe6a09e667f3bcdULL * u;
  c.shifted_offset = (0x4000000000000000ULL - 0x3fe6a09e667f3bcdULL) * u;
  c.mantissa = 0x000fffffffffffffULL * u;
  c.shifter_bits = __builtin_bit_cast(std::uint64_t, c.shifter);
  c.shifter_plus_1024 = c.shifter + 1024;
  c.exponent_bias = 1023 * static_cast<std::int64_t>(u);
  return c;
}

}  // namespace

const Constants kC = make_constants();


}  // namespace lossplay::vmath
