// Edge cases of the multiclass losses (losses_multiclass.cpp): kinks, ties,
// NaN where PyTorch gives NaN, extreme values and their errors. The expected
// numbers come from PyTorch 1.13 in float64.
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

BOOST_AUTO_TEST_SUITE(multiclass)

BOOST_AUTO_TEST_CASE(cross_entropy_mean_over_no_targets_is_nan_with_zero_gradient) {
  Owned z = mat("input", 2, {1, 2, 3, 0.5, 0.5, 0.5});
  for (double smoothing : {0.0, 0.3}) {
    LossResult r = run("cross_entropy", {z, vec("target", {-100, -100})}, {{"label_smoothing", smoothing}}, "mean");
    BOOST_TEST(std::isnan(r.loss.data[0]));
    BOOST_TEST(r.grad.data == std::vector<double>(6, 0.0), tt::per_element());
  }
  LossResult one = run("cross_entropy", {vec("input", {1, 2, 3}), scalar("target", -100)}, {}, "mean");
  BOOST_TEST(std::isnan(one.loss.data[0]));
  BOOST_TEST(one.grad.data == std::vector<double>(3, 0.0), tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_zero_total_weight_gives_nan_only_where_pytorch_does) {
  Owned z = mat("input", 3, {1, 2, 3, 0.5, 0.5, 0.5, 3, 2, 1});
  Owned t = vec("target", {0, -100, 1});
  Owned w = vec("weight", {0, 0, 1});
  LossResult ce = run("cross_entropy", {z, t, w}, {}, "mean");
  BOOST_TEST(std::isnan(ce.loss.data[0]));
  for (std::size_t i : {0u, 1u, 2u, 6u, 7u, 8u}) BOOST_TEST(std::isnan(ce.grad.data[i]));
  for (std::size_t i : {3u, 4u, 5u}) BOOST_TEST(ce.grad.data[i] == 0.0);  // the ignored row

  LossResult nll = run("nll_loss", {z, t, w}, {}, "mean");
  BOOST_TEST(std::isnan(nll.loss.data[0]));
  for (std::size_t i = 0; i < 9; ++i) {
    if (i == 0 || i == 7) BOOST_TEST(std::isnan(nll.grad.data[i]));  // the picked entries
    else BOOST_TEST(nll.grad.data[i] == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(cross_entropy_survives_huge_logits_with_smoothing) {
  Owned z = mat("input", 2, {1000, 0, -1000, -1e300, 1e300, 0});
  LossResult r = run("cross_entropy", {z, vec("target", {0, 0})}, {{"label_smoothing", 0.1}});
  BOOST_TEST(r.loss.data[0] == 100.0, tt::tolerance(1e-12));
  BOOST_TEST(r.loss.data[1] == 1.9e300, tt::tolerance(1e-12));
  const std::vector<double> grad{0.06666666666666665, -0.03333333333333333, -0.03333333333333333,
                                 -0.9333333333333333, 0.9666666666666667, -0.03333333333333333};
  check_close(r.grad.data, grad, 1e-12);
}

BOOST_AUTO_TEST_CASE(class_index_errors_say_where) {
  Owned z = mat("input", 2, {1, 2, 3, 4, 5, 6});
  Caught e;
  e = error_of("class_index_out_of_range_or_ignored", [&] { run("cross_entropy", {z, vec("target", {0, 1e300})}); });
  BOOST_TEST(contains(e, "target[1] is 1e+300"));
  BOOST_TEST(contains(e, "0 to 2"));
  e = error_of("class_index_out_of_range_or_ignored", [&] { run("nll_loss", {z, vec("target", {-1, 0})}); });
  BOOST_TEST(contains(e, "target[0] is -1"));
  BOOST_TEST(contains(e, "ignore_index, -100"));
  e = error_of("class_index_out_of_range_or_ignored", [&] { run("nll_loss", {z, vec("target", {-100, 0})}, {{"ignore_index", 2}}); });
  BOOST_TEST(contains(e, "target[0] is -100"));
  e = error_of("class_index_not_whole", [&] { run("cross_entropy", {z, vec("target", {0, inf})}); });
  BOOST_TEST(contains(e, "whole number"));
  e = error_of("ignore_index_with_probabilities", [&] { run("cross_entropy", {z, mat("target", 2, {0.2, 0.3, 0.5, 1, 0, 0})}, {{"ignore_index", 0}}); });
  BOOST_TEST(contains(e, "ignore_index"));
  BOOST_TEST(contains(e, "probabilities"));
  e = error_of("class_target_shape", [&] { run("cross_entropy", {vec("input", {1, 2, 3}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "target has shape [1]"));
  e = error_of("class_weight_shape", [&] { run("cross_entropy", {z, vec("target", {0, 1}), vec("weight", {1, 1})}); });
  BOOST_TEST(contains(e, "weight has shape [2]"));
  BOOST_TEST(contains(e, "[3]"));
  e = error_of("option_out_of_range", [&] { run("cross_entropy", {z, vec("target", {0, 1})}, {{"label_smoothing", -0.1}}); });
  BOOST_TEST(contains(e, "label_smoothing"));
  BOOST_TEST(contains(e, "[0, 1]"));
}

BOOST_AUTO_TEST_CASE(multi_margin_has_no_gradient_exactly_at_the_margin) {
  // Every term is at slack 0 or below: PyTorch tests slack > 0 strictly.
  Owned x = mat("input", 2, {0.5, 1.5, 0.0, 2.0, 1.0, 1.0});
  LossResult r = run("multi_margin_loss", {x, vec("target", {1, 0})});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 0}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>(6, 0.0), tt::per_element());
}

BOOST_AUTO_TEST_CASE(multi_margin_weight_scales_the_row_and_mean_divides_by_n) {
  Owned x = mat("input", 2, {0, 1, 0.5, 2, 1, 1});
  Owned t = vec("target", {0, 1});
  Owned w = vec("weight", {2, 3, 5});
  LossResult r = run("multi_margin_loss", {x, t, w}, {}, "mean");
  BOOST_TEST(r.loss.data[0] == 8.0 / 3, tt::tolerance(1e-14));
  const std::vector<double> grad{-2.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, -1, 0.5};
  check_close(r.grad.data, grad, 1e-14);
}

BOOST_AUTO_TEST_CASE(multi_margin_result_shape_follows_the_target) {
  Owned x = vec("input", {0, 1, 0.5});
  BOOST_TEST(run("multi_margin_loss", {x, scalar("target", 1)}).loss.shape == Shape{});
  BOOST_TEST(run("multi_margin_loss", {x, vec("target", {1})}).loss.shape == Shape{1});
  LossResult r = run("multi_margin_loss", {x, scalar("target", 1)});
  BOOST_TEST(r.loss.data[0] == 1.0 / 6, tt::tolerance(1e-14));
  check_close(r.grad.data, std::vector<double>({0, -1.0 / 3, 1.0 / 3}), 1e-14);
  LossResult one = run("multi_margin_loss", {scalar("input", 0.3), scalar("target", 0)});
  BOOST_TEST(one.loss.data[0] == 0.0);
}

BOOST_AUTO_TEST_CASE(multi_margin_errors) {
  Owned x = mat("input", 2, {1, 2, 3, 4, 5, 6});
  Caught e;
  e = error_of("option_not_whole", [&] { run("multi_margin_loss", {x, vec("target", {0, 1})}, {{"p", 3}}); });
  BOOST_TEST(contains(e, "option p"));
  BOOST_TEST(contains(e, "[1, 2]"));
  e = error_of("option_not_whole", [&] { run("multi_margin_loss", {x, vec("target", {0, 1})}, {{"p", 1.5}}); });
  BOOST_TEST(contains(e, "whole number"));
  e = error_of("class_index_out_of_range", [&] { run("multi_margin_loss", {x, vec("target", {3, 1})}); });
  BOOST_TEST(contains(e, "target[0] is 3"));
  BOOST_TEST(!contains(e, "ignore_index"));
  e = error_of("row_target_shape", [&] { run("multi_margin_loss", {x, mat("target", 2, {0, 1})}); });
  BOOST_TEST(contains(e, "target has shape [2, 1]"));
  e = error_of("margin_input_rank", [&] { run("multi_margin_loss", {Owned{"input", {1, 2, 3, 4}, {1, 2, 2}}, vec("target", {0})}); });
  BOOST_TEST(contains(e, "[C] or [N, C]"));
  e = error_of("class_weight_shape", [&] { run("multi_margin_loss", {x, vec("target", {0, 1}), vec("weight", {1, 1, 1, 1})}); });
  BOOST_TEST(contains(e, "weight has shape [4]"));
  e = error_of("empty_argument", [&] { run("multi_margin_loss", {Owned{"input", {}, {0, 3}}, vec("target", {})}); });
  BOOST_TEST(contains(e, "empty"));
  e = error_of("option_out_of_range", [&] { run("multi_margin_loss", {x, vec("target", {0, 1})}, {{"margin", inf}}); });
  BOOST_TEST(contains(e, "margin"));
}

BOOST_AUTO_TEST_CASE(multilabel_soft_margin_does_not_overflow) {
  Owned x = mat("input", 1, {800, -800, 1000});
  LossResult r = run("multilabel_soft_margin_loss", {x, mat("target", 1, {0, 1, 1})});
  BOOST_TEST(r.loss.data[0] == 1600.0 / 3, tt::tolerance(1e-14));
  check_close(r.grad.data, std::vector<double>({1.0 / 3, -1.0 / 3, 0}), 1e-14);
}

BOOST_AUTO_TEST_CASE(multilabel_soft_margin_errors) {
  Owned x = mat("input", 2, {1, 2, 3, 4, 5, 6});
  Caught e;
  e = error_of("shape_mismatch", [&] { run("multilabel_soft_margin_loss", {x, vec("target", {1, 0, 1})}); });
  BOOST_TEST(contains(e, "target has shape [3]"));
  e = error_of("class_weight_or_input_shape", [&] { run("multilabel_soft_margin_loss", {x, Owned{"target", x.data, x.shape}, vec("weight", {1, 1})}); });
  BOOST_TEST(contains(e, "weight has shape [2]"));
  e = error_of("class_scores_scalar", [&] { run("multilabel_soft_margin_loss", {scalar("input", 1), scalar("target", 1)}); });
  BOOST_TEST(contains(e, "single number"));
  e = error_of("empty_argument", [&] { run("multilabel_soft_margin_loss", {Owned{"input", {}, {0, 3}}, Owned{"target", {}, {0, 3}}}); });
  BOOST_TEST(contains(e, "empty"));
}

BOOST_AUTO_TEST_CASE(categorical_hinge_shares_the_gradient_between_tied_maxima) {
  LossResult r = run("categorical_hinge", {mat("input", 1, {1, 3, 3, 3}), mat("target", 1, {1, 0, 0, 0})});
  BOOST_TEST(r.loss.data[0] == 3.0);
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1.0 / 3, 1.0 / 3, 1.0 / 3}), tt::per_element());
  // All zero: the true class's 0 ties with the others, and only the wrong
  // classes pass their share on.
  LossResult z = run("categorical_hinge", {mat("input", 1, {0, 0, 0, 0}), mat("target", 1, {0, 1, 0, 0})});
  BOOST_TEST(z.loss.data[0] == 1.0);
  BOOST_TEST(z.grad.data == std::vector<double>({0.25, -1, 0.25, 0.25}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(categorical_hinge_passes_the_gradient_at_zero) {
  LossResult r = run("categorical_hinge", {mat("input", 1, {2, 1, 0}), mat("target", 1, {1, 0, 0})});
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1, 0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(categorical_hinge_errors) {
  Caught e;
  e = error_of("shape_mismatch", [] { run("categorical_hinge", {mat("input", 2, {1, 2, 3, 4}), vec("target", {1, 0})}); });
  BOOST_TEST(contains(e, "target has shape [2]"));
  e = error_of("class_scores_scalar", [] { run("categorical_hinge", {scalar("input", 1), scalar("target", 1)}); });
  BOOST_TEST(contains(e, "single number"));
  e = error_of("empty_argument", [] { run("categorical_hinge", {Owned{"input", {}, {2, 0}}, Owned{"target", {}, {2, 0}}}); });
  BOOST_TEST(contains(e, "empty"));
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

BOOST_AUTO_TEST_SUITE_END()
