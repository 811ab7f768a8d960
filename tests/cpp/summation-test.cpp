#include <cmath>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "lossplay/summation.hpp"

BOOST_AUTO_TEST_SUITE(summation)

// Ten million additions of 0.1 drift by about 1e-4 in a running sum; the
// pairwise sum must stay within a few ulps of 1e6.
BOOST_AUTO_TEST_CASE(pairwise_sum_keeps_digits_over_ten_million_terms) {
  std::vector<double> v(10'000'000, 0.1);
  const double want = 1e6;  // 1e7 * double(0.1), rounded to the nearest double
  double naive = 0;
  for (double x : v) naive += x;
  const double got = lossplay::pairwise_sum(v.data(), v.size());
  BOOST_TEST(std::fabs(got - want) < 1e-8);
  BOOST_TEST(std::fabs(naive - want) > 1e-6);  // the case is hard enough to matter
}

BOOST_AUTO_TEST_CASE(small_and_odd_lengths) {
  for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 127u, 128u, 129u, 1000u, 1001u}) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i + 1);
    const double dn = static_cast<double>(n);
    BOOST_TEST(lossplay::pairwise_sum(v.data(), n) == dn * (dn + 1) / 2);
  }
}

BOOST_AUTO_TEST_SUITE_END()
