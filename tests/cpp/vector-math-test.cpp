// vector_math.hpp's exp, log and log1p against long double (a 64-bit
// significand: its own error is far below a double's ulp): at most one ulp
// of error over sweeps of every binade they take, tiny and subnormal
// arguments and results included, and libm's special values.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "../../cpp/src/vector_math.hpp"

namespace {

// |got - want| in units of want's last place (the subnormals' spacing below 2^-1022).
double ulps(double got, long double want) {
  const double w = static_cast<double>(want);
  if (std::isinf(w) || std::isnan(w)) return got == w || (std::isnan(got) && std::isnan(w)) ? 0 : 1e300;
  const double a = std::fabs(w);
  const double ulp = a < 0x1p-1022 ? 0x1p-1074 : std::nextafter(a, std::numeric_limits<double>::infinity()) - a;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

struct Worst {
  double ulps = 0, at = 0;
  void see(double u, double x) {
    if (u > ulps) {
      ulps = u;
      at = x;
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(vector_math)

BOOST_AUTO_TEST_CASE(exp_of_nonpositive_arguments_is_within_one_ulp) {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(0, 1);
  Worst worst;
  std::vector<double> xs;
  for (int i = 0; i < 400000; ++i) xs.push_back(-746 * u(gen));
  for (int i = 0; i < 100000; ++i) xs.push_back(-std::ldexp(u(gen), -static_cast<int>(60 * u(gen))));
  for (int i = 0; i < 20000; ++i) xs.push_back(-708 - 38 * u(gen));  // the subnormal results
  for (double x : xs) worst.see(ulps(lossplay::vmath::exp_nonpositive(x), std::exp(static_cast<long double>(x))), x);
  BOOST_TEST_MESSAGE("exp: worst " << worst.ulps << " ulp at " << worst.at);
  BOOST_TEST(worst.ulps <= 1.0);
  BOOST_TEST(lossplay::vmath::exp_nonpositive(0.0) == 1.0);
  BOOST_TEST(lossplay::vmath::exp_nonpositive(-0.0) == 1.0);
  BOOST_TEST(lossplay::vmath::exp_nonpositive(-800.0) == 0.0);
  BOOST_TEST(lossplay::vmath::exp_nonpositive(-std::numeric_limits<double>::infinity()) == 0.0);
  BOOST_TEST(std::isnan(lossplay::vmath::exp_nonpositive(std::nan(""))));
}

BOOST_AUTO_TEST_CASE(log_is_within_one_ulp_from_subnormals_to_the_largest_double) {
  std::mt19937_64 gen(8);
  std::uniform_real_distribution<double> u(1, 2);
  Worst worst;
  for (int e = -1074; e <= 1023; ++e)
    for (int i = 0; i < 200; ++i) {
      const double x = std::ldexp(u(gen), e);
      if (x == 0 || std::isinf(x)) continue;
      worst.see(ulps(lossplay::vmath::log(x), std::log(static_cast<long double>(x))), x);
    }
  for (int i = 0; i < 200000; ++i) {  // around 1, where log is small
    const double x = 1 + (u(gen) - 1.5) * 0.6;
    worst.see(ulps(lossplay::vmath::log(x), std::log(static_cast<long double>(x))), x);
  }
  BOOST_TEST_MESSAGE("log: worst " << worst.ulps << " ulp at " << worst.at);
  BOOST_TEST(worst.ulps <= 1.0);
  BOOST_TEST(lossplay::vmath::log(1.0) == 0.0);
  BOOST_TEST(lossplay::vmath::log(0.0) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(lossplay::vmath::log(-0.0) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(std::isnan(lossplay::vmath::log(-1.0)));
  BOOST_TEST(std::isnan(lossplay::vmath::log(std::nan(""))));
  BOOST_TEST(lossplay::vmath::log(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_CASE(log1p_is_within_one_ulp_tiny_arguments_included) {
  std::mt19937_64 gen(9);
  std::uniform_real_distribution<double> u(0, 1);
  Worst worst;
  std::vector<double> xs;
  for (int i = 0; i < 300000; ++i) xs.push_back(-1 + 2 * u(gen));
  for (int i = 0; i < 300000; ++i) xs.push_back((u(gen) < 0.5 ? -1 : 1) * std::ldexp(1 + u(gen), -static_cast<int>(1070 * u(gen))));
  for (int i = 0; i < 100000; ++i) xs.push_back(std::ldexp(1 + u(gen), static_cast<int>(1020 * u(gen))));
  for (int i = 0; i < 100000; ++i) xs.push_back(-1 + std::ldexp(1 + u(gen), -static_cast<int>(52 * u(gen)) - 1));
  for (double x : xs) worst.see(ulps(lossplay::vmath::log1p(x), std::log1p(static_cast<long double>(x))), x);
  BOOST_TEST_MESSAGE("log1p: worst " << worst.ulps << " ulp at " << worst.at);
  BOOST_TEST(worst.ulps <= 1.0);
  BOOST_TEST(lossplay::vmath::log1p(0.0) == 0.0);
  BOOST_TEST(lossplay::vmath::log1p(-1.0) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(std::isnan(lossplay::vmath::log1p(-2.0)));
  BOOST_TEST(std::isnan(lossplay::vmath::log1p(std::nan(""))));
  BOOST_TEST(lossplay::vmath::log1p(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_SUITE_END()
