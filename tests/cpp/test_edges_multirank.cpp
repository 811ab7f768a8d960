// Edge cases of the multiclass and ranking losses: kinks, ties, NaN where
// PyTorch gives NaN, extreme values and the error contract. The expected
// numbers come from PyTorch 1.13 in float64.
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

Owned mat(std::string name, std::size_t rows, std::vector<double> v) {
  Shape s{rows, v.size() / rows};
  return {std::move(name), std::move(v), s};
}

Owned scalar(std::string name, double v) { return {std::move(name), {v}, {}}; }

const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

// Element by element within a relative tolerance.
void check_close(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  BOOST_TEST_REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) BOOST_TEST(got[i] == want[i], tt::tolerance(tol));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multirank)

// ---------------------------------------------------------------- cross_entropy and nll_loss

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

// ---------------------------------------------------------------- multi_margin_loss

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

// ---------------------------------------------------------------- multilabel_soft_margin_loss

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

// ---------------------------------------------------------------- categorical_hinge

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

// ---------------------------------------------------------------- margin_ranking_loss

BOOST_AUTO_TEST_CASE(margin_ranking_passes_the_gradient_at_the_margin) {
  LossResult r = run("margin_ranking_loss", {vec("input1", {1, 2}), vec("input2", {1, 2.5}), vec("target", {1, -1})},
                     {{"margin", 0.5}});
  BOOST_TEST(r.grad_arg == "input1");
  BOOST_TEST(r.loss.data == std::vector<double>({0.5, 0}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(margin_ranking_errors) {
  Caught e;
  e = error_of("shape_mismatch", [] { run("margin_ranking_loss", {vec("input1", {1, 2}), vec("input2", {1}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input2 has shape [1]"));
  e = error_of("shape_mismatch", [] { run("margin_ranking_loss", {vec("input1", {1, 2}), vec("input2", {1, 2}), vec("target", {1, 1, 1})}); });
  BOOST_TEST(contains(e, "target has shape [3]"));
  e = error_of("empty_argument", [] { run("margin_ranking_loss", {vec("input1", {}), vec("input2", {}), vec("target", {})}); });
  BOOST_TEST(contains(e, "input1 is empty"));
  e = error_of("needs_argument", [] { run("margin_ranking_loss", {vec("input1", {1}), vec("input2", {1})}); });
  BOOST_TEST(contains(e, "target"));
  e = error_of("option_out_of_range", [] { run("margin_ranking_loss", {vec("input1", {1}), vec("input2", {1}), vec("target", {1})}, {{"margin", not_a_number}}); });
  BOOST_TEST(contains(e, "margin"));
}

// ---------------------------------------------------------------- cosine_embedding_loss

BOOST_AUTO_TEST_CASE(cosine_embedding_passes_the_gradient_at_the_margin) {
  // Orthogonal vectors: cos is exactly 0 = margin.
  LossResult r = run("cosine_embedding_loss", {mat("input1", 1, {1, 0}), mat("input2", 1, {0, 1}), vec("target", {-1})});
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data[0] == 0.0);
  BOOST_TEST(r.grad.data[1] == 0.9999999999989999, tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(cosine_embedding_of_a_zero_vector_stays_finite) {
  LossResult r = run("cosine_embedding_loss",
                     {mat("input1", 2, {0, 0, 0, 0}), mat("input2", 2, {1, 1, 0, 0}), vec("target", {1, 1})});
  BOOST_TEST(r.loss.data == std::vector<double>({1, 1}), tt::per_element());
  BOOST_TEST(r.grad.data[0] == -707106.7825991004, tt::tolerance(1e-12));
  BOOST_TEST(r.grad.data[1] == -707106.7825991004, tt::tolerance(1e-12));
  BOOST_TEST(r.grad.data[2] == 0.0);
  BOOST_TEST(r.grad.data[3] == 0.0);
  LossResult neg = run("cosine_embedding_loss", {mat("input1", 1, {0, 0}), mat("input2", 1, {1, 1}), vec("target", {-1})});
  BOOST_TEST(neg.grad.data[0] == 707106.7825991004, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(cosine_embedding_labels_other_than_plus_minus_one_cost_nothing) {
  LossResult r = run("cosine_embedding_loss",
                     {mat("input1", 2, {1, 0, 1, 1}), mat("input2", 2, {1, 1, 1, 0}), vec("target", {0, 2})});
  BOOST_TEST(r.loss.data == std::vector<double>({0, 0}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>(4, 0.0), tt::per_element());
}

BOOST_AUTO_TEST_CASE(cosine_embedding_errors) {
  Owned a = mat("input1", 2, {1, 2, 3, 4});
  Owned b = mat("input2", 2, {4, 3, 2, 1});
  Caught e;
  e = error_of("shape_mismatch", [&] { run("cosine_embedding_loss", {a, mat("input2", 1, {1, 2}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input2 has shape [1, 2]"));
  e = error_of("cosine_shapes", [&] { run("cosine_embedding_loss", {a, b, vec("target", {1})}); });
  BOOST_TEST(contains(e, "target has shape [1]"));
  e = error_of("cosine_shapes", [&] { run("cosine_embedding_loss", {vec("input1", {1, 2}), vec("input2", {1, 2}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "scalar target"));
  e = error_of("cosine_target_rank", [&] { run("cosine_embedding_loss", {a, b, mat("target", 2, {1, 1})}); });
  BOOST_TEST(contains(e, "target has shape [2, 1]"));
  e = error_of("option_out_of_range", [&] { run("cosine_embedding_loss", {a, b, vec("target", {1, 1})}, {{"margin", 1.5}}); });
  BOOST_TEST(contains(e, "[-1, 1]"));
  e = error_of("empty_argument", [&] { run("cosine_embedding_loss", {Owned{"input1", {}, {0, 2}}, Owned{"input2", {}, {0, 2}}, vec("target", {})}); });
  BOOST_TEST(contains(e, "empty"));
}

// ---------------------------------------------------------------- triplet_margin_loss

BOOST_AUTO_TEST_CASE(triplet_passes_the_gradient_at_zero) {
  LossResult r = run("triplet_margin_loss",
                     {mat("anchor", 1, {0, 0}), mat("positive", 1, {1, 0}), mat("negative", 1, {0, 2})}, {{"eps", 0}});
  BOOST_TEST(r.grad_arg == "anchor");
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data == std::vector<double>({-1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(triplet_identical_points_are_eps_apart) {
  LossResult r = run("triplet_margin_loss", {mat("anchor", 1, {0.5, -1, 2}), mat("positive", 1, {0.5, -1, 2}),
                                             mat("negative", 1, {0.5, -1, 2.5})});
  BOOST_TEST(r.loss.data[0] == 0.5000027320488076, tt::tolerance(1e-12));
  const std::vector<double> grad{0.5773482691856259, 0.5773482691856259, 1.5773502691856258};
  check_close(r.grad.data, grad, 1e-12);
}

BOOST_AUTO_TEST_CASE(triplet_ties_share_the_gradient) {
  // p = inf: two components tie for the largest |a - p|.
  LossResult r = run("triplet_margin_loss", {mat("anchor", 1, {0, 0}), mat("positive", 1, {1, -1}), mat("negative", 1, {5, 6})},
                     {{"eps", 0}, {"p", inf}, {"margin", 10}});
  BOOST_TEST(r.loss.data[0] == 5.0);
  BOOST_TEST(r.grad.data == std::vector<double>({-0.5, 1.5}), tt::per_element());
  // swap: d(a, n) = d(p, n), so min() gives the anchor half of its gradient.
  LossResult s = run("triplet_margin_loss", {mat("anchor", 1, {0, 1}), mat("positive", 1, {1, 0}), mat("negative", 1, {1, 1})},
                     {{"eps", 0}, {"swap", 1}, {"margin", 3}});
  BOOST_TEST(s.grad.data[0] == 0.5 - 1 / std::sqrt(2.0), tt::tolerance(1e-12));
  BOOST_TEST(s.grad.data[1] == 1 / std::sqrt(2.0), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(triplet_zero_components_have_zero_gradient_below_p_1) {
  LossResult r = run("triplet_margin_loss", {mat("anchor", 1, {0, 0}), mat("positive", 1, {0, 1}), mat("negative", 1, {1, 1})},
                     {{"eps", 0}, {"p", 0.5}, {"margin", 5}});
  BOOST_TEST(r.loss.data[0] == 2.0, tt::tolerance(1e-14));
  check_close(r.grad.data, std::vector<double>({2, 1}), 1e-14);
  // A zero distance has a zero gradient for every p.
  for (double p : {0.5, 1.0, 1.5, 2.0, 3.0, inf}) {
    LossResult z = run("triplet_margin_loss", {mat("anchor", 1, {0, 0}), mat("positive", 1, {0, 0}), mat("negative", 1, {3, 4})},
                       {{"eps", 0}, {"p", p}, {"margin", 100}});
    BOOST_TEST(std::isfinite(z.grad.data[0]), "p = " << p);
    BOOST_TEST(std::isfinite(z.grad.data[1]), "p = " << p);
  }
}

BOOST_AUTO_TEST_CASE(triplet_p1_does_not_overflow) {
  LossResult r = run("triplet_margin_loss", {mat("anchor", 1, {1e300, 1e300}), mat("positive", 1, {0, 0}),
                                             mat("negative", 1, {-1e300, 0})}, {{"p", 1}});
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data == std::vector<double>({0, 0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(triplet_errors) {
  Owned a = mat("anchor", 2, {1, 2, 3, 4});
  Owned p = mat("positive", 2, {1, 2, 3, 4});
  Owned n = mat("negative", 2, {1, 2, 3, 4});
  Caught e;
  e = error_of("shape_mismatch", [&] { run("triplet_margin_loss", {a, mat("positive", 1, {1, 2}), n}); });
  BOOST_TEST(contains(e, "positive has shape [1, 2]"));
  e = error_of("shape_mismatch", [&] { run("triplet_margin_loss", {a, p, vec("negative", {1, 2, 3, 4})}); });
  BOOST_TEST(contains(e, "negative has shape [4]"));
  e = error_of("option_out_of_range", [&] { run("triplet_margin_loss", {a, p, n}, {{"p", 0}}); });
  BOOST_TEST(contains(e, "option p"));
  e = error_of("option_out_of_range", [&] { run("triplet_margin_loss", {a, p, n}, {{"eps", -1}}); });
  BOOST_TEST(contains(e, "option eps"));
  e = error_of("option_not_boolean", [&] { run("triplet_margin_loss", {a, p, n}, {{"swap", 2}}); });
  BOOST_TEST(contains(e, "true or false"));
  e = error_of("empty_argument", [&] { run("triplet_margin_loss", {vec("anchor", {}), vec("positive", {}), vec("negative", {})}); });
  BOOST_TEST(contains(e, "anchor is empty"));
  e = error_of("needs_argument", [&] { run("triplet_margin_loss", {a, p}); });
  BOOST_TEST(contains(e, "negative"));
}

BOOST_AUTO_TEST_SUITE_END()
