// The exact optimum of a loss for the line ŷ = w·x + b (exact_optimum in
// lossplay/fit.hpp): least squares in closed form, a vertex search for the
// piecewise-linear losses, BFGS for the smooth ones.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "lossplay/fit.hpp"
#include "lossplay/error.hpp"
#include "lossplay/summation.hpp"

namespace lossplay {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool all_equal(const double* x, std::size_t n) {
  for (std::size_t i = 1; i < n; ++i)
    if (x[i] != x[0]) return false;
  return true;
}

double mean(const double* v, std::size_t n) { return pairwise_sum(v, n) / static_cast<double>(n); }

// The least-squares line by centred sums (two passes keep the digits that
// Σx² - n x̄² would cancel away). sxx = 0 (all x equal) gives w = 0.
void least_squares(const double* x, const double* y, std::size_t n, double& w, double& b) {
  const double mx = mean(x, n), my = mean(y, n);
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[i] - mx;
    sxx += dx * dx;
    sxy += dx * (y[i] - my);
  }
  w = sxx > 0 ? sxy / sxx : 0.0;
  b = my - w * mx;
}

// ---- Piecewise-linear losses -------------------------------------------
// Each loss is, up to the factor 1/n, Σ_i α_i max(d_i, 0) + β_i max(-d_i, 0)
// with d_i = t_i - (w x_i + b):
//   l1_loss (and smooth_l1_loss with β = 0): t = y, α = β = 1;
//   quantile: t = y, α = τ, β = 1 - τ;
//   mape: t = y, α = β = 100 / max(|y|, 1e-7);
//   hinge (margin m): y = +1: t = m, α = 1, β = 0; y = -1: t = -m, α = 0, β = 1.
struct Piecewise {
  const double* x;
  std::size_t n;
  std::vector<double> t, alpha, beta;
};

struct Item {
  double r, weight;
  std::size_t index;
};

// min over v of Σ α_i max(r_i - v, 0) + β_i max(v - r_i, 0): its right
// slope at v is Σ_{r_i <= v} (α_i + β_i) - Σ α_i, so the smallest r_k whose
// cumulative weight (in the order of r) reaches target = Σ α_i is a
// minimiser. A quickselect with a three-way partition: O(n) expected.
// Returns the position in `items` of that r_k (items are reordered).
std::size_t weighted_select(std::vector<Item>& items, double target) {
  std::size_t lo = 0, hi = items.size();
  double below = 0;  // the weight of the items known to lie below [lo, hi)
  while (hi - lo > 16) {
    const double a = items[lo].r, b = items[lo + (hi - lo) / 2].r, c = items[hi - 1].r;
    const double pivot = std::max(std::min(a, b), std::min(std::max(a, b), c));
    // [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot
    std::size_t lt = lo, i = lo, gt = hi;
    double w_less = 0, w_equal = 0;
    while (i < gt) {
      if (items[i].r < pivot) {
        w_less += items[i].weight;
        std::swap(items[lt++], items[i++]);
      } else if (items[i].r > pivot) {
        std::swap(items[i], items[--gt]);
      } else {
        w_equal += items[i].weight;
        ++i;
      }
    }
    if (lt > lo && below + w_less >= target) {
      hi = lt;
    } else if (below + w_less + w_equal >= target || gt == hi) {
      return lt;
    } else {
      below += w_less + w_equal;
      lo = gt;
    }
  }
  std::sort(items.begin() + static_cast<std::ptrdiff_t>(lo), items.begin() + static_cast<std::ptrdiff_t>(hi),
            [](const Item& p, const Item& q) { return p.r < q.r; });
  for (std::size_t i = lo; i < hi; ++i) {
    below += items[i].weight;
    if (below >= target) return i;
  }
  return hi - 1;  // rounding left the total a hair under the target: the largest
}

class PiecewiseSolver {
 public:
  explicit PiecewiseSolver(Piecewise p) : p_(std::move(p)) { items_.reserve(p_.n); }

  double value(double w, double b) const {
    double s = 0;
    for (std::size_t i = 0; i < p_.n; ++i) {
      const double d = p_.t[i] - (w * p_.x[i] + b);
      s += d > 0 ? p_.alpha[i] * d : -p_.beta[i] * d;
    }
    return s;
  }

  // The best b for this w; `pivot` gets the point the line then passes through.
  double best_b(double w, std::size_t& pivot) {
    items_.clear();
    double target = 0;
    for (std::size_t i = 0; i < p_.n; ++i) {
      items_.push_back({p_.t[i] - w * p_.x[i], p_.alpha[i] + p_.beta[i], i});
      target += p_.alpha[i];
    }
    const Item& k = items_[weighted_select(items_, target)];
    pivot = k.index;
    return k.r;
  }

  // The profile min_b F(w, b): convex in w.
  double profile(double w) {
    std::size_t k;
    return value(w, best_b(w, k));
  }

  // The best line through point k: with b = t_k - w x_k,
  // d_i = (x_i - x_k)(s_i - w), s_i the slope from k to i, so each term is
  // |x_i - x_k| times a term in w with α and β swapped where x_i < x_k.
  // False when every x equals x_k.
  bool best_turn(std::size_t k, double& w, double& b, std::size_t& next) {
    items_.clear();
    double target = 0;
    const double xk = p_.x[k], tk = p_.t[k];
    for (std::size_t i = 0; i < p_.n; ++i) {
      const double dx = p_.x[i] - xk;
      if (dx == 0) continue;
      const double a = dx > 0 ? dx * p_.alpha[i] : -dx * p_.beta[i];
      items_.push_back({(p_.t[i] - tk) / dx, std::fabs(dx) * (p_.alpha[i] + p_.beta[i]), i});
      target += a;
    }
    if (items_.empty()) return false;
    const Item& j = items_[weighted_select(items_, target)];
    next = j.index;
    // The line through k and j from the two points, not from a stored slope.
    w = (p_.t[j.index] - tk) / (p_.x[j.index] - xk);
    b = tk - w * xk;
    return true;
  }

  // Wesolowsky's descent from (w, b) through `pivot`: turn the line about
  // the point it pivots on to the best slope, which passes through a new
  // point; pivot on that one; stop when a turn no longer lowers F.
  std::size_t descend(double& w, double& b, double& value_wb, std::size_t pivot) {
    std::size_t turns = 0;
    for (; turns < 10 * p_.n + 100; ++turns) {
      double w2, b2;
      std::size_t next;
      if (!best_turn(pivot, w2, b2, next)) break;
      const double v2 = value(w2, b2);
      if (!(v2 < value_wb)) break;
      w = w2;
      b = b2;
      value_wb = v2;
      pivot = next;
    }
    return turns;
  }

  std::size_t n() const { return p_.n; }

 private:
  Piecewise p_;
  std::vector<Item> items_;
};

Piecewise piecewise_terms(const FitObjective& f) {
  const std::string_view name = f.spec().name;
  const std::size_t n = f.size();
  const double* y = f.y();
  Piecewise p{f.x(), n, std::vector<double>(y, y + n), std::vector<double>(n), std::vector<double>(n)};
  if (name == "l1_loss" || name == "smooth_l1_loss") {  // smooth L1 with β = 0 is |d|
    std::fill(p.alpha.begin(), p.alpha.end(), 1.0);
    std::fill(p.beta.begin(), p.beta.end(), 1.0);
  } else if (name == "quantile") {
    const double tau = f.option("tau");
    std::fill(p.alpha.begin(), p.alpha.end(), tau);
    std::fill(p.beta.begin(), p.beta.end(), 1 - tau);
  } else if (name == "mape") {
    for (std::size_t i = 0; i < n; ++i) p.alpha[i] = p.beta[i] = 100 / std::max(std::fabs(y[i]), 1e-7);
  } else {  // hinge, labels checked to be ±1
    const double m = f.option("margin");
    for (std::size_t i = 0; i < n; ++i) {
      p.t[i] = y[i] > 0 ? m : -m;
      p.alpha[i] = y[i] > 0 ? 1 : 0;
      p.beta[i] = y[i] > 0 ? 0 : 1;
    }
  }
  return p;
}

FitOptimum piecewise_optimum(const FitObjective& f, bool identifiable) {
  Piecewise terms = piecewise_terms(f);
  const std::vector<double> t = terms.t;
  PiecewiseSolver s(std::move(terms));
  FitOptimum o;
  o.method = "vertex search";
  std::size_t pivot;
  if (!identifiable) {
    o.status = OptimumStatus::NotIdentifiable;
    o.w = 0;
    o.b = s.best_b(0, pivot);
    return o;
  }
  const double* x = f.x();
  const std::size_t n = f.size();
  // Start from the least-squares slope of t: near the answer for data that
  // is roughly a line, so the descent takes few turns.
  double w0, b0;
  least_squares(x, t.data(), n, w0, b0);
  double w = w0, b = s.best_b(w0, pivot);
  double v = s.value(w, b);
  o.iterations = s.descend(w, b, v, pivot);

  // The certificate: the profile P(w) = min_b F(w, b) is convex, so if it
  // does not fall at w ± ε, w is its minimiser (and b the best for w).
  const auto [xmin, xmax] = std::minmax_element(x, x + n);
  const auto [tmin, tmax] = std::minmax_element(t.begin(), t.end());
  const double scale = std::max((*tmax - *tmin) / (*xmax - *xmin), 1e-300);
  const double eps = 1e-7 * (std::fabs(w) + scale);
  const double slack = 1e-12 * v;
  const double up = s.profile(w + eps), down = s.profile(w - eps);
  if (up < v - slack || down < v - slack) {
    // A degenerate vertex (three or more points on the line) can stop the
    // descent early: fall back to a golden-section search on the convex
    // profile, bracketed by doubling steps downhill, then descend again
    // from there to land on a vertex.
    o.method = "vertex search + golden section";
    const double dir = up < down ? 1.0 : -1.0;
    double lo = w, step = eps, mid = w + dir * step, pmid = std::min(up, down);
    double hi = w + dir * 2 * step, phi = s.profile(hi);
    for (int i = 0; i < 2000 && phi < pmid; ++i) {
      lo = mid;
      mid = hi;
      pmid = phi;
      step *= 2;
      hi = mid + dir * step;
      phi = s.profile(hi);
    }
    double a = std::min(lo, hi), c = std::max(lo, hi);
    const double g = (std::sqrt(5.0) - 1) / 2;
    double x1 = c - g * (c - a), x2 = a + g * (c - a);
    double f1 = s.profile(x1), f2 = s.profile(x2);
    for (int i = 0; i < 300 && c - a > 1e-15 * (std::fabs(a) + scale); ++i) {
      if (f1 <= f2) {
        c = x2;
        x2 = x1;
        f2 = f1;
        x1 = c - g * (c - a);
        f1 = s.profile(x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (c - a);
        f2 = s.profile(x2);
      }
      ++o.iterations;
    }
    double wg = f1 <= f2 ? x1 : x2;
    double bg = s.best_b(wg, pivot);
    double vg = s.value(wg, bg);
    // Snap to the vertex: the best line about the pivot passes through two
    // points, with w and b from their coordinates; keep it unless it is
    // worse beyond rounding.
    double ws, bs;
    std::size_t next;
    if (s.best_turn(pivot, ws, bs, next)) {
      const double vs = s.value(ws, bs);
      if (vs <= vg + 1e-12 * vg) {
        wg = ws;
        bg = bs;
        vg = vs;
        pivot = next;
      }
    }
    o.iterations += s.descend(wg, bg, vg, pivot);
    if (vg < v) {
      w = wg;
      b = bg;
      v = vg;
    }
  }
  o.w = w;
  o.b = b;
  return o;
}

// ---- Smooth losses ------------------------------------------------------

// BFGS with a backtracking (Armijo) line search on F(u, v) where
// ŷ = u z + v; a step that leaves the loss's domain counts as no decrease.
// Convex objectives keep s·y > 0, so the update stays positive definite;
// a non-descent direction restarts from the gradient.
void bfgs(FitObjective& f, double& u, double& v, FitOptimum& o) {
  double gu, gv;
  double F = f.value_and_gradient(u, v, gu, gv);
  double h00 = 1, h01 = 0, h11 = 1;
  bool scaled = false;
  for (o.iterations = 0; o.iterations < 2000; ++o.iterations) {
    const double gnorm = std::fmax(std::fabs(gu), std::fabs(gv));
    if (gnorm == 0) break;
    double pu = -(h00 * gu + h01 * gv), pv = -(h01 * gu + h11 * gv);
    double slope = gu * pu + gv * pv;
    if (!(slope < 0)) {
      h00 = h11 = 1;
      h01 = 0;
      pu = -gu;
      pv = -gv;
      slope = -(gu * gu + gv * gv);
    }
    double t = 1, F2 = 0, g2u = 0, g2v = 0;
    bool accepted = false;
    for (int ls = 0; ls < 80; ++ls, t *= 0.5) {
      try {
        F2 = f.value_and_gradient(u + t * pu, v + t * pv, g2u, g2v);
      } catch (const InputError&) {
        continue;  // outside the domain (MSLE): shorter
      }
      if (!std::isfinite(F2)) continue;
      // Armijo; or, where F is flat to rounding, a step that does not
      // raise F and shrinks the gradient (the last digits of w and b).
      if (F2 <= F + 1e-4 * t * slope ||
          (F2 <= F && std::fmax(std::fabs(g2u), std::fabs(g2v)) < gnorm)) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;  // no step lowers F: the optimum to float precision
    const double su = t * pu, sv = t * pv, yu = g2u - gu, yv = g2v - gv;
    const double sy = su * yu + sv * yv;
    const double nu = u + su, nv = v + sv;
    const bool moved = nu != u || nv != v;
    u = nu;
    v = nv;
    F = F2;
    gu = g2u;
    gv = g2v;
    if (!moved) break;
    if (sy > 0) {
      if (!scaled) {
        const double gamma = sy / (yu * yu + yv * yv);
        h00 = h11 = gamma;
        h01 = 0;
        scaled = true;
      }
      // H <- (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (s·y)
      const double rho = 1 / sy;
      const double hy0 = h00 * yu + h01 * yv, hy1 = h01 * yu + h11 * yv;
      const double yhy = yu * hy0 + yv * hy1;
      const double c = rho * rho * yhy + rho;
      h00 += c * su * su - rho * (hy0 * su + su * hy0);
      h01 += c * su * sv - rho * (hy0 * sv + su * hy1);
      h11 += c * sv * sv - rho * (hy1 * sv + sv * hy1);
    }
  }
}

void check_labels(const FitObjective& f, bool signed_labels) {
  const double* y = f.y();
  for (std::size_t i = 0; i < f.size(); ++i) {
    const bool ok = signed_labels ? (y[i] == 1 || y[i] == -1) : (y[i] >= 0 && y[i] <= 1);
    if (!ok)
      throw InputError(signed_labels ? "fit_label_signed" : "fit_label_unit",
                       {{"loss", f.spec().name}, {"arg", "y"}, {"index", std::vector<std::size_t>{i}}, {"value", y[i]}});
  }
}

// BCE with logits and the focal loss fall towards 0 along (w, b) when a
// threshold on x splits the labels: every point with label < 1 at or below
// it and every point with label > 0 at or above it (or the other way
// round), or when every label is 0 or every label is 1. Then there is no
// finite minimiser. (With all x equal, only the second case applies.)
bool no_finite_logistic_optimum(const FitObjective& f, bool identifiable) {
  const double inf = std::numeric_limits<double>::infinity();
  double max_neg = -inf, min_neg = inf, max_pos = -inf, min_pos = inf;
  bool any_neg = false, any_pos = false;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double xi = f.x()[i], yi = f.y()[i];
    if (yi < 1) {
      any_neg = true;
      max_neg = std::max(max_neg, xi);
      min_neg = std::min(min_neg, xi);
    }
    if (yi > 0) {
      any_pos = true;
      max_pos = std::max(max_pos, xi);
      min_pos = std::min(min_pos, xi);
    }
  }
  if (!any_neg || !any_pos) return true;
  if (!identifiable) return false;
  return max_neg <= min_pos || max_pos <= min_neg;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (n == name) return true;
  return false;
}

}  // namespace

FitOptimum exact_optimum(FitObjective& f) {
  const std::string_view name = f.spec().name;
  const double* x = f.x();
  const double* y = f.y();
  const std::size_t n = f.size();
  const bool identifiable = !all_equal(x, n);
  FitOptimum o;

  if (is_one_of(name, {"mse_loss", "rmse"})) {
    least_squares(x, y, n, o.w, o.b);
    o.method = "closed form";
  } else if (is_one_of(name, {"l1_loss", "quantile", "mape", "hinge"}) ||
             (name == "smooth_l1_loss" && f.option("beta") == 0)) {
    if (name == "hinge") check_labels(f, true);
    o = piecewise_optimum(f, identifiable);
  } else if (is_one_of(name, {"huber_loss", "smooth_l1_loss", "log_cosh", "msle", "binary_cross_entropy_with_logits",
                              "sigmoid_focal_loss", "squared_hinge"})) {
    const bool classifier = is_one_of(name, {"binary_cross_entropy_with_logits", "sigmoid_focal_loss"});
    if (classifier) check_labels(f, false);
    if (name == "squared_hinge") check_labels(f, true);
    if (classifier && no_finite_logistic_optimum(f, identifiable)) {
      o.w = o.b = o.loss = o.gradient_norm = nan;
      o.status = OptimumStatus::NoFiniteOptimum;
      o.method = "separation test";
      return o;
    }
    // Standardised x (z = (x - m) / s) makes the two directions alike in
    // scale; all x equal gives z = 0 and a search over b alone.
    const double m = mean(x, n);
    double ss = 0;
    for (std::size_t i = 0; i < n; ++i) ss += (x[i] - m) * (x[i] - m);
    const double s = identifiable ? std::sqrt(ss / static_cast<double>(n)) : 0.0;
    std::vector<double> z(n, 0.0);
    if (identifiable)
      for (std::size_t i = 0; i < n; ++i) z[i] = (x[i] - m) / s;
    FitObjective fz(name, f.options(), z.data(), y, n);
    double u = 0, v = 0;
    if (name == "msle") {
      // The best constant of the log error, inside the domain (y > -1).
      std::vector<double> logs(n);
      for (std::size_t i = 0; i < n; ++i) logs[i] = std::log1p(y[i]);
      v = std::expm1(mean(logs.data(), n));
    } else if (!classifier && name != "squared_hinge") {
      least_squares(z.data(), y, n, u, v);
    }
    bfgs(fz, u, v, o);
    o.method = "BFGS";
    o.w = identifiable ? u / s : 0.0;
    o.b = identifiable ? v - u * m / s : v;
  } else {
    throw InputError("fit_no_exact_method", {{"loss", name}});
  }
  if (!identifiable) {
    o.status = OptimumStatus::NotIdentifiable;
    o.w = 0;
  }
  double gw, gb;
  o.loss = f.value_and_gradient(o.w, o.b, gw, gb);
  o.gradient_norm = std::fmax(std::fabs(gw), std::fabs(gb));
  return o;
}

}  // namespace lossplay
