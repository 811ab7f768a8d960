// Cases that run losses of several groups at once: the losses added after
// the first release (regression and binary), their defaults, reductions,
// option ranges and errors.
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

namespace {

const char* const new_losses[] = {"smooth_l1_loss", "mape", "log_cosh", "quantile",
                                  "squared_hinge", "soft_margin_loss", "sigmoid_focal_loss"};

}  // namespace

BOOST_AUTO_TEST_SUITE(losses)

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
  BOOST_TEST(e.message == "option beta of smooth_l1_loss must be [0, inf), got -0.5");
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

BOOST_AUTO_TEST_SUITE_END()
