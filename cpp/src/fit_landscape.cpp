// The landscape: F(w, b) on a grid (landscape() in lossplay/fit.hpp).
//
// A grid of 100 x 100 over 1e4 samples is 1e8 loss terms: through the
// registry that is 0.25 s (MSE) to 4 s (BCE with logits) natively. The
// losses that are piecewise polynomials of the residual (MSE, RMSE, MAE,
// Huber, smooth L1, quantile, MAPE, hinge, squared hinge) are summed per
// column instead: for a fixed w, r_i = t_i - w x_i is binned between the
// grid's b values and F at every b of the column comes from running sums
// of the weights, r and r² over the ranges where the term is linear or
// quadratic in b: O(n + rows) per column instead of O(n rows). BCE with
// logits, the focal loss, log-cosh and MSLE are summed term by term in one
// loop per cell, each term written as the loss's kernel writes it (so the
// same bits; focal's (1 - p_t)^2 as a product, to the last bit), without the
// gradient the registry also computes and without a vector per cell; on
// grids of more than a million terms they are summed at display precision
// instead (fit_landscape_fast.cpp: relative error <= 1e-9, 8-13x faster in
// wasm). Any other loss goes through the registry cell by cell.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "fit_internal.hpp"
#include "lossplay/error.hpp"
#include "lossplay/fit.hpp"
#include "lossplay/summation.hpp"
#include "vector_math.hpp"

namespace lossplay {
namespace {

// Each term is α_i φ(u_i) where u_i = r_i - b > 0, β_i φ(-u_i) where
// u_i < 0, with r_i = t_i - w x_i and φ(s), s >= 0, one of:
enum class Shape { Abs, Square, Huber, SmoothL1 };

struct Terms {
  Shape shape = Shape::Abs;
  double c = 0;  // Huber's δ, smooth L1's β
  bool root = false;  // RMSE: the square root of the mean
  std::vector<double> t, alpha, beta;
};

bool sums_apply(const FitObjective& f, Terms& terms) {
  const std::string_view name = f.spec().name;
  const std::size_t n = f.size();
  const double* y = f.y();
  terms.t.assign(y, y + n);
  terms.alpha.assign(n, 1.0);
  terms.beta.assign(n, 1.0);
  if (name == "mse_loss" || name == "rmse") {
    terms.shape = Shape::Square;
    terms.root = name == "rmse";
  } else if (name == "l1_loss") {
    terms.shape = Shape::Abs;
  } else if (name == "huber_loss") {
    terms.shape = Shape::Huber;
    terms.c = f.option("delta");
  } else if (name == "smooth_l1_loss") {
    terms.c = f.option("beta");
    terms.shape = terms.c > 0 ? Shape::SmoothL1 : Shape::Abs;
  } else if (name == "quantile") {
    const double tau = f.option("tau");
    terms.alpha.assign(n, tau);
    terms.beta.assign(n, 1 - tau);
  } else if (name == "mape") {
    for (std::size_t i = 0; i < n; ++i) terms.alpha[i] = terms.beta[i] = 100 / std::max(std::fabs(y[i]), 1e-7);
  } else if (name == "hinge" || name == "squared_hinge") {
    // max(0, m - y ŷ) is max(0, u) with t = m for y = 1 and max(0, -u) with
    // t = -m for y = -1; other labels are left to the registry.
    for (std::size_t i = 0; i < n; ++i)
      if (y[i] != 1 && y[i] != -1) return false;
    const double m = f.option("margin");
    for (std::size_t i = 0; i < n; ++i) {
      terms.t[i] = y[i] > 0 ? m : -m;
      terms.alpha[i] = y[i] > 0 ? 1 : 0;
      terms.beta[i] = y[i] > 0 ? 0 : 1;
    }
    terms.shape = name == "hinge" ? Shape::Abs : Shape::Square;
  } else {
    return false;
  }
  return true;
}

// Sums of α, β, α r, β r, α r², β r² over a set of (centred) residuals.
struct Sums {
  double wa = 0, wb = 0, ra = 0, rb = 0, qa = 0, qb = 0;
  void add(double r, double a, double b) {
    wa += a;
    wb += b;
    ra += a * r;
    rb += b * r;
    qa += a * r * r;
    qb += b * r * r;
  }
  Sums operator+(const Sums& o) const { return {wa + o.wa, wb + o.wb, ra + o.ra, rb + o.rb, qa + o.qa, qb + o.qb}; }
  Sums operator-(const Sums& o) const { return {wa - o.wa, wb - o.wb, ra - o.ra, rb - o.rb, qa - o.qa, qb - o.qb}; }
};

// Σ α (r - b) and Σ α (r - b)² over the residuals above b (the α side), and
// Σ β (b - r), Σ β (r - b)² over those below.
double linear_a(const Sums& s, double b) { return s.ra - b * s.wa; }
double linear_b(const Sums& s, double b) { return b * s.wb - s.rb; }
double square_a(const Sums& s, double b) { return s.qa - 2 * b * s.ra + b * b * s.wa; }
double square_b(const Sums& s, double b) { return s.qb - 2 * b * s.rb + b * b * s.wb; }

// below[k] = the Sums over r < v0 + k step, k < rows, without sorting: each
// r falls in a bucket between two grid values (an index from its value),
// and the buckets' running sums give every row. Where r and a grid value
// agree to rounding the bucket may be the neighbour's; the terms are
// continuous there, so that moves F by rounding only.
void sums_below(const std::vector<double>& raw, double mean, const Terms& terms, double v0, double step,
                std::vector<Sums>& buckets, std::vector<Sums>& below) {
  const std::size_t rows = below.size();
  std::fill(buckets.begin(), buckets.end(), Sums{});
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const double q = (raw[i] - v0) / step;
    std::size_t k = 0;  // how many grid values are <= r
    if (q >= static_cast<double>(rows)) k = rows;
    else if (q >= 0) k = std::min(static_cast<std::size_t>(q) + 1, rows);
    buckets[k].add(raw[i] - mean, terms.alpha[i], terms.beta[i]);
  }
  Sums run;
  for (std::size_t k = 0; k < rows; ++k) {
    run = run + buckets[k];
    below[k] = run;
  }
}

void sum_landscape(const FitObjective& f, const Terms& terms, Landscape& l, const std::vector<double>& ws,
                   const std::vector<double>& bs) {
  const std::size_t n = f.size(), rows = l.rows;
  const double* x = f.x();
  const double c = terms.c, step = (l.b_max - l.b_min) / static_cast<double>(rows - 1);
  const bool banded = terms.shape == Shape::Huber || terms.shape == Shape::SmoothL1;
  // MSE and RMSE weigh both sides alike: Σ (r - b)² needs no split.
  bool unsplit = terms.shape == Shape::Square;
  for (std::size_t i = 0; i < n && unsplit; ++i) unsplit = terms.alpha[i] == 1 && terms.beta[i] == 1;
  std::vector<double> raw(n);
  std::vector<Sums> buckets(rows + 1), at(rows), lo(banded ? rows : 0), hi(banded ? rows : 0);
  for (std::size_t ci = 0; ci < l.columns; ++ci) {
    const double w = ws[ci];
    double mean = 0;
    for (std::size_t i = 0; i < n; ++i) {
      raw[i] = terms.t[i] - w * x[i];
      mean += raw[i];
    }
    // Centred on their mean, Σ (r - b)² loses no digits to the size of r.
    mean /= static_cast<double>(n);
    Sums total;
    for (std::size_t i = 0; i < n; ++i) total.add(raw[i] - mean, terms.alpha[i], terms.beta[i]);
    if (!unsplit) sums_below(raw, mean, terms, l.b_min, step, buckets, at);
    if (banded) {
      sums_below(raw, mean, terms, l.b_min - c, step, buckets, lo);
      sums_below(raw, mean, terms, l.b_min + c, step, buckets, hi);
    }
    for (std::size_t ri = 0; ri < rows; ++ri) {
      const double b = bs[ri] - mean;
      const Sums neg = unsplit ? Sums{} : at[ri], pos = total - neg;  // r < b: β side; r >= b: α side
      double s = 0;
      switch (terms.shape) {
        case Shape::Abs:
          s = linear_a(pos, b) + linear_b(neg, b);
          break;
        case Shape::Square:
          s = square_a(pos, b) + square_b(neg, b);
          break;
        case Shape::Huber:
        case Shape::SmoothL1: {
          // quadratic for |r - b| < c, linear beyond
          const Sums far_pos = total - hi[ri], &far_neg = lo[ri];
          const double quad = square_a(hi[ri] - neg, b) + square_b(neg - lo[ri], b);
          const double lin = linear_a(far_pos, b) + linear_b(far_neg, b);
          const double far = far_pos.wa + far_neg.wb;
          s = terms.shape == Shape::Huber ? 0.5 * quad + c * lin - 0.5 * c * c * far
                                          : 0.5 * quad / c + lin - 0.5 * c * far;
          break;
        }
      }
      double v = s / static_cast<double>(n);
      if (terms.shape != Shape::Abs) v = std::max(v, 0.0);  // rounding must not make a sum of squares negative
      l.values[ri * l.columns + ci] = terms.root ? std::sqrt(v) : v;
    }
  }
}


// ---- term by term: the losses with no prefix sums ----
//
// Each term below is the value half of its registry kernel, operation for
// operation (losses_binary.cpp, losses_regression.cpp: a change there must
// be made here too; tests/cpp/fit-test.cpp compares every cell with the
// registry's F), and F = pairwise_sum(terms) / n as reduce() takes it.

using Term = detail::LandscapeTerm;

bool terms_apply(const FitObjective& f, Term& term) {
  const std::string_view name = f.spec().name;
  if (name == "binary_cross_entropy_with_logits") term = Term::BceLogits;
  else if (name == "sigmoid_focal_loss") term = Term::Focal;
  else if (name == "log_cosh") term = Term::LogCosh;
  else if (name == "msle") term = Term::Msle;
  else return false;
  return true;
}

// Grids of more than a million terms are a picture's worth of work: their
// exp and log1p are fit_fast_math.hpp's (relative error <= 1e-9 a cell, see
// lossplay/fit.hpp), and focal's with labels 0 and 1 are summed in floats
// (1e-5, fit_focal_float.hpp); smaller ones, and the cases whose terms can
// change sign or need pow, keep the exact terms.
constexpr const char* kDisplayPrecision = "terms, display precision (relative error ≤ 1e-9)";
constexpr const char* kDisplayPrecisionFloats = "terms, display precision (relative error ≤ 1e-5)";
constexpr double kDisplayPrecisionTerms = 1e6;

// The display-precision method's name, or nullptr where the exact terms stay.
const char* display_precision_method(const FitObjective& f, Term term, std::size_t cells) {
  const std::size_t n = f.size();
  if (static_cast<double>(n) * static_cast<double>(cells) <= kDisplayPrecisionTerms) return nullptr;
  if (term == Term::Focal && f.option("gamma") != 2) return nullptr;
  if (term == Term::BceLogits || term == Term::Focal) {
    // Labels outside [0, 1] make a term's linear part negative: no relative bound.
    const double* y = f.y();
    for (std::size_t i = 0; i < n; ++i)
      if (!(y[i] >= 0 && y[i] <= 1)) return nullptr;
    if (term == Term::Focal && std::all_of(y, y + n, [](double v) { return v == 0 || v == 1; }))
      return kDisplayPrecisionFloats;
  }
  return kDisplayPrecision;
}

double exp_neg_abs(double v) { return std::exp(-std::fabs(v)); }
double softplus(double v, double e) { return std::max(v, 0.0) + std::log1p(e); }
double sigmoid(double v, double e) { return v >= 0 ? 1 / (1 + e) : e / (1 + e); }

// BCE with logits without pos_weight or weight: the registry's own term
// (vector_math.hpp's exp and log1p), so the cells are F to the bit.
double bce_logits_term(double z, double t) {
  return vmath::bce_logits_term(z, t, vmath::exp_nonpositive(-std::fabs(z)));
}

double focal_term(double x, double y, double alpha, double gamma) {
  const double e = exp_neg_abs(x);
  const double p = sigmoid(x, e), p_not = sigmoid(-x, e);
  const double ce = (1 - y) * x + softplus(-x, e);
  const double q = p * (1 - y) + p_not * y;
  // γ = 2 (the default): q·q, correctly rounded, where pow is within 0.52
  // ulp of q² (musl): the two can differ in the last bit, no more.
  const double focus = gamma == 2 ? q * q : std::pow(q, gamma);
  const double w = alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1.0;
  return w * ce * focus;
}

double log_cosh_term(double d) {
  const double a = std::fabs(d);
  if (a < 1) {
    const double s = std::sinh(a / 2);
    return std::log1p(2 * s * s);
  }
  return a + std::log1p(std::exp(-2 * a)) - std::log(2.0);
}

void term_landscape(const FitObjective& f, Term term, Landscape& l, const std::vector<double>& ws,
                    const std::vector<double>& bs) {
  const std::size_t n = f.size();
  const double* __restrict x = f.x();
  const double* __restrict y = f.y();
  const double alpha = term == Term::Focal ? f.option("alpha") : 0;
  const double gamma = term == Term::Focal ? f.option("gamma") : 0;
  // MSLE's log1p(y): the same bits in every cell, so once.
  std::vector<double> log1p_y(term == Term::Msle ? n : 0);
  for (std::size_t i = 0; i < log1p_y.size(); ++i) log1p_y[i] = std::log1p(y[i]);
  std::vector<double> values(n);
  double* __restrict v = values.data();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t r = 0; r < l.rows; ++r) {
    const double b = bs[r];
    for (std::size_t c = 0; c < l.columns; ++c) {
      const double w = ws[c];
      double cell;
      switch (term) {
        case Term::BceLogits:
          for (std::size_t i = 0; i < n; ++i) v[i] = bce_logits_term(w * x[i] + b, y[i]);
          cell = pairwise_sum(v, n) / static_cast<double>(n);
          break;
        case Term::Focal:
          for (std::size_t i = 0; i < n; ++i) v[i] = focal_term(w * x[i] + b, y[i], alpha, gamma);
          cell = pairwise_sum(v, n) / static_cast<double>(n);
          break;
        case Term::LogCosh:
          for (std::size_t i = 0; i < n; ++i) v[i] = log_cosh_term((w * x[i] + b) - y[i]);
          cell = pairwise_sum(v, n) / static_cast<double>(n);
          break;
        case Term::Msle: {
          // The registry refuses any ŷ <= -1 (msle_domain): the cell is
          // outside, found first by the cheap test, as the kernel does.
          bool inside = true;
          for (std::size_t i = 0; i < n; ++i) inside &= w * x[i] + b > -1;
          if (!inside) {
            cell = nan;
            ++l.outside_domain;
            break;
          }
          for (std::size_t i = 0; i < n; ++i) {
            const double d = std::log1p(w * x[i] + b) - log1p_y[i];
            v[i] = d * d;
          }
          cell = pairwise_sum(v, n) / static_cast<double>(n);
          break;
        }
      }
      l.values[r * l.columns + c] = cell;
    }
  }
}

}  // namespace

Landscape landscape(FitObjective& f, double w_min, double w_max, double b_min, double b_max, std::size_t columns,
                    std::size_t rows) {
  using detail::check_setting;
  check_setting("columns", static_cast<double>(columns), columns >= 2 && columns <= 2000, "[2, 2000]");
  check_setting("rows", static_cast<double>(rows), rows >= 2 && rows <= 2000, "[2, 2000]");
  check_setting("w_min", w_min, std::isfinite(w_min), "(-inf, inf)");
  check_setting("w_max", w_max, std::isfinite(w_max) && w_max > w_min, "(w_min, inf)");
  check_setting("b_min", b_min, std::isfinite(b_min), "(-inf, inf)");
  check_setting("b_max", b_max, std::isfinite(b_max) && b_max > b_min, "(b_min, inf)");
  Landscape l;
  l.columns = columns;
  l.rows = rows;
  l.w_min = w_min;
  l.w_max = w_max;
  l.b_min = b_min;
  l.b_max = b_max;
  l.values.resize(columns * rows);
  // The last row and column land on the bounds exactly.
  std::vector<double> ws(columns), bs(rows);
  const double dw = (w_max - w_min) / static_cast<double>(columns - 1);
  const double db = (b_max - b_min) / static_cast<double>(rows - 1);
  for (std::size_t c = 0; c < columns; ++c) ws[c] = c + 1 == columns ? w_max : w_min + static_cast<double>(c) * dw;
  for (std::size_t r = 0; r < rows; ++r) bs[r] = r + 1 == rows ? b_max : b_min + static_cast<double>(r) * db;

  Terms terms;
  if (sums_apply(f, terms)) {
    l.method = "prefix sums";
    sum_landscape(f, terms, l, ws, bs);
    return l;
  }
  Term term;
  if (terms_apply(f, term)) {
    if (const char* method = display_precision_method(f, term, columns * rows)) {
      l.method = method;
      detail::fast_term_landscape(term, f.x(), f.y(), f.size(), term == Term::Focal ? f.option("alpha") : 0,
                                  method == kDisplayPrecisionFloats, l, ws, bs);
      return l;
    }
    l.method = "terms";
    term_landscape(f, term, l, ws, bs);
    return l;
  }
  l.method = "registry";
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      double v;
      try {
        v = f.value(ws[c], bs[r]);
      } catch (const InputError&) {
        v = std::numeric_limits<double>::quiet_NaN();
        ++l.outside_domain;
      }
      l.values[r * columns + c] = v;
    }
  }
  return l;
}

}  // namespace lossplay
