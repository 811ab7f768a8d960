// Edge cases of the binary losses (losses_binary.cpp): kinks, clamps,
// extreme values, weights and their errors.
#include <algorithm>
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

BOOST_AUTO_TEST_SUITE(binary)

BOOST_AUTO_TEST_CASE(hinge_passes_the_gradient_at_the_margin) {
  // torch.clamp(min=0) passes the gradient where margin - y x = 0.
  LossResult r = run("hinge", {vec("input", {1, -1}), vec("target", {1, -1})});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 0}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(squared_hinge_is_smooth_at_the_margin) {
  LossResult r = run("squared_hinge", {vec("input", {1, -1, 0.5}), vec("target", {1, -1, 1})}, {{"margin", 1}});
  BOOST_TEST(r.grad.data[0] == 0.0);
  BOOST_TEST(r.grad.data[1] == 0.0);
  BOOST_TEST(r.loss.data[2] == 0.25);
  BOOST_TEST(r.grad.data[2] == -1.0);
}

BOOST_AUTO_TEST_CASE(hinge_embedding_passes_the_gradient_at_the_margin) {
  LossResult r = run("hinge_embedding_loss", {vec("input", {1, 0.5}), vec("target", {-1, -1})}, {{"margin", 1}});
  BOOST_TEST(r.grad.data == std::vector<double>({-1, -1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(bce_gradient_floor_is_pytorchs_float_epsilon) {
  // PyTorch divides by max(p (1 - p), 1e-12 rounded to float).
  const double eps = static_cast<double>(1e-12f);
  LossResult r = run("binary_cross_entropy", {vec("input", {0, 1, 0}), vec("target", {1, 0, 0.5})});
  BOOST_TEST(r.grad.data[0] == -1 / eps);
  BOOST_TEST(r.grad.data[1] == 1 / eps);
  BOOST_TEST(r.grad.data[2] == -0.5 / eps);
  BOOST_TEST(r.loss.data[2] == 50.0);  // 0.5 * 100 from the clamped log
}

BOOST_AUTO_TEST_CASE(soft_margin_does_not_overflow) {
  // PyTorch 1.13 computes log1p(exp(800)) = inf here, with a NaN gradient.
  LossResult r = run("soft_margin_loss", {vec("input", {-800, 800, 0}), vec("target", {1, 1, -1})});
  BOOST_TEST(r.loss.data[0] == 800.0);
  BOOST_TEST(r.grad.data[0] == -1.0);
  BOOST_TEST(r.loss.data[1] == 0.0);
  BOOST_TEST(r.grad.data[1] == 0.0);
  BOOST_TEST(r.loss.data[2] == std::log(2.0));
  BOOST_TEST(r.grad.data[2] == 0.5);
}

BOOST_AUTO_TEST_CASE(soft_margin_is_bce_with_logits_on_zero_one_labels) {
  LossResult s = run("soft_margin_loss", {vec("input", {0.3, -2, 5}), vec("target", {1, -1, -1})}, {}, "sum");
  LossResult b = run("binary_cross_entropy_with_logits", {vec("input", {0.3, -2, 5}), vec("target", {1, 0, 0})}, {}, "sum");
  BOOST_TEST(s.loss.data[0] == b.loss.data[0], tt::tolerance(1e-14));
  BOOST_TEST(s.grad.data == b.grad.data, tt::tolerance(1e-14) << tt::per_element());
}

// The kernel runs two lanes at a time and takes an odd count's last element
// through the same loop: an element's loss and gradient do not depend on
// its place (the fit's exact landscape relies on it), and stay within
// about an ulp of its parts computed with libm's exp and log1p.
BOOST_AUTO_TEST_CASE(bce_with_logits_gives_an_element_the_same_bits_anywhere) {
  std::vector<double> z, t;
  for (int i = 0; i < 1001; ++i) {
    z.push_back(std::ldexp(std::sin(i * 0.37), i % 9 - 3) * (i % 2 ? 1 : -1));
    t.push_back(i % 3 == 0 ? 0.25 : i % 2);
  }
  const LossResult all = run("binary_cross_entropy_with_logits", {vec("input", z), vec("target", t)}, {}, "none");
  for (std::size_t i = 0; i < z.size(); i += 7) {
    // Element i alone (odd count: the paired-with-zero path) and first of a pair.
    const LossResult one = run("binary_cross_entropy_with_logits", {vec("input", {z[i]}), vec("target", {t[i]})}, {}, "none");
    const LossResult two = run("binary_cross_entropy_with_logits", {vec("input", {z[i], 1}), vec("target", {t[i], 0})}, {}, "none");
    BOOST_TEST_REQUIRE(one.loss.data[0] == all.loss.data[i], "z = " << z[i]);
    BOOST_TEST_REQUIRE(two.loss.data[0] == all.loss.data[i], "z = " << z[i]);
    BOOST_TEST_REQUIRE(one.grad.data[0] == all.grad.data[i], "z = " << z[i]);
    // Against libm: an ulp or so of each part, which the sum's cancellation
    // can make a larger part of a small total.
    const double linear = (1 - t[i]) * z[i], softplus = std::max(-z[i], 0.0) + std::log1p(std::exp(-std::fabs(z[i])));
    BOOST_TEST(std::fabs(all.loss.data[i] - (linear + softplus)) <= 4e-16 * (std::fabs(linear) + softplus), "z = " << z[i]);
  }
}

BOOST_AUTO_TEST_CASE(focal_matches_torchvision_at_zero_logits) {
  // Values from torchvision's formula in PyTorch autograd.
  LossResult r = run("sigmoid_focal_loss", {vec("input", {0, 0, 2}), vec("target", {1, 0, 1})});
  BOOST_TEST(r.loss.data[0] == 0.04332169878499658, tt::tolerance(1e-14));
  BOOST_TEST(r.loss.data[1] == 0.12996509635498973, tt::tolerance(1e-14));
  BOOST_TEST(r.loss.data[2] == 0.0004508907088100952, tt::tolerance(1e-12));
  BOOST_TEST(r.grad.data[0] == -0.07457169878499659, tt::tolerance(1e-14));
  BOOST_TEST(r.grad.data[1] == 0.22371509635498973, tt::tolerance(1e-14));
  BOOST_TEST(r.grad.data[2] == -0.0012177350488481954, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(focal_with_gamma_0_and_no_alpha_is_bce_with_logits) {
  const std::vector<Owned> args = {vec("input", {0.3, -2, 5, 40}), vec("target", {1, 0, 0, 0.25})};
  LossResult f = run("sigmoid_focal_loss", args, {{"alpha", -1}, {"gamma", 0}}, "mean");
  LossResult b = run("binary_cross_entropy_with_logits", args, {}, "mean");
  BOOST_TEST(f.loss.data[0] == b.loss.data[0], tt::tolerance(1e-14));
  BOOST_TEST(f.grad.data == b.grad.data, tt::tolerance(1e-14) << tt::per_element());
}

BOOST_AUTO_TEST_CASE(focal_stays_finite_when_the_sigmoid_saturates) {
  // With gamma < 1, torch's (1 - p_t)^(gamma - 1) is inf where p_t = 1 and
  // its gradient NaN; the limit is 0, and the wrong answers cost 800 alpha_t.
  for (double gamma : {0.0, 0.25, 0.5, 1.0, 2.0}) {
    LossResult r = run("sigmoid_focal_loss", {vec("input", {800, -800, 40, -40, 800, -800}),
                                              vec("target", {1, 0, 1, 0, 0, 1})},
                       {{"gamma", gamma}, {"alpha", 0.25}});
    for (std::size_t i = 0; i < 4; ++i) {
      BOOST_TEST(std::isfinite(r.grad.data[i]));
      BOOST_TEST(std::fabs(r.grad.data[i]) < 1e-15);
      BOOST_TEST(r.loss.data[i] < 1e-15);
    }
    BOOST_TEST(r.loss.data[4] == 0.75 * 800);
    BOOST_TEST(r.loss.data[5] == 0.25 * 800);
    BOOST_TEST(r.grad.data[4] == 0.75);
    BOOST_TEST(r.grad.data[5] == -0.25);
  }
}

BOOST_AUTO_TEST_CASE(focal_negative_alpha_turns_weighting_off) {
  const std::vector<Owned> args = {vec("input", {0.3, -2}), vec("target", {1, 0})};
  LossResult off1 = run("sigmoid_focal_loss", args, {{"alpha", -1}});
  LossResult off2 = run("sigmoid_focal_loss", args, {{"alpha", -0.01}});
  LossResult half = run("sigmoid_focal_loss", args, {{"alpha", 0.5}});
  BOOST_TEST(off1.loss.data == off2.loss.data, tt::per_element());
  BOOST_TEST(half.loss.data[0] == 0.5 * off1.loss.data[0], tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(weights_must_have_the_inputs_shape) {
  Caught e;
  e = error_of("shape_mismatch", [] {
    run("binary_cross_entropy", {vec("input", {0.5, 0.3, 0.2}), vec("target", {1, 0, 1}), vec("weight", {2})});
  });
  BOOST_TEST(contains(e, "weight has shape [1]"));
  e = error_of("shape_mismatch", [] {
    run("binary_cross_entropy_with_logits",
        {vec("input", {0.5, 0.3, 0.2}), vec("target", {1, 0, 1}), vec("weight", {2, 1})});
  });
  BOOST_TEST(contains(e, "weight has shape [2]"));
  e = error_of("pos_weight_shape", [] {
    run("binary_cross_entropy_with_logits", {Owned{"input", std::vector<double>(12, 0.0), {3, 4}},
                                             Owned{"target", std::vector<double>(12, 1.0), {3, 4}},
                                             vec("pos_weight", {1, 2, 3})});
  });
  BOOST_TEST(contains(e, "pos_weight has shape [3]"));
  BOOST_TEST(contains(e, "[4]"));
}

BOOST_AUTO_TEST_CASE(other_labels_pass_where_pytorch_takes_them) {
  // soft_margin_loss and hinge_embedding_loss take any real label, as in PyTorch.
  BOOST_TEST(error_of([] { run("soft_margin_loss", {vec("input", {0.3}), vec("target", {0.5})}); }).empty());
  BOOST_TEST(error_of([] { run("hinge_embedding_loss", {vec("input", {0.3}), vec("target", {0})}); }).empty());
  BOOST_TEST(error_of([] { run("binary_cross_entropy_with_logits", {vec("input", {0.3}), vec("target", {1.5})}); }).empty());
}

BOOST_AUTO_TEST_CASE(bce_clamps_its_logs_at_minus_100) {
  // PyTorch: loss 100 at a confident wrong answer, gradient about +-1e12 by
  // the floor of p(1 - p); a confident right answer costs 0.
  LossResult r = run("binary_cross_entropy", {vec("input", {0, 1, 1, 0}), vec("target", {1, 0, 1, 0})});
  BOOST_TEST(r.loss.data == std::vector<double>({100, 100, 0, 0}), tt::per_element());
  // PyTorch's floor is 1e-12 as a float (9.99999996e-13), hence not exactly 1e12.
  const double floor = static_cast<double>(1e-12f);
  BOOST_TEST(r.grad.data[0] == -1 / floor);
  BOOST_TEST(r.grad.data[1] == 1 / floor);
}

BOOST_AUTO_TEST_CASE(bce_with_logits_does_not_overflow) {
  LossResult r = run("binary_cross_entropy_with_logits",
                     {vec("input", {800, -800, 800, -800}), vec("target", {0, 1, 1, 0})});
  BOOST_TEST(r.loss.data == std::vector<double>({800, 800, 0, 0}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({1, -1, 0, 0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(hinge_embedding_follows_pytorch_at_the_margin) {
  LossResult r = run("hinge_embedding_loss", {vec("input", {1, 0.5}), vec("target", {-1, 1})});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 0.5}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
