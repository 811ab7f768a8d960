// The landscape: F(w, b) on a grid (landscape() in lossplay/fit.hpp).
//
// A grid of 100 x 100 over 1e4 samples is 1e8 loss terms: through the
// registry that is 0.25 s (MSE) to 4 s (BCE with logits) natively. The
// losses that are piecewise polynomials of the residual (MSE, RMSE, MAE,
// Huber, smooth L1, quantile, MAPE, hinge, squared hinge) are summed per
// column instead: for a fixed w, r_i = t_i - w x_i is sorted once and F at
// every b of the column comes from prefix sums of the weights, r and r²
// over the ranges where the term is linear or quadratic in b. The others go
// through the registry cell by cell.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "fit_internal.hpp"
#include "lossplay/error.hpp"
#include "lossplay/fit.hpp"

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

// Prefix sums over the sorted residuals of one column, centred on their
// mean so that Σ (r - b)² loses no digits to the size of r.
struct Column {
  std::vector<double> r;                   // sorted, centred
  std::vector<double> wa, wb, ra, rb, qa, qb;  // prefix sums: α, β, α r, β r, α r², β r²
  double centre = 0;

  // Σ over [i, j) of weights * (s (r - b))^p on one side (a: α, u > 0; b: β).
  double linear_a(std::size_t i, std::size_t j, double b) const { return (ra[j] - ra[i]) - b * (wa[j] - wa[i]); }
  double linear_b(std::size_t i, std::size_t j, double b) const { return b * (wb[j] - wb[i]) - (rb[j] - rb[i]); }
  double square_a(std::size_t i, std::size_t j, double b) const {
    return (qa[j] - qa[i]) - 2 * b * (ra[j] - ra[i]) + b * b * (wa[j] - wa[i]);
  }
  double square_b(std::size_t i, std::size_t j, double b) const {
    return (qb[j] - qb[i]) - 2 * b * (rb[j] - rb[i]) + b * b * (wb[j] - wb[i]);
  }
  std::size_t below(double v) const {  // how many r < v
    return static_cast<std::size_t>(std::lower_bound(r.begin(), r.end(), v) - r.begin());
  }
};

void sum_landscape(const FitObjective& f, const Terms& terms, Landscape& l, const std::vector<double>& ws,
                   const std::vector<double>& bs) {
  const std::size_t n = f.size();
  const double* x = f.x();
  Column col;
  struct Residual {
    double r;
    std::size_t index;
  };
  std::vector<Residual> raw(n);
  // MSE and RMSE weigh both sides alike: Σ (r - b)² needs no order.
  bool unordered = terms.shape == Shape::Square;
  for (std::size_t i = 0; i < n && unordered; ++i) unordered = terms.alpha[i] == 1 && terms.beta[i] == 1;
  for (auto* v : {&col.wa, &col.wb, &col.ra, &col.rb, &col.qa, &col.qb}) v->assign(n + 1, 0.0);
  col.r.resize(n);
  const double c = terms.c;
  for (std::size_t ci = 0; ci < l.columns; ++ci) {
    const double w = ws[ci];
    double mean = 0;
    for (std::size_t i = 0; i < n; ++i) {
      raw[i] = {terms.t[i] - w * x[i], i};
      mean += raw[i].r;
    }
    mean /= static_cast<double>(n);
    if (!unordered) std::sort(raw.begin(), raw.end(), [](const Residual& p, const Residual& q) { return p.r < q.r; });
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = raw[k].index;
      const double r = raw[k].r - mean, a = terms.alpha[i], bb = terms.beta[i];
      col.r[k] = r;
      col.wa[k + 1] = col.wa[k] + a;
      col.wb[k + 1] = col.wb[k] + bb;
      col.ra[k + 1] = col.ra[k] + a * r;
      col.rb[k + 1] = col.rb[k] + bb * r;
      col.qa[k + 1] = col.qa[k] + a * r * r;
      col.qb[k + 1] = col.qb[k] + bb * r * r;
    }
    for (std::size_t ri = 0; ri < l.rows; ++ri) {
      const double b = bs[ri] - mean;
      const std::size_t mid = unordered ? 0 : col.below(b);  // [0, mid): u < 0 (β side); [mid, n): u >= 0 (α side)
      double s = 0;
      switch (terms.shape) {
        case Shape::Abs:
          s = col.linear_a(mid, n, b) + col.linear_b(0, mid, b);
          break;
        case Shape::Square:
          s = col.square_a(mid, n, b) + col.square_b(0, mid, b);
          break;
        case Shape::Huber:
        case Shape::SmoothL1: {
          // quadratic for |u| <= c, linear beyond
          const std::size_t lo = col.below(b - c), hi = col.below(b + c);
          const double quad = col.square_a(mid, hi, b) + col.square_b(lo, mid, b);
          const double lin = col.linear_a(hi, n, b) + col.linear_b(0, lo, b);
          const double far = (col.wa[n] - col.wa[hi]) + (col.wb[lo] - col.wb[0]);
          s = terms.shape == Shape::Huber ? 0.5 * quad + c * lin - 0.5 * c * c * far
                                          : 0.5 * quad / c + lin - 0.5 * c * far;
          break;
        }
      }
      double v = s / static_cast<double>(n);
      if (terms.shape == Shape::Square || terms.shape == Shape::Huber || terms.shape == Shape::SmoothL1)
        v = std::max(v, 0.0);  // rounding must not make a sum of squares negative
      l.values[ri * l.columns + ci] = terms.root ? std::sqrt(v) : v;
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
