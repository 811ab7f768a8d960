// Edge cases: kinks, clamps, extreme values and the error contract.
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

BOOST_AUTO_TEST_SUITE(edge_cases)

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

BOOST_AUTO_TEST_CASE(cross_entropy_survives_huge_logits) {
  Owned z{"input", {1000, 0, -1000, 1000}, {2, 2}};
  LossResult r = run("cross_entropy", {z, vec("target", {1, 0})});
  BOOST_TEST(r.loss.data[0] == 1000.0, tt::tolerance(1e-12));
  BOOST_TEST(r.loss.data[1] == 2000.0, tt::tolerance(1e-12));
  BOOST_TEST(std::isfinite(r.grad.data[0]));
}

BOOST_AUTO_TEST_CASE(cross_entropy_mean_skips_ignored_targets) {
  Owned z{"input", {1, 2, 3, 0.5, 0.5, 0.5}, {2, 3}};
  LossResult all = run("cross_entropy", {z, vec("target", {2, -100})}, {}, "mean");
  LossResult one = run("cross_entropy", {Owned{"input", {1, 2, 3}, {1, 3}}, vec("target", {2})}, {}, "mean");
  BOOST_TEST(all.loss.data[0] == one.loss.data[0], tt::tolerance(1e-15));
  BOOST_TEST(all.grad.data[3] == 0.0);
}

BOOST_AUTO_TEST_CASE(unbatched_cross_entropy_takes_a_scalar_index) {
  Owned z{"input", {1, 2, 3}, {3}};
  LossResult r = run("cross_entropy", {z, Owned{"target", {2}, {}}});
  BOOST_TEST(r.loss.shape.empty());
  BOOST_TEST(r.loss.data[0] == 0.40760596444438, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(rmse_has_no_gradient_where_every_residual_is_zero) {
  LossResult r = run("rmse", {vec("input", {1, 2}), vec("target", {1, 2})}, {}, "mean");
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(std::isnan(r.grad.data[0]));  // as torch.sqrt(mse_loss(...)) gives
}

BOOST_AUTO_TEST_CASE(hinge_embedding_follows_pytorch_at_the_margin) {
  LossResult r = run("hinge_embedding_loss", {vec("input", {1, 0.5}), vec("target", {-1, 1})});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 0.5}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(errors_say_what_and_where) {
  Caught e;
  e = error_of("shape_mismatch", [] { run("mse_loss", {vec("input", {1, 2, 3}), vec("target", {1, 2})}); });
  BOOST_TEST(contains(e, "[2]"));
  BOOST_TEST(contains(e, "[3]"));
  BOOST_TEST((e.text("arg") == "target" && e.list("shape") == Shape{2}));
  BOOST_TEST((e.text("other") == "input" && e.list("other_shape") == Shape{3}));
  e = error_of("empty_argument", [] { run("mse_loss", {vec("input", {}), vec("target", {})}); });
  BOOST_TEST(contains(e, "empty"));
  BOOST_TEST((e.text("arg") == "input"));
  e = error_of("msle_domain", [] { run("msle", {vec("input", {1, -1}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input[1]"));
  BOOST_TEST(contains(e, "-1"));
  BOOST_TEST((e.text("arg") == "input" && e.list("index") == Shape{1} && e.number("value") == -1.0));
  e = error_of("bce_probability", [] { run("binary_cross_entropy", {vec("input", {0.5, 1.5}), vec("target", {1, 0})}); });
  BOOST_TEST(contains(e, "input[1] is 1.5"));
  BOOST_TEST((e.list("index") == Shape{1} && e.number("value") == 1.5));
  e = error_of("class_index_out_of_range_or_ignored", [] { run("cross_entropy", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0, 2})}); });
  BOOST_TEST(contains(e, "target[1] is 2"));
  BOOST_TEST((e.text("arg") == "target" && e.list("index") == Shape{1} && e.number("value") == 2.0));
  BOOST_TEST((e.number("classes") == 2.0 && e.number("last") == 1.0 && e.number("ignore_index") == -100.0));
  e = error_of("class_index_not_whole", [] { run("cross_entropy", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0, 0.5})}); });
  BOOST_TEST(contains(e, "whole number"));
  e = error_of("option_out_of_range", [] { run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", 0}}); });
  BOOST_TEST(contains(e, "delta"));
  BOOST_TEST(contains(e, "(0, inf)"));
  BOOST_TEST((e.text("option") == "delta" && e.text("loss") == "huber_loss"));
  BOOST_TEST((e.text("range") == "(0, inf)" && e.number("value") == 0.0));
  e = error_of("unknown_option", [] { run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"beta", 1}}); });
  BOOST_TEST(contains(e, "unknown option 'beta'"));
  BOOST_TEST((e.text("option") == "beta" && e.text("options") == "delta"));
  e = error_of("unknown_loss", [] { run("no_such_loss", {vec("input", {1}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "unknown loss"));
  BOOST_TEST((e.text("loss") == "no_such_loss"));
  BOOST_TEST(contains(e.text("losses").value_or(""), "mse_loss, rmse, l1_loss"));
  e = error_of("reduction_unavailable", [] { run("rmse", {vec("input", {1}), vec("target", {1})}, {}, "sum"); });
  BOOST_TEST(contains(e, "mean"));
  BOOST_TEST((e.text("reduction") == "sum" && e.text("loss") == "rmse" && e.text("reductions") == "mean"));
  e = error_of("needs_argument", [] { run("mse_loss", {vec("input", {1})}); });
  BOOST_TEST(contains(e, "target"));
  BOOST_TEST((e.text("loss") == "mse_loss" && e.text("arg") == "target"));
  e = error_of("count_mismatch", [] { run("mse_loss", {Owned{"input", {1, 2}, {3}}, vec("target", {1, 2})}); });
  BOOST_TEST(contains(e, "shape"));
  BOOST_TEST((e.number("count") == 2.0 && e.list("shape") == Shape{3} && e.number("needed") == 3.0));
}

// The codes no other edge test reaches, one case each.
BOOST_AUTO_TEST_CASE(rarer_errors_have_their_codes) {
  Caught e;
  e = error_of("loss_has_no_options", [] { run("mse_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", 1}}); });
  BOOST_TEST(e.message == "unknown option 'delta' for mse_loss; it has no options");
  e = error_of("class_scores_empty", [] { run("cross_entropy", {Owned{"input", {}, {0, 3}}, vec("target", {})}); });
  BOOST_TEST((e.text("arg") == "input"));
  e = error_of("index_target_shape", [] { run("nll_loss", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0})}); });
  BOOST_TEST((e.list("shape") == Shape{1} && e.list("index_shape") == Shape{2} && e.text("loss") == "nll_loss"));
  e = error_of("option_not_whole", [] {
    run("multi_margin_loss", {Owned{"input", {1, 2}, {1, 2}}, vec("target", {0})}, {{"p", 1.5}});
  });
  BOOST_TEST((e.text("range") == "[1, 2]" && e.number("value") == 1.5));
  BOOST_TEST(e.message == "option p of multi_margin_loss must be a whole number in [1, 2], got 1.5");
  e = error_of("option_not_boolean", [] {
    run("triplet_margin_loss", {vec("anchor", {1}), vec("positive", {1}), vec("negative", {1})}, {{"swap", 2}});
  });
  BOOST_TEST(e.message == "option swap of triplet_margin_loss must be true or false (1 or 0), got 2");
  // Arguments and Options are what a loss reads; asking for a name they lack is a bug in a loss.
  e = error_of("missing_argument", [] { Arguments({}).get("input"); });
  BOOST_TEST(e.message == "missing argument 'input'");
  e = error_of("missing_option", [] { Options({}).get("delta"); });
  BOOST_TEST(e.message == "missing option 'delta'");
}

// NaN and infinities stay numbers in the params; the message writes them as the ranges do.
BOOST_AUTO_TEST_CASE(non_finite_values_stay_numbers) {
  Caught e = error_of("bce_probability", [] {
    run("binary_cross_entropy", {vec("input", {std::nan("")}), vec("target", {1})});
  });
  BOOST_TEST(std::isnan(e.number("value").value_or(0)));
  BOOST_TEST(e.message.rfind("input[0] is nan:", 0) == 0);
  e = error_of("option_out_of_range", [] {
    run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", -std::numeric_limits<double>::infinity()}});
  });
  BOOST_TEST((e.number("value") == -std::numeric_limits<double>::infinity()));
  BOOST_TEST(contains(e, "got -inf"));
}

BOOST_AUTO_TEST_CASE(a_shape_that_overflows_size_t_is_refused) {
  // 2 * (SIZE_MAX / 2 + 1) wraps to 0: it must not pass the size check.
  const std::size_t half = std::numeric_limits<std::size_t>::max() / 2 + 1;
  Caught e = error_of("shape_too_large", [&] { run("mse_loss", {Owned{"input", {}, {2, half}}, Owned{"target", {}, {2, half}}}); });
  BOOST_TEST(contains(e, "more elements than memory can hold"));
}

BOOST_AUTO_TEST_SUITE_END()
