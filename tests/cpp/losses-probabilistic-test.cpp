// Edge cases of the probabilistic losses (losses_probabilistic.cpp): PyTorch's
// clamps and masks, extreme values, broadcasting of var, and their errors.
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

double stirling(double y) { return y * std::log(y) - y + 0.5 * std::log(2 * std::numbers::pi * y); }

}  // namespace

BOOST_AUTO_TEST_SUITE(probabilistic)

BOOST_AUTO_TEST_CASE(registry_entries_carry_pytorchs_defaults) {
  const LossSpec* p = find_loss("poisson_nll_loss");
  BOOST_TEST_REQUIRE(p != nullptr);
  BOOST_TEST(p->find_option("log_input")->default_value == 1.0);
  BOOST_TEST(p->find_option("full")->default_value == 0.0);
  BOOST_TEST(p->find_option("eps")->default_value == 1e-8);
  const LossSpec* g = find_loss("gaussian_nll_loss");
  BOOST_TEST_REQUIRE(g != nullptr);
  BOOST_TEST(g->find_option("eps")->default_value == 1e-6);
  BOOST_TEST((g->find_arg("var")->role == ArgRole::Extra));
  BOOST_TEST(g->find_arg("var")->required);
  const LossSpec* k = find_loss("kl_div");
  BOOST_TEST_REQUIRE(k != nullptr);
  BOOST_TEST((k->default_reduction == Reduction::Mean));
  BOOST_TEST(k->reductions.size() == 4u);
  BOOST_TEST(k->find_option("log_target")->default_value == 0.0);
  BOOST_TEST_REQUIRE(find_loss("poisson") != nullptr);
  BOOST_TEST(find_loss("poisson")->pytorch.empty());
}

BOOST_AUTO_TEST_CASE(poisson_nll_refuses_a_rate_at_or_below_minus_eps) {
  Caught e = error_of("poisson_rate_domain", [] {
    run("poisson_nll_loss", {vec("input", {1, -1e-8}), vec("target", {1, 1})}, {{"log_input", 0}});
  });
  BOOST_TEST(contains(e, "input[1] is -1e-8"));
  BOOST_TEST(contains(e, "log(input + eps)"));
  e = error_of("poisson_rate_domain", [] {
    run("poisson_nll_loss", {Owned{"input", {1, 2, 3, -0.5}, {2, 2}}, Owned{"target", {1, 1, 1, 1}, {2, 2}}},
        {{"log_input", 0}, {"eps", 0.1}});
  });
  BOOST_TEST(contains(e, "input[1, 1] is -0.5"));
  // With log_input the input is a log-rate: any real number is fine.
  BOOST_TEST(error_of([] { run("poisson_nll_loss", {vec("input", {-0.5}), vec("target", {1})}); }).empty());
  e = error_of("option_out_of_range", [] { run("poisson_nll_loss", {vec("input", {1}), vec("target", {1})}, {{"eps", 0}}); });
  BOOST_TEST(contains(e, "eps"));
  BOOST_TEST(contains(e, "(0, inf)"));
  e = error_of("option_not_boolean", [] { run("poisson_nll_loss", {vec("input", {1}), vec("target", {1})}, {{"full", 0.5}}); });
  BOOST_TEST(contains(e, "true or false"));
}

BOOST_AUTO_TEST_CASE(gaussian_nll_clamps_the_variance_at_eps) {
  LossResult r = run("gaussian_nll_loss", {vec("input", {1, 1, 1}), vec("target", {0, 0, 0}),
                                           vec("var", {0, 1e-9, 1e-6})});
  const double at_eps = 0.5 * (std::log(1e-6) + 1 / 1e-6);
  BOOST_TEST(r.loss.data == std::vector<double>({at_eps, at_eps, at_eps}), tt::per_element());
  BOOST_TEST(r.grad.data == std::vector<double>({1e6, 1e6, 1e6}), tt::per_element());
  LossResult custom = run("gaussian_nll_loss", {vec("input", {1}), vec("target", {0}), vec("var", {0.01})},
                          {{"eps", 0.5}, {"full", 1}});
  BOOST_TEST(custom.loss.data[0] == 0.5 * (std::log(0.5) + 2) + 0.5 * std::log(2 * std::numbers::pi),
             tt::tolerance(1e-15));
  BOOST_TEST(custom.grad.data[0] == 2.0);
}

BOOST_AUTO_TEST_CASE(poisson_nll_log_input_survives_extremes) {
  // exp(-800) underflows to 0, leaving -y x; exp(700) is still finite.
  LossResult r = run("poisson_nll_loss", {vec("input", {-800, 700}), vec("target", {1, 2})});
  BOOST_TEST(r.loss.data[0] == 800.0);
  BOOST_TEST(r.grad.data[0] == -1.0);
  BOOST_TEST(std::isfinite(r.loss.data[1]));
  BOOST_TEST(r.grad.data[1] == std::exp(700.0) - 2, tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(poisson_nll_full_adds_stirling_only_above_one) {
  Owned x = vec("input", {0.3, 0.3, 0.3, 0.3});
  Owned y = vec("target", {0, 1, 1.5, 2});
  LossResult plain = run("poisson_nll_loss", {x, y});
  LossResult full = run("poisson_nll_loss", {x, y}, {{"full", 1}});
  BOOST_TEST(full.loss.data[0] == plain.loss.data[0]);
  BOOST_TEST(full.loss.data[1] == plain.loss.data[1]);  // target = 1 is masked, as in PyTorch
  BOOST_TEST(full.loss.data[2] - plain.loss.data[2] == stirling(1.5), tt::tolerance(1e-12));
  BOOST_TEST(full.loss.data[3] - plain.loss.data[3] == stirling(2), tt::tolerance(1e-12));
  BOOST_TEST(full.grad.data == plain.grad.data, tt::per_element());  // the term has no x in it
}

BOOST_AUTO_TEST_CASE(poisson_nll_rate_zero_is_kept_finite_by_eps) {
  LossResult r = run("poisson_nll_loss", {vec("input", {0, -5e-9}), vec("target", {2, 1})}, {{"log_input", 0}});
  BOOST_TEST(r.loss.data[0] == -2 * std::log(1e-8), tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data[0] == 1 - 2 / 1e-8, tt::tolerance(1e-15));
  BOOST_TEST(std::isfinite(r.loss.data[1]));  // inside (-eps, 0]: PyTorch computes it too
}

BOOST_AUTO_TEST_CASE(gaussian_nll_takes_one_variance_per_row) {
  Owned x{"input", {1, 2, 3, -1, 0, 1}, {2, 3}};
  Owned y{"target", {0, 0, 0, 0, 0, 0}, {2, 3}};
  LossResult full = run("gaussian_nll_loss", {x, y, Owned{"var", {2, 2, 2, 0.5, 0.5, 0.5}, {2, 3}}});
  LossResult column = run("gaussian_nll_loss", {x, y, Owned{"var", {2, 0.5}, {2, 1}}});
  LossResult rows = run("gaussian_nll_loss", {x, y, Owned{"var", {2, 0.5}, {2}}});
  BOOST_TEST(column.loss.data == full.loss.data, tt::per_element());
  BOOST_TEST(rows.loss.data == full.loss.data, tt::per_element());
  BOOST_TEST(rows.grad.data == full.grad.data, tt::per_element());
  BOOST_TEST(rows.loss.shape == (Shape{2, 3}));
  // A 1-d input takes a single variance as [] or [1].
  LossResult scalar_var = run("gaussian_nll_loss", {vec("input", {1, 2}), vec("target", {0, 0}), Owned{"var", {2}, {}}});
  LossResult same = run("gaussian_nll_loss", {vec("input", {1, 2}), vec("target", {0, 0}), vec("var", {2, 2})});
  BOOST_TEST(scalar_var.loss.data == same.loss.data, tt::per_element());
}

BOOST_AUTO_TEST_CASE(gaussian_nll_scalar_input_with_var_of_one_gives_shape_one) {
  // PyTorch broadcasts a 0-d input against var [1] to a loss of shape [1];
  // the gradient keeps the input's shape.
  LossResult r = run("gaussian_nll_loss", {Owned{"input", {1.5}, {}}, Owned{"target", {0.5}, {}}, vec("var", {2})});
  BOOST_TEST(r.loss.shape == (Shape{1}));
  BOOST_TEST(r.loss.data[0] == 0.5 * (std::log(2.0) + 0.5), tt::tolerance(1e-15));
  BOOST_TEST(r.grad.shape.empty());
  BOOST_TEST(r.grad.data[0] == 0.5);
}

BOOST_AUTO_TEST_CASE(gaussian_nll_broadcasts_a_target_along_one_dimension) {
  Owned x{"input", {1, 2, 3, -1, 0, 1}, {2, 3}};
  Owned var{"var", {1, 1, 1, 1, 1, 1}, {2, 3}};
  LossResult col = run("gaussian_nll_loss", {x, Owned{"target", {1, -1}, {2, 1}}, var});
  LossResult full = run("gaussian_nll_loss", {x, Owned{"target", {1, 1, 1, -1, -1, -1}, {2, 3}}, var});
  BOOST_TEST(col.loss.data == full.loss.data, tt::per_element());
  BOOST_TEST(col.grad.data == full.grad.data, tt::per_element());
  LossResult row = run("gaussian_nll_loss", {x, Owned{"target", {0, 1, 2}, {1, 3}}, var});
  BOOST_TEST(row.grad.data == std::vector<double>({1, 1, 1, -1, -1, -1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(gaussian_nll_errors_say_what_and_where) {
  Owned x{"input", {0, 0, 0, 0, 0, 0}, {2, 3}};
  Owned y{"target", x.data, x.shape};
  Owned var{"var", {1, 1, 1, 1, 1, 1}, x.shape};
  Caught e = error_of("gaussian_var_shape", [&] { run("gaussian_nll_loss", {x, y, Owned{"var", {1, 1, 1}, {3}}}); });
  BOOST_TEST(contains(e, "var has shape [3]"));
  BOOST_TEST(contains(e, "[2, 3]"));
  BOOST_TEST(contains(e, "[2, 1] or [2]"));
  e = error_of("gaussian_var_shape", [&] { run("gaussian_nll_loss", {x, y, Owned{"var", {1, 1, 1}, {1, 3}}}); });
  BOOST_TEST(contains(e, "var has shape [1, 3]"));  // only the last dimension may be 1
  e = error_of("gaussian_target_shape", [&] { run("gaussian_nll_loss", {x, Owned{"target", {0, 0, 0}, {3}}, var}); });
  BOOST_TEST(contains(e, "target has shape [3]"));
  e = error_of("gaussian_target_shape", [&] { run("gaussian_nll_loss", {x, Owned{"target", {0}, {1, 1}}, var}); });
  BOOST_TEST(contains(e, "one dimension equal to 1"));
  e = error_of("negative_variance", [] {
    run("gaussian_nll_loss", {vec("input", {1, 2, 3}), vec("target", {1, 2, 3}), vec("var", {1, -0.5, 1})});
  });
  BOOST_TEST(contains(e, "var[1] is -0.5"));
  e = error_of("negative_variance", [] {
    run("gaussian_nll_loss", {vec("input", {1}), vec("target", {1}), vec("var", {std::nan("")})});
  });
  BOOST_TEST(contains(e, "var[0] is nan"));
  e = error_of("gaussian_var_scalar_shape", [] { run("gaussian_nll_loss", {Owned{"input", {1}, {}}, Owned{"target", {1}, {}}, vec("var", {1, 1})}); });
  BOOST_TEST(contains(e, "[] or [1]"));
  e = error_of("needs_argument", [] { run("gaussian_nll_loss", {vec("input", {1}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "var"));
  e = error_of("empty_argument", [] { run("gaussian_nll_loss", {vec("input", {}), vec("target", {}), vec("var", {})}); });
  BOOST_TEST(contains(e, "empty"));
}

BOOST_AUTO_TEST_CASE(kl_div_zero_target_adds_nothing) {
  // xlogy: 0 log 0 = 0, so the element's loss is 0 whatever its input.
  LossResult r = run("kl_div", {vec("input", {-5, -0.1}), vec("target", {0, 1})});
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data[0] == 0.0);
  BOOST_TEST(r.loss.data[1] == 0.1, tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data[1] == -1.0);
}

BOOST_AUTO_TEST_CASE(kl_div_log_target_matches_probabilities) {
  Owned x{"input", {std::log(0.2), std::log(0.8), std::log(0.5), std::log(0.5)}, {2, 2}};
  const std::vector<double> p{0.3, 0.7, 0.9, 0.1};
  std::vector<double> log_p;
  for (double v : p) log_p.push_back(std::log(v));
  LossResult a = run("kl_div", {x, Owned{"target", p, {2, 2}}}, {}, "batchmean");
  LossResult b = run("kl_div", {x, Owned{"target", log_p, {2, 2}}}, {{"log_target", 1}}, "batchmean");
  BOOST_TEST(a.loss.data[0] == b.loss.data[0], tt::tolerance(1e-14));
  for (std::size_t i = 0; i < p.size(); ++i) BOOST_TEST(a.grad.data[i] == b.grad.data[i], tt::tolerance(1e-14));
  // exp(-800) underflows to 0: that element adds exactly nothing.
  LossResult under = run("kl_div", {vec("input", {-1}), vec("target", {-800})}, {{"log_target", 1}});
  BOOST_TEST(under.loss.data[0] == 0.0);
  BOOST_TEST(under.grad.data[0] == 0.0);
}

BOOST_AUTO_TEST_CASE(kl_div_reductions_divide_as_pytorch_does) {
  Owned x{"input", {-1, -2, -3, -0.5, -1.5, -2.5}, {2, 3}};
  Owned t{"target", {0.2, 0.3, 0.5, 0.1, 0.6, 0.3}, {2, 3}};
  const double sum = run("kl_div", {x, t}, {}, "sum").loss.data[0];
  BOOST_TEST(run("kl_div", {x, t}, {}, "mean").loss.data[0] == sum / 6, tt::tolerance(1e-15));
  BOOST_TEST(run("kl_div", {x, t}, {}, "batchmean").loss.data[0] == sum / 2, tt::tolerance(1e-15));
  BOOST_TEST(run("kl_div", {x, t}, {}, "batchmean").grad.data[0] == -0.1, tt::tolerance(1e-15));
  // A 0-d input has no batch dimension: batchmean is the sum.
  LossResult scalar = run("kl_div", {Owned{"input", {-0.7}, {}}, Owned{"target", {0.4}, {}}}, {}, "batchmean");
  BOOST_TEST(scalar.loss.data[0] == 0.4 * (std::log(0.4) + 0.7), tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(kl_div_refuses_a_negative_probability) {
  Caught e = error_of("kl_target_domain", [] { run("kl_div", {vec("input", {-1, -1}), vec("target", {0.5, -0.5})}); });
  BOOST_TEST(contains(e, "target[1] is -0.5"));
  BOOST_TEST(contains(e, "log_target"));
  // In log space a negative target is an ordinary log-probability.
  BOOST_TEST(error_of([] {
               run("kl_div", {vec("input", {-1, -1}), vec("target", {0.5, -0.5})}, {{"log_target", 1}});
             }).empty());
  e = error_of("shape_mismatch", [] { run("kl_div", {Owned{"input", {-1, -1}, {1, 2}}, vec("target", {0.5, 0.5})}); });
  BOOST_TEST(contains(e, "shape"));
  e = error_of("reduction_unavailable", [] { run("poisson", {vec("input", {1}), vec("target", {1})}, {}, "batchmean"); });
  BOOST_TEST(contains(e, "batchmean"));
}

BOOST_AUTO_TEST_CASE(keras_poisson_at_rate_zero) {
  LossResult r = run("poisson", {vec("input", {0, 0, 1e6}), vec("target", {0, 3, 2})});
  BOOST_TEST(r.loss.data[0] == 0.0);
  BOOST_TEST(r.grad.data[0] == 1.0);
  BOOST_TEST(r.loss.data[1] == -3 * std::log(1e-7), tt::tolerance(1e-15));
  BOOST_TEST(r.grad.data[1] == 1 - 3 / 1e-7, tt::tolerance(1e-15));
  BOOST_TEST(r.loss.data[2] == 1e6 - 2 * std::log(1e6 + 1e-7), tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(keras_poisson_refuses_the_log_of_a_non_positive_number) {
  Caught e = error_of("keras_poisson_domain", [] { run("poisson", {vec("input", {1, -1e-7}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input[1] is -1e-7"));
  BOOST_TEST(contains(e, "log(input + 1e-7)"));
  e = error_of("keras_poisson_domain", [] { run("poisson", {vec("input", {std::nan("")}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "input[0] is nan"));
  // Just inside the domain it still answers.
  BOOST_TEST(error_of([] { run("poisson", {vec("input", {-5e-8}), vec("target", {1})}); }).empty());
  e = error_of("shape_mismatch", [] { run("poisson", {vec("input", {1, 2}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "shape"));
  e = error_of("empty_argument", [] { run("poisson", {vec("input", {}), vec("target", {})}); });
  BOOST_TEST(contains(e, "empty"));
}

BOOST_AUTO_TEST_SUITE_END()
