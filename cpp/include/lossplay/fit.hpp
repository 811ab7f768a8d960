// The fit lab's core: the line ŷ = w·x + b fitted to (x, y) with a loss of
// the registry. Three things a page needs, each in one call:
//   - run_optimizer(): gradient descent, momentum or Adam, with PyTorch's
//     update rules, returning the whole path (w, b, loss per step);
//   - exact_optimum(): the loss's minimiser over (w, b) by a method that
//     converges for it (closed form, a vertex search, BFGS);
//   - landscape(): the objective on a grid of (w, b).
//
// The objective is F(w, b) = loss(ŷ, y) with reduction "mean" and the
// user's options, computed by the registry entry's own function, and its
// gradient is dF/dw = Σ g_i x_i, dF/db = Σ g_i with g = dF/dŷ, the loss's own
// gradient. Any registry loss whose only required arguments are input and
// target (of one shape) and which offers reduction "mean" can be fitted.
//
// Labels. Classification losses take ŷ = w·x + b as their logit or score,
// and the caller passes y as the loss expects it:
//   binary_cross_entropy_with_logits, sigmoid_focal_loss: y in {0, 1}
//     (soft labels in [0, 1] too);
//   hinge, squared_hinge: y in {-1, +1}.
// exact_optimum() refuses other labels (codes fit_label_unit and
// fit_label_signed); the optimisers and the landscape score whatever the
// loss scores.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lossplay/registry.hpp"

namespace lossplay {

// F(w, b) and its gradient over borrowed x and y (they must outlive it).
// The constructor checks everything once: x and y of one length, not empty
// and finite; the loss known and fittable; its options in range; y in the
// loss's domain (it evaluates the loss at ŷ = 0). Errors are InputError
// codes: empty_argument, shape_mismatch, fit_not_finite, unknown_loss,
// fit_loss_unsupported, the option codes, and the loss's own (msle_domain).
// Each evaluation reuses the objective's ŷ buffer; the loss function
// returns its result in vectors of its own.
class FitObjective {
 public:
  FitObjective(std::string_view loss, const std::vector<NamedOption>& options, const double* x,
               const double* y, std::size_t n);
  FitObjective(const FitObjective&) = delete;
  FitObjective& operator=(const FitObjective&) = delete;

  // F(w, b). Throws the loss's InputError where ŷ leaves its domain
  // (msle_domain where some w·x + b <= -1).
  double value(double w, double b);
  // F(w, b), and dF/dw, dF/db into dw, db.
  double value_and_gradient(double w, double b, double& dw, double& db);

  const LossSpec& spec() const { return *spec_; }
  // The options with their defaults filled in: {"delta", 1}, ...
  const std::vector<NamedOption>& options() const { return option_values_; }
  double option(std::string_view name) const;
  const double* x() const { return x_; }
  const double* y() const { return y_; }
  std::size_t size() const { return n_; }

 private:
  const LossSpec* spec_;
  std::vector<NamedOption> option_values_;
  Options options_;
  const double* x_;
  const double* y_;
  std::size_t n_;
  std::vector<double> yhat_;
  Arguments args_;
  LossResult run(double w, double b);
};

enum class OptimizerKind { GradientDescent, Momentum, Adam };

// torch.optim.SGD (momentum 0 or `momentum`, dampening 0, nesterov false)
// and torch.optim.Adam (amsgrad false, weight decay 0).
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::GradientDescent;
  double learning_rate = 0.01;  // > 0
  std::size_t steps = 100;      // updates, at most 1e6 (the path keeps 24 bytes a step)
  double momentum = 0.9;        // Momentum: in [0, 1)
  double beta1 = 0.9;           // Adam: in [0, 1)
  double beta2 = 0.999;         // Adam: in [0, 1)
  double eps = 1e-8;            // Adam: > 0
  // Stop as converged once max(|dF/dw|, |dF/db|) <= tolerance; 0 runs
  // every step. The subgradient of MAE, quantile or hinge rarely gets there.
  double tolerance = 1e-10;
  // Diverged when F exceeds explode_factor × F(start) (F(start) > 0).
  double explode_factor = 1e10;
  double w0 = 0, b0 = 0;  // the start
};

struct FitPoint {
  double w, b, loss;
};

enum class PathStatus {
  Converged,    // the gradient fell below the tolerance: the last point
  RanAllSteps,  // every step taken
  Diverged,     // stopped: see stop_reason; the path ends at the last sane point
};

struct FitPath {
  // points[0] is the start; points[k] follows the k-th update. The loss of
  // each is F at its (w, b), as PyTorch's loop computes it before a step.
  // Empty (and Diverged, "non_finite") when F at the start is not finite.
  std::vector<FitPoint> points;
  PathStatus status = PathStatus::RanAllSteps;
  // For Diverged: "non_finite" (the loss, its gradient or a parameter
  // became Infinity or NaN), "exploding" (F passed explode_factor × F(start),
  // or |w| or |b| passed 1e150), or the loss's error code where ŷ left its
  // domain ("msle_domain"). stop_step: the update that led there.
  std::string stop_reason;
  std::size_t stop_step = 0;
};

// "converged", "ran_all_steps", "diverged": the names the bindings hand on.
std::string_view to_string(PathStatus status);

// Checks the settings (code fit_setting_out_of_range) and runs. Never
// returns a non-finite or exploded point.
FitPath run_optimizer(FitObjective& objective, const OptimizerSettings& settings);

enum class OptimumStatus {
  Found,            // (w, b) minimises F
  NotIdentifiable,  // every x is the same (n = 1 too): F depends on w·x + b
                    // only; w = 0 and b is the best constant
  NoFiniteOptimum,  // F keeps falling as |w| or |b| grows (separable classes
                    // for BCE with logits or focal, or all labels the same):
                    // w and b are NaN
};

// "found", "not_identifiable", "no_finite_optimum".
std::string_view to_string(OptimumStatus status);

struct FitOptimum {
  double w = 0, b = 0, loss = 0;
  OptimumStatus status = OptimumStatus::Found;
  // How it was found: "closed form", "vertex search", "vertex search +
  // golden section", "BFGS".
  std::string method;
  std::size_t iterations = 0;
  double gradient_norm = 0;  // max(|dF/dw|, |dF/db|) there (a subgradient for MAE, quantile, MAPE, hinge)
};

// The exact minimiser of F:
//   mse_loss, rmse: least squares in closed form;
//   l1_loss, quantile, mape, hinge, smooth_l1_loss with β = 0 (piecewise
//     linear): the optimum is a line
//     through two points (a vertex of the LP); for fixed w the best b is a
//     weighted τ-quantile, and turning the line about a point it passes
//     through is a weighted median of slopes (Wesolowsky's descent). The
//     result is certified by the convexity of the profile min_b F(w, b)
//     (no decrease at w ± ε), with a golden-section search as the fallback;
//   huber_loss, smooth_l1_loss, log_cosh, msle, binary_cross_entropy_with_logits,
//     sigmoid_focal_loss, squared_hinge: BFGS with a backtracking line
//     search on standardised x, started from the least-squares line (a
//     constant for MSLE, (0, 0) for the classifiers).
// Other losses: code fit_no_exact_method.
// Where the minimisers form a set (hinge or squared hinge on separable
// classes, quantile with τ = 0 or 1, MAE on some tied data) one of them is
// returned: a vertex for the piecewise-linear losses. The focal loss need
// not be convex: BFGS from (0, 0) gives a local minimiser (on the tests,
// scipy's). Float64 bounds the digits: with x near 1e6, w·x + b resolves b
// to about 1e-7, and the gradient there is that rounding times x.
FitOptimum exact_optimum(FitObjective& objective);

struct Landscape {
  std::size_t columns = 0, rows = 0;  // columns run over w, rows over b
  double w_min = 0, w_max = 0, b_min = 0, b_max = 0;
  // values[r * columns + c] = F(w_c, b_r), w_c = w_min + c (w_max - w_min) / (columns - 1),
  // b_r likewise; NaN where ŷ leaves the loss's domain (MSLE).
  std::vector<double> values;
  std::size_t outside_domain = 0;  // how many cells are NaN for that reason
  // "prefix sums" (MSE, RMSE, MAE, Huber, smooth L1, quantile, MAPE, hinge
  // and squared hinge with ±1 labels: per column, the residuals binned
  // between the grid's b values and summed in order; equal to the
  // registry's F to about 1e-10 relative), "terms" (BCE with logits, focal,
  // log-cosh, MSLE: each cell's terms in one loop, written as the loss's
  // kernel writes them, without its gradient: the registry's F to the bit,
  // but for focal with γ = 2, whose q² is q·q, not pow: to the last bit),
  // "terms, display precision (relative error ≤ 1e-9)" (the same losses
  // when n × columns × rows > 1e6, but focal with γ ≠ 2 and BCE or focal
  // with a label outside [0, 1]: a picture needs 5 digits, not 15. Each
  // cell is within 1e-9 × F of the exact F, or 1e-290 absolute where
  // e^{-|z|} leaves the doubles; MSLE within 1e-9 × (F + mean of
  // log1p(ŷ_i)²), its error being log1p's relative error times log1p(ŷ);
  // NaN cells exactly the exact method's. How: fit_fast_math.hpp's exp
  // (1e-14) and log1p (1e-10) in vectorised loops, and for BCE, log-cosh and
  // focal, e^{-|z|} per column as a product e^{-v_i} e^{-δ_r} and, for BCE
  // and log-cosh, Σ log1p(e_i) as the log of a product:
  // fit_landscape_fast.cpp), "terms, display precision (relative error ≤
  // 1e-5)" (focal with γ = 2 and every label 0 or 1: as above, but each
  // class sorted by x and summed four float32 lanes at a time, within
  // 1e-5 × F; columns where |w| times a block's half-width exceeds 8, and
  // cells whose mean is below 1e-20, in the double loop:
  // fit_focal_float.hpp) or "registry" (every cell by the loss's own
  // function).
  std::string method;
};

// columns and rows in [2, 2000], w_min < w_max, b_min < b_max, all finite
// (code fit_setting_out_of_range otherwise).
Landscape landscape(FitObjective& objective, double w_min, double w_max, double b_min, double b_max,
                    std::size_t columns, std::size_t rows);

}  // namespace lossplay
