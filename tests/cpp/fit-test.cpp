// The line fit (lossplay/fit.hpp): the gradient of F(w, b) against central
// differences, the optimisers' paths against torch.optim, the exact optima
// against scipy.optimize (tests/golden/fit/fit-cases.json, written by
// tests/golden/gen_fit.py), the "Done when" case, the edge cases and
// the errors.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iomanip>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "../../cpp/src/fit_fast_math.hpp"
#include "golden.hpp"
#include "lossplay/error.hpp"
#include "lossplay/fit.hpp"

namespace lossplay {
std::ostream& operator<<(std::ostream& os, PathStatus s) { return os << to_string(s); }
std::ostream& operator<<(std::ostream& os, OptimumStatus s) { return os << to_string(s); }
}  // namespace lossplay

namespace bdata = boost::unit_test::data;
using namespace lossplay;
using nlohmann::json;

namespace {

const json& fit_cases() {
  static const json j = [] {
    std::ifstream in(std::string(LOSSPLAY_GOLDEN_DIR) + "/fit/fit-cases.json");
    if (!in) throw std::runtime_error("cannot read tests/golden/fit/fit-cases.json");
    return json::parse(in);
  }();
  return j;
}

struct Data {
  std::vector<double> x, y;
};

Data data(const std::string& name) {
  const json& d = fit_cases().at("data").at(name);
  return {d.at("x").get<std::vector<double>>(), d.at("y").get<std::vector<double>>()};
}

std::vector<NamedOption> options_of(const json& o) {
  std::vector<NamedOption> out;
  for (const auto& [k, v] : o.items()) out.push_back({k, v.get<double>()});
  return out;
}

// A case of the golden file, printable so that Boost names a failing one.
struct Case {
  json j;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.j.at("id").get<std::string>(); }

std::vector<Case> cases(const char* list) {
  std::vector<Case> out;
  for (const json& c : fit_cases().at(list)) out.push_back({c});
  return out;
}

bool close(double got, double want, double rtol, double atol) {
  return std::fabs(got - want) <= atol + rtol * std::fabs(want);
}

std::string error_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return "(no error)";
}

// The losses whose gradient the fit takes, with data each can score.
struct GradientCase {
  std::string loss;
  std::vector<NamedOption> options;
  std::string data;
  double w, b;
};
std::ostream& operator<<(std::ostream& os, const GradientCase& c) {
  os << c.loss;
  for (const NamedOption& o : c.options) os << " " << o.name << "=" << o.value;
  return os << " on " << c.data;
}

std::vector<GradientCase> gradient_cases() {
  return {
      {"mse_loss", {}, "heavy", 1.2, -0.7},
      {"rmse", {}, "heavy", 1.2, -0.7},
      {"l1_loss", {}, "heavy", 1.2, -0.7},
      {"huber_loss", {}, "heavy", 1.2, -0.7},
      {"huber_loss", {{"delta", 3}}, "heavy", 1.2, -0.7},
      {"smooth_l1_loss", {{"beta", 0.5}}, "heavy", 1.2, -0.7},
      {"log_cosh", {}, "heavy", 1.2, -0.7},
      {"quantile", {{"tau", 0.9}}, "heavy", 1.2, -0.7},
      {"mape", {}, "percent", 2.5, 1.0},
      {"msle", {}, "growth", 0.8, 0.1},
      {"binary_cross_entropy_with_logits", {}, "classes01", 1.3, -0.4},
      {"sigmoid_focal_loss", {}, "classes01", 1.3, -0.4},
      {"sigmoid_focal_loss", {{"alpha", -1}, {"gamma", 0.5}}, "classes01", 1.3, -0.4},
      {"hinge", {}, "classes_pm", 0.9, -0.3},
      {"hinge", {{"margin", 2}}, "classes_pm", 0.9, -0.3},
      {"squared_hinge", {}, "classes_pm", 0.9, -0.3},
      {"soft_margin_loss", {}, "classes_pm", 0.9, -0.3},
      {"binary_cross_entropy", {}, "classes01", 0.05, 0.5},
      {"poisson_nll_loss", {}, "growth", 0.3, -0.2},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fit)

// dF/dw = Σ g_i x_i and dF/db = Σ g_i against (F(θ + h) - F(θ - h)) / 2h.
BOOST_DATA_TEST_CASE(gradient_by_central_differences, bdata::make(gradient_cases()), c) {
  const Data d = data(c.data);
  FitObjective f(c.loss, c.options, d.x.data(), d.y.data(), d.x.size());
  double dw, db;
  f.value_and_gradient(c.w, c.b, dw, db);
  const double h = 1e-6;
  const double num_w = (f.value(c.w + h, c.b) - f.value(c.w - h, c.b)) / (2 * h);
  const double num_b = (f.value(c.w, c.b + h) - f.value(c.w, c.b - h)) / (2 * h);
  BOOST_TEST(close(dw, num_w, 1e-6, 1e-7), "dF/dw " << dw << " vs central difference " << num_w);
  BOOST_TEST(close(db, num_b, 1e-6, 1e-7), "dF/db " << db << " vs central difference " << num_b);
}

// Every registry loss the fit accepts (on x in [0, 5) and y > 0, labels 0
// and 1 for the binary group), at a
// point where every ŷ = 0.1 x + 0.3 is in (0, 1): the gradient by central
// differences too. The others must be refused with a code of their own.
BOOST_AUTO_TEST_CASE(every_fittable_loss_of_the_registry_has_the_right_gradient) {
  const Data d = data("growth");
  std::vector<double> labels(d.y.size());  // 0/1 for the binary group
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = d.y[i] > 2 ? 1 : 0;
  std::vector<std::string> fitted, refused;
  for (const LossSpec& spec : registry()) {
    try {
      const double* y = spec.group == "binary" ? labels.data() : d.y.data();
      FitObjective f(spec.name, {}, d.x.data(), y, d.x.size());
      double dw, db;
      f.value_and_gradient(0.1, 0.3, dw, db);
      const double h = 1e-6;
      const double num_w = (f.value(0.1 + h, 0.3) - f.value(0.1 - h, 0.3)) / (2 * h);
      const double num_b = (f.value(0.1, 0.3 + h) - f.value(0.1, 0.3 - h)) / (2 * h);
      BOOST_TEST(close(dw, num_w, 1e-6, 1e-7), spec.name << " dF/dw " << dw << " vs " << num_w);
      BOOST_TEST(close(db, num_b, 1e-6, 1e-7), spec.name << " dF/db " << db << " vs " << num_b);
      fitted.emplace_back(spec.name);
    } catch (const Error& e) {
      BOOST_TEST(find_error_code(e.code()) != nullptr);
      refused.push_back(std::string(spec.name) + " (" + e.code() + ")");
    }
  }
  std::ostringstream os;
  for (const std::string& s : refused) os << s << "; ";
  BOOST_TEST_MESSAGE("fitted " << fitted.size() << ", refused: " << os.str());
  for (const char* needed : {"mse_loss", "l1_loss", "huber_loss", "smooth_l1_loss", "log_cosh", "quantile", "mape",
                             "msle", "binary_cross_entropy_with_logits", "sigmoid_focal_loss", "hinge", "squared_hinge"})
    BOOST_TEST((std::find(fitted.begin(), fitted.end(), needed) != fitted.end()), needed);
}

BOOST_DATA_TEST_CASE(path_matches_torch_optim, bdata::make(cases("paths")), c) {
  const json& j = c.j;
  const Data d = data(j.at("data"));
  FitObjective f(j.at("loss").get<std::string>(), options_of(j.at("options")), d.x.data(), d.y.data(), d.x.size());
  OptimizerSettings s;
  const std::string opt = j.at("optimizer");
  s.kind = opt == "adam" ? OptimizerKind::Adam : opt == "momentum" ? OptimizerKind::Momentum
                                                                   : OptimizerKind::GradientDescent;
  s.learning_rate = j.at("lr");
  s.steps = j.at("steps");
  s.tolerance = 0;
  s.w0 = j.at("start")[0];
  s.b0 = j.at("start")[1];
  const json& hyper = j.at("hyper");
  if (hyper.contains("momentum")) s.momentum = hyper.at("momentum");
  if (hyper.contains("betas")) {
    s.beta1 = hyper.at("betas")[0];
    s.beta2 = hyper.at("betas")[1];
  }
  if (hyper.contains("eps")) s.eps = hyper.at("eps");
  const FitPath p = run_optimizer(f, s);

  const json& want = j.at("path");
  bool torch_finite = true;
  for (const json& pt : want)
    for (const json& v : pt) torch_finite = torch_finite && v.is_number() && std::isfinite(v.get<double>());
  if (torch_finite) {
    BOOST_TEST(p.status == PathStatus::RanAllSteps);
    BOOST_TEST_REQUIRE(p.points.size() == want.size());
  } else {
    // torch runs on to inf; the core stops where the loss explodes, and
    // every point it returns is finite and torch's.
    BOOST_TEST(p.status == PathStatus::Diverged);
    BOOST_TEST(p.stop_reason == "exploding");
    BOOST_TEST_REQUIRE(p.points.size() < want.size());
    BOOST_TEST(p.points.size() > 5u);
  }
  for (std::size_t k = 0; k < p.points.size(); ++k) {
    const FitPoint& got = p.points[k];
    const double w = test::number(want[k][0]), b = test::number(want[k][1]), loss = test::number(want[k][2]);
    BOOST_TEST_REQUIRE(std::isfinite(got.loss));
    BOOST_TEST_REQUIRE(close(got.w, w, 1e-12, 1e-13), "step " << k << " w " << got.w << " vs torch " << w);
    BOOST_TEST_REQUIRE(close(got.b, b, 1e-12, 1e-13), "step " << k << " b " << got.b << " vs torch " << b);
    BOOST_TEST_REQUIRE(close(got.loss, loss, 1e-12, 1e-14), "step " << k << " loss " << got.loss << " vs torch " << loss);
  }
}

BOOST_DATA_TEST_CASE(optimum_matches_scipy, bdata::make(cases("optima")), c) {
  const json& j = c.j;
  const Data d = data(j.at("data"));
  FitObjective f(j.at("loss").get<std::string>(), options_of(j.at("options")), d.x.data(), d.y.data(), d.x.size());
  const FitOptimum o = exact_optimum(f);
  const std::string status = j.at("status");
  if (status == "no_finite_optimum") {
    BOOST_TEST(o.status == OptimumStatus::NoFiniteOptimum);
    BOOST_TEST(std::isnan(o.w));
    BOOST_TEST(std::isnan(o.b));
    return;
  }
  BOOST_TEST_MESSAGE(c << " method " << o.method << " iterations " << o.iterations);
  BOOST_TEST((o.status == (status == "not_identifiable" ? OptimumStatus::NotIdentifiable : OptimumStatus::Found)));
  const double want_loss = j.at("loss_value");
  // The loss at our optimum is no higher than scipy's (to rounding).
  BOOST_TEST(o.loss <= want_loss + 1e-11 * (1 + want_loss), o.method << ": loss " << o.loss << " vs scipy " << want_loss);
  BOOST_TEST(close(o.loss, want_loss, 1e-10, 1e-12), o.method << ": loss " << o.loss << " vs scipy " << want_loss);
  if (j.at("unique")) {
    const double w = j.at("w"), b = j.at("b");
    BOOST_TEST(close(o.w, w, 1e-7, 1e-8), o.method << ": w " << o.w << " vs scipy " << w);
    BOOST_TEST(close(o.b, b, 1e-7, 1e-8), o.method << ": b " << o.b << " vs scipy " << b);
  }
}

// The "Done when": x = 1..10, y = 2x + 1 with the last y set to 60.
BOOST_AUTO_TEST_CASE(done_when_mse_is_pulled_mae_keeps_slope_two) {
  std::vector<double> x, y;
  for (int i = 1; i <= 10; ++i) {
    x.push_back(i);
    y.push_back(2 * i + 1);
  }
  y.back() = 60;
  // Least squares by hand: x̄ = 5.5, Σ(x - x̄)² = 82.5, Σ(x - x̄)(y - ȳ) = 165 + 4.5 * 39.
  const double ls_slope = (165 + 4.5 * 39) / 82.5;
  FitObjective mse("mse_loss", {}, x.data(), y.data(), x.size());
  FitObjective mae("l1_loss", {}, x.data(), y.data(), x.size());
  const FitOptimum a = exact_optimum(mse), b = exact_optimum(mae);
  BOOST_TEST(std::fabs(a.w - ls_slope) <= 0.01 * ls_slope);
  BOOST_TEST(std::fabs(a.w - ls_slope) <= 1e-12 * ls_slope);
  BOOST_TEST(std::fabs(b.w - 2) <= 0.02);
  BOOST_TEST(std::fabs(b.w - 2) <= 1e-12);
  BOOST_TEST(std::fabs(b.b - 1) <= 1e-12);
  // And gradient descent gets near MSE's line (Adam near MAE's).
  OptimizerSettings s;
  s.kind = OptimizerKind::Adam;
  s.learning_rate = 0.05;
  s.steps = 3000;
  const FitPath p = run_optimizer(mae, s);
  BOOST_TEST(std::fabs(p.points.back().w - 2) < 0.05);
}

// Ties stall the descent at a degenerate vertex (three points on the line):
// the golden-section fallback on the convex profile finds the optimum and
// snaps to the vertex, a line through two points, w = 1/3 exactly.
BOOST_AUTO_TEST_CASE(degenerate_vertex_falls_back_and_lands_on_a_vertex) {
  const Data d = data("degenerate_l1");
  FitObjective f("l1_loss", {}, d.x.data(), d.y.data(), d.x.size());
  const FitOptimum o = exact_optimum(f);
  BOOST_TEST(o.method == "vertex search + golden section");
  BOOST_TEST(o.w == 1.0 / 3);
  BOOST_TEST(o.b == 0.0);
  BOOST_TEST(o.loss == 23.0 / 18, boost::test_tools::tolerance(1e-15));
}

// The piecewise-linear optimum is a line through two points (t_i, the
// target of the term: y, or ±margin for the hinge): trying every pair is an
// exact solver of its own. 3000 small random data sets, half with ties.
BOOST_AUTO_TEST_CASE(piecewise_optimum_equals_the_best_line_through_two_points) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> unit(0, 1);
  int checked = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t n = 2 + rng() % 11;
    const bool ties = trial % 2 == 0;
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = ties ? static_cast<double>(rng() % 4) : unit(rng) * 8 - 4;
      y[i] = ties ? static_cast<double>(rng() % 5) + 1 : unit(rng) * 10 + 0.5;
    }
    const int which = trial % 4;
    const char* loss = which == 0 ? "l1_loss" : which == 1 ? "quantile" : which == 2 ? "mape" : "hinge";
    std::vector<NamedOption> options;
    if (which == 1) options = {{"tau", 0.1 + 0.8 * unit(rng)}};
    if (which == 3) {
      for (double& v : y) v = v > 3 ? 1 : -1;
      options = {{"margin", 0.5 + unit(rng)}};
    }
    FitObjective f(loss, options, x.data(), y.data(), n);
    const FitOptimum o = exact_optimum(f);
    if (o.status != OptimumStatus::Found) continue;
    double best = std::numeric_limits<double>::infinity();
    const double m = which == 3 ? f.option("margin") : 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (x[i] == x[j]) continue;
        const double ti = which == 3 ? (y[i] > 0 ? m : -m) : y[i], tj = which == 3 ? (y[j] > 0 ? m : -m) : y[j];
        const double w = (tj - ti) / (x[j] - x[i]);
        best = std::min(best, f.value(w, ti - w * x[i]));
      }
    BOOST_TEST_REQUIRE(o.loss <= best * (1 + 1e-12) + 1e-14,
                       loss << " trial " << trial << ": " << o.method << " gives " << o.loss << ", a pair line " << best);
    ++checked;
  }
  BOOST_TEST(checked > 2500);
}

BOOST_AUTO_TEST_CASE(gradient_descent_converges_and_says_so) {
  const Data d = data("done_when");
  FitObjective f("mse_loss", {}, d.x.data(), d.y.data(), d.x.size());
  OptimizerSettings s;
  s.learning_rate = 0.02;
  s.steps = 100000;
  s.tolerance = 1e-9;
  const FitPath p = run_optimizer(f, s);
  BOOST_TEST(p.status == PathStatus::Converged);
  BOOST_TEST(p.points.size() < 100001u);
  const FitOptimum o = exact_optimum(f);
  BOOST_TEST(std::fabs(p.points.back().w - o.w) < 1e-8);
  BOOST_TEST(std::fabs(p.points.back().b - o.b) < 1e-7);
}

BOOST_AUTO_TEST_CASE(divergent_learning_rate_stops_and_never_returns_a_non_finite_point) {
  const Data d = data("done_when");
  for (OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::Momentum}) {
    FitObjective f("mse_loss", {}, d.x.data(), d.y.data(), d.x.size());
    OptimizerSettings s;
    s.kind = kind;
    s.learning_rate = 1.0;
    s.steps = 5000;
    const FitPath p = run_optimizer(f, s);
    BOOST_TEST(p.status == PathStatus::Diverged);
    BOOST_TEST(!p.stop_reason.empty());
    BOOST_TEST(p.stop_step < 5000u);
    for (const FitPoint& pt : p.points) {
      BOOST_TEST_REQUIRE(std::isfinite(pt.w));
      BOOST_TEST_REQUIRE(std::isfinite(pt.b));
      BOOST_TEST_REQUIRE(pt.loss <= 1e10 * p.points[0].loss);
    }
  }
  // A step that sends some w·x + b below -1 leaves MSLE's domain.
  const Data g = data("growth");
  FitObjective msle("msle", {}, g.x.data(), g.y.data(), g.x.size());
  OptimizerSettings s;
  s.learning_rate = 50;
  s.steps = 100;
  s.b0 = 1;
  const FitPath p = run_optimizer(msle, s);
  BOOST_TEST(p.status == PathStatus::Diverged);
  BOOST_TEST(p.stop_reason == "msle_domain");
}

BOOST_AUTO_TEST_CASE(one_point_and_equal_x_are_not_identifiable) {
  const std::vector<double> x1{2}, y1{5};
  for (const char* loss : {"mse_loss", "l1_loss", "huber_loss", "quantile", "log_cosh"}) {
    FitObjective f(loss, {}, x1.data(), y1.data(), 1);
    const FitOptimum o = exact_optimum(f);
    BOOST_TEST(o.status == OptimumStatus::NotIdentifiable, loss);
    BOOST_TEST(o.w == 0.0, loss);
    BOOST_TEST(std::fabs(o.b - 5) < 1e-9, loss << " b " << o.b);
  }
  // Equal x with both labels: a finite best constant logit, log(3/2)
  // for three positives and two negatives.
  const std::vector<double> x{1, 1, 1, 1, 1}, t{1, 1, 1, 0, 0};
  FitObjective bce("binary_cross_entropy_with_logits", {}, x.data(), t.data(), 5);
  const FitOptimum o = exact_optimum(bce);
  BOOST_TEST(o.status == OptimumStatus::NotIdentifiable);
  BOOST_TEST(std::fabs(o.b - std::log(1.5)) < 1e-9);
  // One class only: no finite optimum, even with one x.
  const std::vector<double> ones{1, 1, 1, 1, 1};
  FitObjective all_one("binary_cross_entropy_with_logits", {}, x.data(), ones.data(), 5);
  BOOST_TEST(exact_optimum(all_one).status == OptimumStatus::NoFiniteOptimum);
}

BOOST_AUTO_TEST_CASE(separable_classes_have_no_finite_optimum_but_touching_ones_too) {
  // Labels split at x = 0 with a point of each class there: quasi-complete
  // separation, still no finite optimum; one overlap makes it finite.
  const std::vector<double> x{-2, -1, 0, 0, 1, 2}, t{0, 0, 0, 1, 1, 1};
  FitObjective f("binary_cross_entropy_with_logits", {}, x.data(), t.data(), 6);
  BOOST_TEST(exact_optimum(f).status == OptimumStatus::NoFiniteOptimum);
  const std::vector<double> t2{0, 1, 0, 1, 0, 1};
  FitObjective g("binary_cross_entropy_with_logits", {}, x.data(), t2.data(), 6);
  const FitOptimum o = exact_optimum(g);
  BOOST_TEST(o.status == OptimumStatus::Found);
  BOOST_TEST(std::isfinite(o.w));
  BOOST_TEST(o.gradient_norm < 1e-9);
}

struct LandscapeCase {
  std::string loss;
  std::vector<NamedOption> options;
  std::string data;
  const char* method;
};
std::ostream& operator<<(std::ostream& os, const LandscapeCase& c) { return os << c.loss << " on " << c.data; }

// Every cell against F from the registry: the prefix sums of the
// piecewise-polynomial losses to 1e-10 relative, the term-by-term losses
// to the bit (focal with γ = 2 to the last bit; NaN where MSLE's ŷ leaves
// its domain, as the registry refuses).
BOOST_DATA_TEST_CASE(landscape_cells_are_the_objective,
                     bdata::make(std::vector<LandscapeCase>{
                         {"mse_loss", {}, "heavy", "prefix sums"},
                         {"rmse", {}, "heavy", "prefix sums"},
                         {"l1_loss", {}, "heavy", "prefix sums"},
                         {"huber_loss", {{"delta", 0.7}}, "heavy", "prefix sums"},
                         {"smooth_l1_loss", {{"beta", 0.5}}, "heavy", "prefix sums"},
                         {"smooth_l1_loss", {{"beta", 0}}, "heavy", "prefix sums"},
                         {"quantile", {{"tau", 0.8}}, "heavy", "prefix sums"},
                         {"mape", {}, "percent", "prefix sums"},
                         {"hinge", {{"margin", 1.5}}, "classes_pm", "prefix sums"},
                         {"squared_hinge", {}, "classes_pm", "prefix sums"},
                         {"hinge", {}, "classes01", "registry"},
                         {"log_cosh", {}, "heavy", "terms"},
                         {"binary_cross_entropy_with_logits", {}, "classes01", "terms"},
                         {"sigmoid_focal_loss", {}, "classes01", "terms"},
                         {"sigmoid_focal_loss", {{"alpha", -1}, {"gamma", 0.5}}, "classes01", "terms"},
                         {"msle", {}, "growth", "terms"},
                         {"soft_margin_loss", {}, "classes_pm", "registry"},
                     }),
                     c) {
  const Data d = data(c.data);
  FitObjective f(c.loss, c.options, d.x.data(), d.y.data(), d.x.size());
  const Landscape l = landscape(f, -1, 3, -4, 2, 21, 17);
  BOOST_TEST(l.method == c.method);
  BOOST_TEST_REQUIRE(l.values.size() == 21u * 17u);
  for (std::size_t r = 0; r < 17; ++r)
    for (std::size_t k = 0; k < 21; ++k) {
      const double w = k == 20 ? 3.0 : -1 + static_cast<double>(k) * 0.2;
      const double b = r == 16 ? 2.0 : -4 + static_cast<double>(r) * (6.0 / 16);
      const double got = l.values[r * 21 + k];
      double want;
      try {
        want = f.value(w, b);
      } catch (const InputError&) {
        BOOST_TEST_REQUIRE(std::isnan(got), "F(" << w << ", " << b << ") " << got << " outside the domain");
        continue;
      }
      // Focal with γ = 2 squares q by q·q, not pow: the last bit may differ.
      if (l.method == "terms" && c.loss == "sigmoid_focal_loss") BOOST_TEST_REQUIRE(close(got, want, 1e-15, 0), "F(" << w << ", " << b << ") " << got << " vs " << want);
      else if (l.method == "terms") BOOST_TEST_REQUIRE(got == want, "F(" << w << ", " << b << ") " << got << " vs " << want);
      else BOOST_TEST_REQUIRE(close(got, want, 1e-10, 1e-13), "F(" << w << ", " << b << ") " << got << " vs " << want);
    }
}

// Integer data on an integer grid: many residuals sit exactly on a grid
// value b or on b ± δ, where the binning must not miscount.
BOOST_AUTO_TEST_CASE(landscape_residuals_on_the_grid_lines) {
  const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, y{3, -1, 4, 1, -5, 9, 2, -6, 5, 3};
  for (const char* loss : {"l1_loss", "huber_loss", "smooth_l1_loss", "quantile", "mse_loss"}) {
    FitObjective f(loss, {}, x.data(), y.data(), x.size());
    const Landscape l = landscape(f, -2, 2, -10, 10, 5, 21);
    BOOST_TEST(l.method == "prefix sums");
    for (std::size_t r = 0; r < 21; ++r)
      for (std::size_t c = 0; c < 5; ++c) {
        const double want = f.value(-2.0 + static_cast<double>(c), -10.0 + static_cast<double>(r));
        BOOST_TEST_REQUIRE(close(l.values[r * 5 + c], want, 1e-12, 1e-13), loss << " cell " << r << ", " << c);
      }
  }
}

BOOST_AUTO_TEST_CASE(landscape_is_the_objective_on_the_grid) {
  const Data d = data("done_when");
  FitObjective f("huber_loss", {{"delta", 2}}, d.x.data(), d.y.data(), d.x.size());
  const Landscape l = landscape(f, 0, 4, -5, 5, 101, 100);
  BOOST_TEST(l.columns == 101u);
  BOOST_TEST(l.rows == 100u);
  BOOST_TEST_REQUIRE(l.values.size() == 10100u);
  BOOST_TEST(close(l.values[0], f.value(0, -5), 1e-12, 0));
  BOOST_TEST(close(l.values[100], f.value(4, -5), 1e-12, 0));
  BOOST_TEST(close(l.values[99 * 101], f.value(0, 5), 1e-12, 0));
  // Its smallest cell is next to the exact optimum.
  const FitOptimum o = exact_optimum(f);
  const std::size_t k = static_cast<std::size_t>(std::min_element(l.values.begin(), l.values.end()) - l.values.begin());
  BOOST_TEST(std::fabs(0.04 * static_cast<double>(k % 101) - o.w) <= 0.04);
  BOOST_TEST(std::fabs(-5 + (10.0 / 99) * static_cast<double>(k / 101) - o.b) <= 10.0 / 99);
  for (double v : l.values) BOOST_TEST_REQUIRE(v >= o.loss * (1 - 1e-12));
  // MSLE: cells where some w·x + b <= -1 are NaN and counted.
  const Data g = data("growth");
  FitObjective msle("msle", {}, g.x.data(), g.y.data(), g.x.size());
  const Landscape m = landscape(msle, -2, 2, -2, 2, 100, 100);
  BOOST_TEST(m.outside_domain > 0u);
  BOOST_TEST(m.outside_domain < 10000u);
  std::size_t nans = 0;
  for (double v : m.values) nans += std::isnan(v);
  BOOST_TEST(nans == m.outside_domain);
}

// ---- the display-precision landscape (n × cells > 1e6) ----

// fit_fast_math.hpp's stated bounds, swept against libm: e^x for x in
// [-708, 0] to 1e-14, log1p on [0, 1] and on (-1, 1e300) to 1e-10, tiny
// arguments included (their relative precision is the point).
BOOST_AUTO_TEST_CASE(fast_exp_and_log1p_keep_their_bounds) {
  double worst_exp = 0, worst_unit = 0, worst_any = 0;
  for (int k = 0; k <= 200000; ++k) {
    const double x = -708.0 * k / 200000;
    worst_exp = std::max(worst_exp, std::fabs(fast::exp_nonpositive(x) / std::exp(x) - 1));
  }
  BOOST_TEST(fast::exp_nonpositive(-709) == 0.0);
  std::vector<double> unit, any;
  for (int k = 0; k <= 100000; ++k) unit.push_back(k / 100000.0);
  for (int p = -300; p <= 0; ++p) unit.push_back(std::pow(10.0, p) * 0.7);
  for (int k = -100000; k <= 100000; ++k) any.push_back(k / 100000.0 * (k < 0 ? 0.999999 : 3));
  for (int p = -300; p <= 300; ++p) {
    any.push_back(std::pow(10.0, p));
    any.push_back(-std::pow(10.0, std::min(p, -1)) * 0.99);
  }
  any.push_back(-1 + 0x1p-52);
  for (double e : unit) worst_unit = std::max(worst_unit, e == 0 ? std::fabs(fast::log1p_unit(e)) : std::fabs(fast::log1p_unit(e) / std::log1p(e) - 1));
  for (double z : any) if (z != 0) worst_any = std::max(worst_any, std::fabs(fast::log1p_any(z) / std::log1p(z) - 1));
  BOOST_TEST(worst_exp <= 1e-14);
  BOOST_TEST(worst_unit <= 1e-10);
  BOOST_TEST(worst_any <= 1e-10);
  BOOST_TEST_MESSAGE("fast exp " << worst_exp << ", log1p on [0, 1] " << worst_unit << ", log1p " << worst_any);
}

struct FastCase {
  std::string loss;
  std::vector<NamedOption> options;
  std::string data;
  double w_min, w_max, b_min, b_max;
  const char* method;
};
std::ostream& operator<<(std::ostream& os, const FastCase& c) {
  os << c.loss;
  for (const NamedOption& o : c.options) os << " " << o.name << "=" << o.value;
  return os << " on " << c.data;
}

// Made here, from a fixed seed: data that put |z| far from 0 (separable
// classes, a wide grid) and near it (overlapping classes, soft labels,
// residuals exactly 0), an odd count, MSLE's ŷ near -1.
Data fast_data(const std::string& name) {
  std::mt19937_64 gen(20261207);
  std::uniform_real_distribution<double> u(0, 1);
  Data d;
  const std::size_t n = name == "overlap" || name == "line" ? 401 : name == "many" || name == "dense gap" ? 3001 : 400;
  for (std::size_t i = 0; i < n; ++i) {
    const double r = u(gen), q = u(gen);
    double x = 0, y = 0;
    if (name == "separable") {
      x = 20 * r - 10;
      y = x > 0 ? 1 : 0;
    } else if (name == "gap" || name == "dense gap") {
      // classes 4 apart: on the grid below every e^{-|z|} is below 2^-13, F down to 1e-35
      // (dense: focal's float blocks are narrow, so F down to 1e-200 is theirs to get right)
      x = r < 0.5 ? -2 - 16 * r : 2 + 16 * (r - 0.5);
      y = x > 0 ? 1 : 0;
    } else if (name == "spread") {
      // label 0 spread over [0, 20000] (one point at 20000), label 1 beyond: on
      // the grid below z is within 1 of 0 at 20000 and far below 0 elsewhere,
      // so that point's term is the cell, and |w d| is about 1600, too wide for
      // focal's floats (z within 4e-4)
      x = i % 50 == 0 ? 21000 + 1000 * r : i == 1 ? 20000 : 20000 * r;
      y = i % 50 == 0 ? 1 : 0;
    } else if (name == "overlap") {
      x = 6 * r - 3;
      y = q < 1 / (1 + std::exp(-x)) ? 1 : 0;
    } else if (name == "many") {
      // overlapping classes, dense enough for full blocks of 64 a class
      x = 8 * r - 4;
      y = q < 1 / (1 + std::exp(-2 * x)) ? 1 : 0;
    } else if (name == "soft") {
      x = 6 * r - 3;
      y = q;
    } else if (name == "line") {
      // half on y = 2x + 1 exactly, the rest a little off, 2% far off
      x = 10 * r;
      y = 2 * x + 1 + (i % 2 ? 1e-6 * (q - 0.5) : 0) + (i % 50 == 7 ? 40 : 0);
    } else if (name == "growth") {
      x = 5 * r;
      y = std::exp(0.3 * x) - 1 + 0.1 * q;
    }
    d.x.push_back(x);
    d.y.push_back(y);
  }
  return d;
}

const char* const kFast = "terms, display precision (relative error ≤ 1e-9)";
const char* const kFastFloats = "terms, display precision (relative error ≤ 1e-5)";  // focal, labels 0 and 1

// F(w, b) in long double (a 64-bit significand) from the losses' textbook
// formulas: the oracle for the display-precision cells. The registry's
// double F is itself off by about u |z| a term (BCE's z + (-z + log1p(e))
// keeps e only to ulp(z)), which is more than 1e-9 of a tiny F.
long double reference_F(const std::string& loss, const FitObjective& f, const Data& d, double w, double b) {
  long double sum = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const long double z = static_cast<long double>(w) * d.x[i] + b, t = d.y[i];
    const long double e = std::exp(-std::fabs(z));
    if (loss == "binary_cross_entropy_with_logits") {
      sum += (1 - t) * z + (z < 0 ? -z : 0) + std::log1p(e);
    } else if (loss == "sigmoid_focal_loss") {
      const long double alpha = f.option("alpha"), gamma = f.option("gamma");
      const long double p = z >= 0 ? 1 / (1 + e) : e / (1 + e), p_not = z >= 0 ? e / (1 + e) : 1 / (1 + e);
      const long double ce = (1 - t) * z + (z < 0 ? -z : 0) + std::log1p(e);
      const long double wt = alpha >= 0 ? alpha * t + (1 - alpha) * (1 - t) : 1;
      sum += wt * ce * std::pow(p * (1 - t) + p_not * t, gamma);
    } else if (loss == "log_cosh") {
      const long double a = std::fabs(z - t), s = std::sinh(a / 2);
      sum += a < 1 ? std::log1p(2 * s * s) : a - std::log(2.0L) + std::log1p(std::exp(-2 * a));
    } else if (loss == "msle") {
      const long double dd = std::log1p(z) - std::log1p(t);
      sum += dd * dd;
    }
  }
  return sum / static_cast<long double>(d.x.size());
}

// Every cell of a 60 × 50 grid (1.2e6 terms and more: the display-precision
// method) against F in long double: within 1e-9 relative, or the 1e-5 its
// method names (focal with labels 0 and 1, in floats), 1e-290 absolute
// where e^{-|z|} leaves the doubles; MSLE within 1e-9 of F plus the mean
// of log1p(ŷ)², its error being log1p's relative error times log1p(ŷ).
// Against the registry's F the same plus the registry's own rounding, and
// NaN exactly where the registry refuses ŷ <= -1.
BOOST_DATA_TEST_CASE(fast_landscape_cells_are_the_objective_within_the_bound,
                     bdata::make(std::vector<FastCase>{
                         {"binary_cross_entropy_with_logits", {}, "separable", 0, 40, -30, 30, kFast},
                         {"binary_cross_entropy_with_logits", {}, "gap", 5, 40, -3, 3, kFast},
                         {"binary_cross_entropy_with_logits", {}, "overlap", -2, 4, -2, 2, kFast},
                         {"binary_cross_entropy_with_logits", {}, "soft", -3, 3, -50, 50, kFast},
                         {"sigmoid_focal_loss", {}, "separable", 0, 40, -30, 30, kFastFloats},
                         {"sigmoid_focal_loss", {{"alpha", -1}}, "overlap", -2, 4, -2, 2, kFastFloats},
                         {"sigmoid_focal_loss", {}, "gap", 5, 40, -3, 3, kFastFloats},
                         {"sigmoid_focal_loss", {{"alpha", 0.6}}, "many", -1, 6, -8, 8, kFastFloats},
                         {"sigmoid_focal_loss", {}, "dense gap", 5, 40, -3, 3, kFastFloats},
                         {"sigmoid_focal_loss", {}, "spread", 1, 1.000001, -20001, -19999, kFastFloats},
                         {"sigmoid_focal_loss", {}, "soft", -3, 3, -50, 50, kFast},
                         {"sigmoid_focal_loss", {{"gamma", 0.5}}, "overlap", -2, 4, -2, 2, "terms"},
                         {"log_cosh", {}, "line", 1, 3, -60, 60, kFast},
                         {"log_cosh", {}, "line", 1.9, 2.1, 0.9, 1.1, kFast},
                         {"msle", {}, "growth", -1, 1, -1.5, 1, kFast},
                         {"msle", {}, "growth", -0.2, 0.2, -1, -0.9, kFast},
                     }),
                     c) {
  const Data d = fast_data(c.data);
  FitObjective f(c.loss, c.options, d.x.data(), d.y.data(), d.x.size());
  const std::size_t columns = 60, rows = 50;
  const Landscape l = landscape(f, c.w_min, c.w_max, c.b_min, c.b_max, columns, rows);
  BOOST_TEST(l.method == c.method);
  BOOST_TEST_REQUIRE(l.values.size() == columns * rows);
  double worst = 0;
  std::size_t nans = 0;
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t k = 0; k < columns; ++k) {
      const double w = k + 1 == columns ? c.w_max : c.w_min + static_cast<double>(k) * ((c.w_max - c.w_min) / (columns - 1));
      const double b = r + 1 == rows ? c.b_max : c.b_min + static_cast<double>(r) * ((c.b_max - c.b_min) / (rows - 1));
      const double got = l.values[r * columns + k];
      double want;
      try {
        want = f.value(w, b);
      } catch (const InputError&) {
        BOOST_TEST_REQUIRE(std::isnan(got), "F(" << w << ", " << b << ") " << got << " outside the domain");
        ++nans;
        continue;
      }
      BOOST_TEST_REQUIRE(std::isfinite(got), "F(" << w << ", " << b << ") " << got << " vs " << want);
      const double truth = static_cast<double>(reference_F(c.loss, f, d, w, b));
      double scale = std::fabs(truth), rounding = 0;  // rounding: the registry's own, 4u a term's |z| + |y| + 1
      for (std::size_t i = 0; i < d.x.size(); ++i) {
        const double z = w * d.x[i] + b;
        if (c.loss == "msle") scale += std::pow(std::log1p(z), 2) / static_cast<double>(d.x.size());
        rounding += 4 * 0x1p-53 * (std::fabs(z) + std::fabs(d.y[i]) + 1) / static_cast<double>(d.x.size());
      }
      const double err = std::fabs(got - truth), bound = l.method == kFastFloats ? 1e-5 : 1e-9;
      BOOST_TEST_REQUIRE(err <= bound * scale + 1e-290,
                         "F(" << w << ", " << b << ") " << std::setprecision(17) << got << " vs " << truth);
      BOOST_TEST_REQUIRE(std::fabs(got - want) <= bound * scale + rounding + 1e-290,
                         "F(" << w << ", " << b << ") " << std::setprecision(17) << got << " vs the registry's " << want);
      if (scale > 0) worst = std::max(worst, err / scale);
    }
  BOOST_TEST(nans == l.outside_domain);
  if (c.loss == "msle" && c.b_min < -1) BOOST_TEST(nans > 0u);
  BOOST_TEST_MESSAGE(c << ": worst error " << worst << " of the scale");
}

// Below a million terms the landscape keeps the exact terms: the same data
// on a 20 × 20 grid are the registry's F to the bit.
BOOST_AUTO_TEST_CASE(small_landscapes_stay_exact) {
  const Data d = fast_data("overlap");
  FitObjective f("binary_cross_entropy_with_logits", {}, d.x.data(), d.y.data(), d.x.size());
  const Landscape l = landscape(f, -2, 4, -2, 2, 20, 20);
  BOOST_TEST(l.method == "terms");
  for (std::size_t r = 0; r < 20; ++r)
    for (std::size_t k = 0; k < 20; ++k) {
      const double w = k == 19 ? 4.0 : -2 + static_cast<double>(k) * (6.0 / 19);
      const double b = r == 19 ? 2.0 : -2 + static_cast<double>(r) * (4.0 / 19);
      BOOST_TEST_REQUIRE(l.values[r * 20 + k] == f.value(w, b));
    }
}

BOOST_AUTO_TEST_CASE(bad_input_gets_the_cores_codes) {
  const std::vector<double> x{1, 2, 3}, y{1, 2, 3}, bad{1, std::nan(""), 3}, labels{0, 1, 2}, pm{-1, 0, 1};
  BOOST_TEST(error_code([&] { FitObjective("mse_loss", {}, x.data(), y.data(), 0); }) == "empty_argument");
  BOOST_TEST(error_code([&] { FitObjective("mse_loss", {}, bad.data(), y.data(), 3); }) == "fit_not_finite");
  BOOST_TEST(error_code([&] { FitObjective("mse_loss", {}, x.data(), bad.data(), 3); }) == "fit_not_finite");
  BOOST_TEST(error_code([&] { FitObjective("no_such_loss", {}, x.data(), y.data(), 3); }) == "unknown_loss");
  BOOST_TEST(error_code([&] { FitObjective("gaussian_nll_loss", {}, x.data(), y.data(), 3); }) ==
             "fit_loss_unsupported");
  BOOST_TEST(error_code([&] { FitObjective("huber_loss", {{"delta", -1}}, x.data(), y.data(), 3); }) ==
             "option_out_of_range");
  const std::vector<double> below{0, -2, 1};
  BOOST_TEST(error_code([&] { FitObjective("msle", {}, x.data(), below.data(), 3); }) == "msle_domain");
  BOOST_TEST(error_code([&] {
               FitObjective f("poisson_nll_loss", {}, x.data(), y.data(), 3);
               exact_optimum(f);
             }) == "fit_no_exact_method");
  BOOST_TEST(error_code([&] {
               FitObjective f("binary_cross_entropy_with_logits", {}, x.data(), labels.data(), 3);
               exact_optimum(f);
             }) == "fit_label_unit");
  BOOST_TEST(error_code([&] {
               FitObjective f("hinge", {}, x.data(), pm.data(), 3);
               exact_optimum(f);
             }) == "fit_label_signed");
  FitObjective f("mse_loss", {}, x.data(), y.data(), 3);
  OptimizerSettings s;
  s.learning_rate = 0;
  BOOST_TEST(error_code([&] { run_optimizer(f, s); }) == "fit_setting_out_of_range");
  s.learning_rate = 0.1;
  s.steps = 1'000'001;
  BOOST_TEST(error_code([&] { run_optimizer(f, s); }) == "fit_setting_out_of_range");
  s.steps = 10;
  s.beta2 = 1;
  BOOST_TEST(error_code([&] { run_optimizer(f, s); }) == "fit_setting_out_of_range");
  BOOST_TEST(error_code([&] { landscape(f, 0, 1, 0, 1, 1, 100); }) == "fit_setting_out_of_range");
  BOOST_TEST(error_code([&] { landscape(f, 1, 0, 0, 1, 100, 100); }) == "fit_setting_out_of_range");
  try {
    landscape(f, 0, 1, 0, 1, 100, 5000);
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "the fit's rows must be in [2, 2000], got 5000");
  }
}

BOOST_AUTO_TEST_SUITE_END()
