// The fit objective F(w, b) through the registry and the optimisers with
// PyTorch's update rules (lossplay/fit.hpp); the optimum and the landscape
// have files of their own (fit_optimum.cpp, fit_landscape.cpp).
#include "lossplay/fit.hpp"

#include <cmath>
#include <limits>

#include "fit_internal.hpp"
#include "kernels.hpp"

namespace lossplay {

namespace detail {

void check_setting(const char* name, double value, bool ok, const char* range) {
  if (!ok) throw InputError("fit_setting_out_of_range", {{"option", name}, {"range", range}, {"value", value}});
}

}  // namespace detail

namespace {

// Σ a_i b_i on four accumulators: a chain on one would wait on every add.
double dot(const double* a, const double* b, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

// A loss can be fitted when its only required arguments are the prediction
// "input" and the "target", and it offers the mean.
bool fittable(const LossSpec& spec) {
  bool input = false, target = false, mean = false;
  for (const ArgSpec& a : spec.args) {
    if (a.name == "input" && a.role == ArgRole::Prediction) input = true;
    else if (a.name == "target") target = true;
    else if (a.required) return false;
  }
  for (Reduction r : spec.reductions) mean = mean || r == Reduction::Mean;
  return input && target && mean;
}

void check_finite(const double* v, std::size_t n, const char* name) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) throw InputError("fit_not_finite", {{"arg", name}, {"index", std::vector<std::size_t>{i}}, {"value", v[i]}});
}

std::vector<NamedOption> filled_options(const LossSpec& spec, const std::vector<NamedOption>& given) {
  std::vector<NamedOption> values;
  for (const OptionSpec& o : spec.options) values.push_back({std::string(o.name), o.default_value});
  for (const NamedOption& g : given)
    for (NamedOption& v : values)
      if (v.name == g.name) v.value = g.value;
  return values;
}

const LossSpec& checked_spec(std::string_view loss, const std::vector<NamedOption>& options, const double* x,
                             const double* y, std::size_t n) {
  if (n == 0) throw InputError("empty_argument", {{"arg", "x"}});
  check_finite(x, n, "x");
  check_finite(y, n, "y");
  const LossSpec* spec = find_loss(loss);
  if (spec && !fittable(*spec)) throw InputError("fit_loss_unsupported", {{"loss", spec->name}});
  // One evaluation at ŷ = 0 checks the name, the options and y's domain
  // with the registry's own errors (an unknown loss names the others).
  const std::vector<double> zeros(n, 0.0);
  const Shape shape{n};
  evaluate(loss, {{"input", TensorView{zeros.data(), n, shape}}, {"target", TensorView{y, n, shape}}}, options, "mean");
  return *spec;
}

}  // namespace

FitObjective::FitObjective(std::string_view loss, const std::vector<NamedOption>& options, const double* x,
                           const double* y, std::size_t n)
    : spec_(&checked_spec(loss, options, x, y, n)),
      option_values_(filled_options(*spec_, options)),
      options_(option_values_),
      x_(x),
      y_(y),
      n_(n),
      yhat_(n),
      args_({{"input", TensorView{yhat_.data(), n, Shape{n}}}, {"target", TensorView{y, n, Shape{n}}}}) {}

double FitObjective::option(std::string_view name) const { return options_.get(name); }

LossResult FitObjective::run(double w, double b) {
  double* __restrict p = yhat_.data();
  const double* __restrict xp = x_;
  for (std::size_t i = 0; i < n_; ++i) p[i] = w * xp[i] + b;
  return spec_->evaluate(args_, options_, Reduction::Mean);
}

double FitObjective::value(double w, double b) { return run(w, b).loss.data[0]; }

double FitObjective::value_and_gradient(double w, double b, double& dw, double& db) {
  const LossResult r = run(w, b);
  const double* g = r.grad.data.data();
  dw = dot(g, x_, n_);
  db = pairwise_sum(g, n_);
  return r.loss.data[0];
}

std::string_view to_string(PathStatus status) {
  switch (status) {
    case PathStatus::Converged: return "converged";
    case PathStatus::RanAllSteps: return "ran_all_steps";
    case PathStatus::Diverged: return "diverged";
  }
  return "";
}

std::string_view to_string(OptimumStatus status) {
  switch (status) {
    case OptimumStatus::Found: return "found";
    case OptimumStatus::NotIdentifiable: return "not_identifiable";
    case OptimumStatus::NoFiniteOptimum: return "no_finite_optimum";
  }
  return "";
}

FitPath run_optimizer(FitObjective& f, const OptimizerSettings& s) {
  using detail::check_setting;
  check_setting("learning_rate", s.learning_rate, std::isfinite(s.learning_rate) && s.learning_rate > 0, "(0, inf)");
  check_setting("steps", static_cast<double>(s.steps), s.steps <= 1'000'000, "[0, 1000000]");
  check_setting("momentum", s.momentum, s.momentum >= 0 && s.momentum < 1, "[0, 1)");
  check_setting("beta1", s.beta1, s.beta1 >= 0 && s.beta1 < 1, "[0, 1)");
  check_setting("beta2", s.beta2, s.beta2 >= 0 && s.beta2 < 1, "[0, 1)");
  check_setting("eps", s.eps, std::isfinite(s.eps) && s.eps > 0, "(0, inf)");
  check_setting("tolerance", s.tolerance, std::isfinite(s.tolerance) && s.tolerance >= 0, "[0, inf)");
  check_setting("explode_factor", s.explode_factor, s.explode_factor > 1, "(1, inf]");
  check_setting("w0", s.w0, std::isfinite(s.w0), "(-inf, inf)");
  check_setting("b0", s.b0, std::isfinite(s.b0), "(-inf, inf)");

  FitPath path;
  path.points.reserve(s.steps + 1);
  double w = s.w0, b = s.b0;
  double gw = 0, gb = 0;
  // The state of torch.optim: SGD's momentum buffer, Adam's two moments.
  double buf_w = 0, buf_b = 0, m_w = 0, m_b = 0, v_w = 0, v_b = 0;
  double limit = std::numeric_limits<double>::infinity();
  const auto stop = [&](const char* reason, std::size_t step) {
    path.status = PathStatus::Diverged;
    path.stop_reason = reason;
    path.stop_step = step;
  };
  for (std::size_t step = 0;; ++step) {
    double loss;
    try {
      loss = f.value_and_gradient(w, b, gw, gb);
    } catch (const InputError& e) {
      // ŷ left the loss's domain (MSLE): the start is bad input, a later
      // step is a path that went astray.
      if (step == 0) throw;
      path.status = PathStatus::Diverged;
      path.stop_reason = e.code();
      path.stop_step = step;
      break;
    }
    if (!std::isfinite(loss) || !std::isfinite(gw) || !std::isfinite(gb)) {
      stop("non_finite", step);
      break;
    }
    if (step == 0 && loss > 0) limit = s.explode_factor * loss;
    if (loss > limit) {
      stop("exploding", step);
      break;
    }
    path.points.push_back({w, b, loss});
    if (std::fmax(std::fabs(gw), std::fabs(gb)) <= s.tolerance) {
      path.status = PathStatus::Converged;
      break;
    }
    if (step == s.steps) break;
    const double lr = s.learning_rate;
    switch (s.kind) {
      case OptimizerKind::GradientDescent:
        w = w + -lr * gw;
        b = b + -lr * gb;
        break;
      case OptimizerKind::Momentum:
        // buf = g on the first step, then momentum * buf + g (dampening 0).
        if (step == 0) {
          buf_w = gw;
          buf_b = gb;
        } else {
          buf_w = buf_w * s.momentum + gw;
          buf_b = buf_b * s.momentum + gb;
        }
        w = w + -lr * buf_w;
        b = b + -lr * buf_b;
        break;
      case OptimizerKind::Adam: {
        const double t = static_cast<double>(step + 1);
        m_w = m_w * s.beta1 + (1 - s.beta1) * gw;
        m_b = m_b * s.beta1 + (1 - s.beta1) * gb;
        // addcmul_ and addcdiv_ evaluate value * t1 * t2 and value * t1 / t2
        // left to right: so do we, for the same roundings.
        v_w = v_w * s.beta2 + (1 - s.beta2) * gw * gw;
        v_b = v_b * s.beta2 + (1 - s.beta2) * gb * gb;
        const double bias1 = 1 - std::pow(s.beta1, t);
        const double bias2_sqrt = std::sqrt(1 - std::pow(s.beta2, t));
        const double step_size = lr / bias1;
        w = w + -step_size * m_w / (std::sqrt(v_w) / bias2_sqrt + s.eps);
        b = b + -step_size * m_b / (std::sqrt(v_b) / bias2_sqrt + s.eps);
        break;
      }
    }
    if (!std::isfinite(w) || !std::isfinite(b)) {
      stop("non_finite", step + 1);
      break;
    }
    if (std::fabs(w) > 1e150 || std::fabs(b) > 1e150) {
      stop("exploding", step + 1);
      break;
    }
  }
  return path;
}

}  // namespace lossplay
