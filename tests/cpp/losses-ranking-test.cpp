// Edge cases of the ranking losses (losses_ranking.cpp): kinks, ties,
// extreme values and their errors, from PyTorch 1.13 in float64.
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

BOOST_AUTO_TEST_SUITE(ranking)

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
