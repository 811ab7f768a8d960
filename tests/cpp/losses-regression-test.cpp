// Edge cases of the regression losses (losses_regression.cpp): PyTorch's
// choices at the kinks, the clamps, extreme values and their errors.
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <boost/test/unit_test.hpp>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"
#include "loss_runner.hpp"

namespace tt = boost::test_tools;
using namespace lossplay;
using namespace lossplay::test;

BOOST_AUTO_TEST_SUITE(regression)

BOOST_AUTO_TEST_CASE(smooth_l1_with_beta_0_follows_pytorch_1_13_at_zero) {
  // Its backward tests d <= -beta first: -1 at d = 0 when beta = 0.
  LossResult r = run("smooth_l1_loss", {vec("input", {0, 1, -1}), vec("target", {0, 0, 0})}, {{"beta", 0}});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 1, 1}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1, -1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(smooth_l1_pieces_meet_at_beta) {
  LossResult r = run("smooth_l1_loss", {vec("input", {2, -2, 0, 1}), vec("target", {0, 0, 0, 0})}, {{"beta", 2}});
  BOOST_TEST(r.loss.data == std::vector<double>({1, 1, 0, 0.25}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({1, -1, 0, 0.5}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(smooth_l1_is_huber_divided_by_beta) {
  const std::vector<Owned> args = {vec("input", {0.3, -2.5, 4}), vec("target", {0, 0.5, 1})};
  LossResult s = run("smooth_l1_loss", args, {{"beta", 1.5}}, "sum");
  LossResult h = run("huber_loss", args, {{"delta", 1.5}}, "sum");
  BOOST_TEST(s.loss.data[0] == h.loss.data[0] / 1.5, tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(quantile_splits_the_gradient_at_a_tie) {
  // torch.maximum gives half the gradient to each of two equal terms.
  for (double tau : {0.0, 0.3, 0.5, 1.0}) {
    LossResult r = run("quantile", {vec("input", {1, 0, 2}), vec("target", {1, 1, 1})}, {{"tau", tau}});
    BOOST_TEST(r.loss.data[0] == 0.0);
    BOOST_TEST(r.grad.data[0] == 0.5 - tau, tt::tolerance(1e-15));
    BOOST_TEST(r.grad.data[1] == -tau);      // under-prediction
    BOOST_TEST(r.grad.data[2] == 1 - tau);   // over-prediction
    BOOST_TEST(r.loss.data[1] == tau);
    BOOST_TEST(r.loss.data[2] == 1 - tau, tt::tolerance(1e-15));
  }
}

BOOST_AUTO_TEST_CASE(mape_gradient_is_zero_where_the_residual_is) {
  LossResult r = run("mape", {vec("input", {2, -0.5}), vec("target", {2, -0.5})});
  BOOST_TEST(r.grad.data == std::vector<double>({0, 0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(mape_clamps_its_divisor_at_1e_minus_7) {
  LossResult r = run("mape", {vec("input", {0.25, -2}), vec("target", {0, 1e-9})});
  BOOST_TEST(r.loss.data[0] == 2.5e8, tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data[0] == 1e9, tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data[1] == -1e9, tt::tolerance(1e-15));
  BOOST_TEST(std::isfinite(r.loss.data[1]));
}

BOOST_AUTO_TEST_CASE(log_cosh_does_not_overflow) {
  // cosh(800) is inf in float64; the loss there is |d| - log 2.
  LossResult r = run("log_cosh", {vec("input", {800, -800, 1e300}), vec("target", {0, 0, 0})});
  BOOST_TEST(r.loss.data[0] == 800 - std::log(2.0), tt::tolerance(1e-15));
  BOOST_TEST(r.loss.data[1] == 800 - std::log(2.0), tt::tolerance(1e-15));
  BOOST_TEST(r.loss.data[2] == 1e300, tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data == std::vector<double>({1, -1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(log_cosh_keeps_its_digits_near_zero) {
  // log cosh d = d^2/2 - d^4/12 + ...: the |d| + log1p(exp(-2|d|)) - log 2
  // form would lose every digit here.
  LossResult r = run("log_cosh", {vec("input", {1e-8, 0, 1e-3}), vec("target", {0, 0, 0})});
  BOOST_TEST(r.loss.data[0] == 5e-17, tt::tolerance(1e-12));
  BOOST_TEST(r.loss.data[1] == 0.0);
  BOOST_TEST(r.loss.data[2] == 5e-7 - 1e-12 / 12, tt::tolerance(1e-12));
  BOOST_TEST(r.grad.data[0] == 1e-8, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(msle_near_minus_one_is_finite) {
  LossResult r = run("msle", {vec("input", {-0.999999999}), vec("target", {0})});
  BOOST_TEST(std::isfinite(r.loss.data[0]));
  BOOST_TEST(std::isfinite(r.grad.data[0]));
  BOOST_TEST(r.grad.data[0] < 0);
}

BOOST_AUTO_TEST_CASE(rmse_offers_the_mean_only) {
  for (const char* reduction : {"none", "sum"}) {
    Caught e = error_of("reduction_unavailable", [&] { run("rmse", {vec("input", {1, 2}), vec("target", {1, 3})}, {}, reduction); });
    BOOST_TEST(contains(e, "not available for rmse; choose mean"));
  }
}

BOOST_AUTO_TEST_CASE(l1_gradient_is_zero_where_the_residual_is_zero) {
  LossResult r = run("l1_loss", {vec("input", {1, 2}), vec("target", {1, 3})});
  BOOST_TEST(r.grad.data[0] == 0.0);
  BOOST_TEST(r.grad.data[1] == -1.0);
}

BOOST_AUTO_TEST_CASE(huber_joins_smoothly_at_delta) {
  LossResult r = run("huber_loss", {vec("input", {2, -2, 2.5}), vec("target", {0, 0, 0})}, {{"delta", 2}});
  BOOST_TEST(r.loss.data[0] == 2.0);  // 0.5 * 2^2 = 2 * (2 - 1)
  BOOST_TEST(r.grad.data[0] == 2.0);
  BOOST_TEST(r.grad.data[1] == -2.0);
  BOOST_TEST(r.loss.data[2] == 3.0);  // 2 * (2.5 - 1)
}

// 0/0 there: the subgradient 0, as torch.linalg.vector_norm(x - y) / sqrt(n)
// gives, not torch.sqrt(mse_loss(...))'s NaN (no silent NaN from finite input).
BOOST_AUTO_TEST_CASE(rmse_takes_the_subgradient_0_where_every_residual_is_zero) {
  LossResult r = run("rmse", {vec("input", {1, 2}), vec("target", {1, 2})}, {}, "mean");
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data[0] == 0.0);
  BOOST_TEST(r.grad.data[1] == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
