// Edge cases of the regression and binary losses: PyTorch's choices at the
// kinks, the clamps, extreme values and the error contract.
#include <cmath>
#include <limits>
#include <string>

#include <boost/test/unit_test.hpp>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"
#include "loss_runner.hpp"

namespace tt = boost::test_tools;
using namespace lossplay;
using namespace lossplay::test;

namespace {

const double inf = std::numeric_limits<double>::infinity();

const char* const new_losses[] = {"smooth_l1_loss", "mape", "log_cosh", "quantile",
                                  "squared_hinge", "soft_margin_loss", "sigmoid_focal_loss"};

}  // namespace

BOOST_AUTO_TEST_SUITE(regbin)

// --- kinks: PyTorch's subgradients -------------------------------------------

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

// --- clamps and extreme values --------------------------------------------------

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

BOOST_AUTO_TEST_CASE(new_losses_reduce_like_pytorch) {
  const std::vector<Owned> args = {vec("input", {0.3, -1.2, 2.5, 0.7}), vec("target", {1, -1, -1, 1})};
  for (const char* loss : new_losses) {
    BOOST_TEST_CONTEXT(loss) {
      std::vector<Owned> a = args;
      if (std::string(loss) == "sigmoid_focal_loss") a[1] = vec("target", {1, 0, 0, 1});
      LossResult none = run(loss, a);
      LossResult sum = run(loss, a, {}, "sum");
      LossResult mean = run(loss, a, {}, "mean");
      LossResult dflt = run(loss, a, {}, "mean");
      BOOST_TEST(none.loss.shape == Shape({4}));
      BOOST_TEST(sum.loss.shape.empty());
      double total = 0;
      for (double v : none.loss.data) total += v;
      BOOST_TEST(sum.loss.data[0] == total, tt::tolerance(1e-14));
      BOOST_TEST(mean.loss.data[0] == total / 4, tt::tolerance(1e-14));
      BOOST_TEST(mean.grad.data[1] == none.grad.data[1] / 4, tt::tolerance(1e-14));
      BOOST_TEST(sum.grad.data == none.grad.data, tt::per_element());
      BOOST_TEST(dflt.loss.data[0] == mean.loss.data[0]);
    }
  }
}

// --- the registry entries ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(entries_carry_pytorchs_defaults_and_ranges) {
  const auto option = [](const char* loss, const char* name) -> const OptionSpec& {
    const LossSpec* s = find_loss(loss);
    BOOST_TEST_REQUIRE(s != nullptr);
    const OptionSpec* o = s->find_option(name);
    BOOST_TEST_REQUIRE(o != nullptr);
    return *o;
  };
  BOOST_TEST(option("smooth_l1_loss", "beta").default_value == 1.0);
  BOOST_TEST(option("smooth_l1_loss", "beta").range_text() == "[0, inf)");
  BOOST_TEST(option("quantile", "tau").default_value == 0.5);
  BOOST_TEST(option("quantile", "tau").range_text() == "[0, 1]");
  BOOST_TEST(option("squared_hinge", "margin").default_value == 1.0);
  BOOST_TEST(option("sigmoid_focal_loss", "alpha").default_value == 0.25);
  BOOST_TEST(option("sigmoid_focal_loss", "alpha").range_text() == "(-inf, 1]");
  BOOST_TEST(option("sigmoid_focal_loss", "gamma").default_value == 2.0);
  BOOST_TEST(option("sigmoid_focal_loss", "gamma").range_text() == "[0, inf)");
  for (const char* loss : new_losses) {
    BOOST_TEST_CONTEXT(loss) {
      const LossSpec* s = find_loss(loss);
      BOOST_TEST_REQUIRE(s != nullptr);
      BOOST_TEST(s->reductions.size() == 3u);
      BOOST_TEST((s->default_reduction == Reduction::Mean));
      BOOST_TEST(s->prediction_arg().name == "input");
    }
  }
  BOOST_TEST(find_loss("smooth_l1_loss")->pytorch == "torch.nn.functional.smooth_l1_loss");
  BOOST_TEST(find_loss("soft_margin_loss")->pytorch == "torch.nn.functional.soft_margin_loss");
  BOOST_TEST(find_loss("sigmoid_focal_loss")->pytorch.empty());  // torchvision's, not PyTorch's
  BOOST_TEST(find_loss("mape")->group == "regression");
  BOOST_TEST(find_loss("squared_hinge")->group == "binary");
}

// --- the error contract --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(new_losses_refuse_mismatched_and_empty_input) {
  for (const char* loss : new_losses) {
    BOOST_TEST_CONTEXT(loss) {
      Caught e = error_of("shape_mismatch", [&] { run(loss, {vec("input", {1, 1, 1}), vec("target", {1, 1, 1, 1})}); });
      BOOST_TEST(contains(e, "target has shape [4]"));
      BOOST_TEST(contains(e, "input has shape [3]"));
      e = error_of("shape_mismatch", [&] { run(loss, {vec("input", {1, 1, 1}), vec("target", {1})}); });
      BOOST_TEST(contains(e, "[1]"));  // no silent broadcasting
      e = error_of("shape_mismatch", [&] { run(loss, {Owned{"input", {1, 1, 1, 1, 1, 1}, {2, 3}}, Owned{"target", {1, 1, 1, 1, 1, 1}, {3, 2}}}); });
      BOOST_TEST(contains(e, "[3, 2]"));
      e = error_of("empty_argument", [&] { run(loss, {vec("input", {}), vec("target", {})}, {}, "mean"); });
      BOOST_TEST(contains(e, "input is empty"));
      e = error_of("needs_argument", [&] { run(loss, {vec("input", {1})}); });
      BOOST_TEST(contains(e, "needs the argument 'target'"));
      e = error_of("reduction_unavailable", [&] { run(loss, {vec("input", {1}), vec("target", {1})}, {}, "batchmean"); });
      BOOST_TEST(contains(e, "none, mean, sum"));
    }
  }
}

BOOST_AUTO_TEST_CASE(options_out_of_range_are_refused) {
  const std::vector<Owned> xy = {vec("input", {0.5}), vec("target", {1})};
  Caught e = error_of("option_out_of_range", [&] { run("smooth_l1_loss", xy, {{"beta", -0.5}}); });
  BOOST_TEST(e.message == "option beta of smooth_l1_loss must be in [0, inf), got -0.5");
  e = error_of("option_out_of_range", [&] { run("quantile", xy, {{"tau", 1.5}}); });
  BOOST_TEST((contains(e, "tau") && contains(e, "[0, 1]") && contains(e, "1.5")));
  e = error_of("option_out_of_range", [&] { run("quantile", xy, {{"tau", -0.1}}); });
  BOOST_TEST(contains(e, "-0.1"));
  e = error_of("option_out_of_range", [&] { run("sigmoid_focal_loss", xy, {{"gamma", -1}}); });
  BOOST_TEST((contains(e, "gamma") && contains(e, "[0, inf)")));
  e = error_of("option_out_of_range", [&] { run("sigmoid_focal_loss", xy, {{"alpha", 1.5}}); });
  BOOST_TEST((contains(e, "alpha") && contains(e, "(-inf, 1]")));
  e = error_of("option_out_of_range", [&] { run("sigmoid_focal_loss", xy, {{"alpha", std::nan("")}}); });
  BOOST_TEST(contains(e, "alpha"));
  e = error_of("option_out_of_range", [&] { run("huber_loss", xy, {{"delta", -1}}); });
  BOOST_TEST((contains(e, "delta") && contains(e, "(0, inf)")));
  e = error_of("unknown_option", [&] { run("squared_hinge", xy, {{"tau", 0.5}}); });
  BOOST_TEST(contains(e, "unknown option 'tau'"));
  BOOST_TEST(error_of([&] { run("quantile", xy, {{"tau", 0}}); }).empty());
  BOOST_TEST(error_of([&] { run("quantile", xy, {{"tau", 1}}); }).empty());
  BOOST_TEST(error_of([&] { run("smooth_l1_loss", xy, {{"beta", 0}}); }).empty());
  BOOST_TEST(error_of([&] { run("sigmoid_focal_loss", xy, {{"alpha", -inf}}); }).empty());
}

BOOST_AUTO_TEST_CASE(values_outside_a_domain_are_refused_with_their_place) {
  Caught e;
  e = error_of("bce_probability", [] { run("binary_cross_entropy", {vec("input", {0.5, std::nan("")}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input[1] is nan"));
  e = error_of("bce_probability", [] {
    run("binary_cross_entropy", {Owned{"input", {0.5, 0.2, 0.1, 1.25}, {2, 2}}, Owned{"target", {1, 0, 1, 1}, {2, 2}}});
  });
  BOOST_TEST(contains(e, "input[1, 1] is 1.25"));
  e = error_of("msle_domain", [] { run("msle", {vec("input", {1, 1}), vec("target", {2, -1})}); });
  BOOST_TEST(contains(e, "target[1] is -1"));
  e = error_of("msle_domain", [] { run("msle", {vec("input", {-1.5, 1}), vec("target", {2, 1})}); });
  BOOST_TEST(contains(e, "input[0] is -1.5"));
  e = error_of("focal_label", [] { run("sigmoid_focal_loss", {vec("input", {0.3, -0.2}), vec("target", {1, 2})}); });
  BOOST_TEST(e.message == "target[1] is 2: the focal loss takes labels in [0, 1]");
  e = error_of("focal_label", [] { run("sigmoid_focal_loss", {vec("input", {0.3, -0.2}), vec("target", {-0.5, 1})}); });
  BOOST_TEST(contains(e, "target[0] is -0.5"));
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

BOOST_AUTO_TEST_CASE(rmse_offers_the_mean_only) {
  for (const char* reduction : {"none", "sum"}) {
    Caught e = error_of("reduction_unavailable", [&] { run("rmse", {vec("input", {1, 2}), vec("target", {1, 3})}, {}, reduction); });
    BOOST_TEST(contains(e, "not available for rmse; choose mean"));
  }
}

BOOST_AUTO_TEST_CASE(other_labels_pass_where_pytorch_takes_them) {
  // soft_margin_loss and hinge_embedding_loss take any real label, as in PyTorch.
  BOOST_TEST(error_of([] { run("soft_margin_loss", {vec("input", {0.3}), vec("target", {0.5})}); }).empty());
  BOOST_TEST(error_of([] { run("hinge_embedding_loss", {vec("input", {0.3}), vec("target", {0})}); }).empty());
  BOOST_TEST(error_of([] { run("binary_cross_entropy_with_logits", {vec("input", {0.3}), vec("target", {1.5})}); }).empty());
}

BOOST_AUTO_TEST_SUITE_END()
