// Regression losses: mse_loss, rmse, l1_loss, huber_loss, smooth_l1_loss,
// msle, mape, log_cosh and quantile, with their registry entries.
#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {
namespace {


LossResult mse(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise<true>(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = 2 * d;
    return d * d;
  });
}

LossResult rmse(const Arguments& args, const Options& options, Reduction reduction) {
  // sqrt(mean((x - y)^2)) only makes sense reduced; the registry offers
  // "mean" alone. "none" is asked only by evaluate()'s overflow check, which
  // looks for the first non-finite term: the squares under the root.
  if (reduction == Reduction::None) return mse(args, options, Reduction::None);
  // The gradient is (x - y) / (n * rmse). Where every residual is 0 that
  // is 0/0: the gradient is then 0, the subgradient that
  // torch.linalg.vector_norm(x - y) / sqrt(n) takes there (torch.sqrt of
  // mse_loss would give NaN, a non-finite result from finite input).
  LossResult r = mse(args, options, Reduction::Mean);
  double value = std::sqrt(r.loss.data[0]);
  r.loss.data[0] = value;
  const double scale = value == 0 ? 0.0 : 1.0 / (2 * value);
  for (double& g : r.grad.data) g *= scale;
  r.grad_finite = false;  // rescaled after mse's check
  return r;
}

LossResult l1(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise<true>(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = d > 0 ? 1.0 : d < 0 ? -1.0 : 0.0;  // PyTorch: the derivative of |d| at 0 is 0
    return std::fabs(d);
  });
}

LossResult huber(const Arguments& args, const Options& options, Reduction reduction) {
  const double delta = options.get("delta");  // > 0, checked by the registry
  return pointwise<true>(args, reduction, [delta](double x, double y, double& g, std::size_t) {
    double d = x - y;
    double a = std::fabs(d);
    if (a <= delta) {
      g = d;
      return 0.5 * d * d;
    }
    g = d > 0 ? delta : -delta;
    return delta * (a - 0.5 * delta);
  });
}

LossResult msle(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  const auto check = [](const TensorView& t, const char* name) {
    for (std::size_t i = 0; i < t.size; ++i)
      if (!(t[i] > -1))
        throw_element_error("msle_domain", name, t.shape, i, t[i]);
  };
  check(x, "input");
  check(y, "target");
  return pointwise(args, reduction, [](double xi, double yi, double& g, std::size_t) {
    // log1p keeps the digits of small values that log(1 + v) would lose.
    double d = std::log1p(xi) - std::log1p(yi);
    g = 2 * d / (1 + xi);
    return d * d;
  });
}

LossResult smooth_l1(const Arguments& args, const Options& options, Reduction reduction) {
  const double beta = options.get("beta");  // >= 0, checked by the registry
  return pointwise<true>(args, reduction, [beta](double x, double y, double& g, std::size_t) {
    double d = x - y;
    double a = std::fabs(d);
    // PyTorch 1.13's kernel, branch for branch: with beta = 0 the quadratic
    // piece is empty (a < 0 never holds), and its backward tests d <= -beta
    // first, so at d = 0 the gradient is -1 (newer PyTorch sends beta = 0 to
    // l1_loss, whose gradient there is 0).
    g = d <= -beta ? -1.0 : d >= beta ? 1.0 : d / beta;
    return a < beta ? 0.5 * a * a / beta : a - 0.5 * beta;
  });
}

LossResult mape(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise<true>(args, reduction, [](double x, double y, double& g, std::size_t) {
    // The divisor is clamped at 1e-7 so that y = 0 gives a large but finite
    // loss instead of a division by zero.
    const double scale = 100 / std::max(std::fabs(y), 1e-7);
    double d = x - y;
    g = d > 0 ? scale : d < 0 ? -scale : 0.0;  // as torch.abs: 0 where x = y
    return scale * std::fabs(d);
  });
}

// log(cosh(d)) without overflow: cosh(800) is inf in float64, but the loss
// is just about |d| - log 2 there. Near 0, cosh(d) - 1 = 2 sinh(d/2)^2 keeps
// the digits that log(cosh(d)) would round away.
double log_cosh_of(double d) {
  double a = std::fabs(d);
  if (a < 1) {
    double s = std::sinh(a / 2);
    return std::log1p(2 * s * s);
  }
  return a + std::log1p(std::exp(-2 * a)) - std::log(2.0);
}

LossResult log_cosh(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = std::tanh(d);  // bounded by 1: log-cosh is linear far from 0
    return log_cosh_of(d);
  });
}

LossResult quantile(const Arguments& args, const Options& options, Reduction reduction) {
  const double tau = options.get("tau");  // in [0, 1], checked by the registry
  return pointwise<true>(args, reduction, [tau](double x, double y, double& g, std::size_t) {
    // max(tau d, (tau - 1) d) with d = y - x, as torch.maximum computes it:
    // where the two terms tie (d = 0) the gradient is split evenly between
    // them, so d/dx is 1/2 - tau there.
    double d = y - x;
    double above = tau * d, below = (tau - 1) * d;
    if (above > below) {
      g = -tau;
      return above;
    }
    if (above < below) {
      g = 1 - tau;
      return below;
    }
    g = -(tau / 2 + (tau - 1) / 2);
    return above;
  });
}

constexpr ArgSpec regression_input = input_arg("any shape", "任意形状", "predictions ŷ", "预测值 ŷ");
constexpr ArgSpec regression_target = target_arg("same as input", "与 input 相同", "true values y", "真实值 y");

// The entries, in the order the page lists them.
constexpr LossSpec regression_losses[] = {
    {.name = "mse_loss",
     .short_name = "MSE",
     .short_zh = "MSE",
     .title_en = "Mean squared error",
     .title_zh = "均方误差",
     .pytorch = "torch.nn.functional.mse_loss",
     .args = {regression_input, regression_target},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}(\hat{y}_i - y_i)^2)",
     .gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}(\hat{y}_i - y_i))",
     .note_en =
         "Squares each residual, so a single outlier can dominate the mean. The gradient of each "
         "sample is +2/n (ŷ - y), no sum and no minus sign: positive where ŷ is too high.",
     .note_zh = "误差被平方，一个离群点就可能主导整体损失。每个样本的梯度是 +2/n (ŷ - "
                "y)，既没有求和也没有负号："
                "ŷ 偏大时梯度为正。",
     .evaluate = mse},
    {.name = "rmse",
     .short_name = "RMSE",
     .short_zh = "RMSE",
     .title_en = "Root mean squared error",
     .title_zh = "均方根误差",
     .args = {regression_input, regression_target},
     .reductions = {Reduction::Mean},
     .formula = R"(L = \sqrt{\frac{1}{n}\sum_{i=1}^{n}(\hat{y}_i - y_i)^2})",
     .gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{\hat{y}_i - y_i}{n\,L})",
     .note_en =
         "The square root of MSE, in the units of y. Where every residual is 0 its gradient is 0 "
         "(a subgradient: the square root has no derivative there).",
     .note_zh = "MSE 的平方根，与 y 同量纲。所有误差都为 0 时不可导，此时梯度取 0（次梯度）。",
     .evaluate = rmse},
    {.name = "l1_loss",
     .short_name = "MAE",
     .short_zh = "MAE",
     .title_en = "Mean absolute error",
     .title_zh = "平均绝对误差",
     .pytorch = "torch.nn.functional.l1_loss",
     .args = {regression_input, regression_target},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left|\hat{y}_i - y_i\right|)",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{sign}(\hat{y}_i - y_i))",
     .note_en = "Grows linearly with the residual, so outliers weigh less than in MSE.",
     .note_zh = "损失随误差线性增长，离群点的影响比 MSE 小。",
     .evaluate = l1},
    {.name = "huber_loss",
     .short_name = "Huber",
     .short_zh = "Huber",
     .title_en = "Huber loss",
     .title_zh = "Huber 损失",
     .pytorch = "torch.nn.functional.huber_loss",
     .args = {regression_input, regression_target},
     .options = {{.name = "delta",
                  .label = "δ",
                  .default_value = 1.0,
                  .min = 0,
                  .min_inclusive = false,
                  .help_en = "where the loss turns from quadratic to linear",
                  .help_zh = "由平方变为线性的误差阈值"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\frac{1}{2}(\hat{y}_i - y_i)^2 & |\hat{y}_i - y_i| \le \delta\\ \delta\left(|\hat{y}_i - y_i| - \frac{1}{2}\delta\right) & \text{otherwise}\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{clip}(\hat{y}_i - y_i, -\delta, \delta))",
     .note_en = "Quadratic near zero like MSE, linear beyond δ like MAE.",
     .note_zh = "误差小于 δ 时像 MSE，大于 δ 时像 MAE。",
     .evaluate = huber},
    {.name = "smooth_l1_loss",
     .short_name = "Smooth L1",
     .short_zh = "平滑 L1",
     .title_en = "Smooth L1 loss",
     .title_zh = "平滑 L1 损失",
     .pytorch = "torch.nn.functional.smooth_l1_loss",
     .args = {regression_input, regression_target},
     .options = {{.name = "beta",
                  .label = "β",
                  .default_value = 1.0,
                  .min = 0,
                  .help_en = "where the loss turns from quadratic to linear; 0 gives plain L1",
                  .help_zh = "由平方变为线性的误差阈值；为 0 时即 L1 损失"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\frac{(\hat{y}_i - y_i)^2}{2\beta} & |\hat{y}_i - y_i| < \beta\\ |\hat{y}_i - y_i| - \frac{\beta}{2} & \text{otherwise}\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\begin{cases}\frac{\hat{y}_i - y_i}{\beta} & |\hat{y}_i - y_i| < \beta\\ \operatorname{sign}(\hat{y}_i - y_i) & \text{otherwise}\end{cases})",
     .note_en = "Huber loss divided by β: its slope far from zero is always 1, whatever β is.",
     .note_zh = "等于 Huber 损失除以 β：无论 β 取何值，远离 0 处的斜率都是 1。",
     .evaluate = smooth_l1},
    {.name = "msle",
     .short_name = "MSLE",
     .short_zh = "MSLE",
     .title_en = "Mean squared logarithmic error",
     .title_zh = "均方对数误差",
     .args = {input_arg("any shape, each value > -1", "任意形状，每个值 > -1", "predictions ŷ",
                        "预测值 ŷ"),
              target_arg("same as input, each value > -1", "与 input 相同，每个值 > -1",
                         "true values y", "真实值 y")},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left(\log(1 + \hat{y}_i) - \log(1 + y_i)\right)^2)",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}\,\frac{\log(1 + \hat{y}_i) - \log(1 + y_i)}{1 + \hat{y}_i})",
     .note_en = "Compares orders of magnitude: relative errors count, not absolute ones.",
     .note_zh = "比较的是数量级：看相对误差而不是绝对误差。",
     .evaluate = msle},
    {.name = "mape",
     .short_name = "MAPE",
     .short_zh = "MAPE",
     .title_en = "Mean absolute percentage error",
     .title_zh = "平均绝对百分比误差",
     .args = {regression_input, regression_target},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{100}{n}\sum_{i=1}^{n}\frac{|y_i - \hat{y}_i|}{\max(|y_i|,\ 10^{-7})})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{100}{n}\,\frac{\operatorname{sign}(\hat{y}_i - y_i)}{\max(|y_i|,\ 10^{-7})})",
     .note_en = "A percentage of |y|: a target near 0 makes the loss explode, since the divisor is "
                "only clamped at 1e-7.",
     .note_zh = "以 |y| 的百分比计：目标接近 0 时损失会爆炸，因为分母只被截断在 1e-7。",
     .evaluate = mape},
    {.name = "log_cosh",
     .short_name = "Log-cosh",
     .short_zh = "对数双曲余弦",
     .title_en = "Log-cosh loss",
     .title_zh = "对数双曲余弦损失",
     .args = {regression_input, regression_target},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\log\cosh(\hat{y}_i - y_i))",
     .gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\tanh(\hat{y}_i - y_i))",
     .note_en =
         "About half the squared error near zero and |residual| - log 2 far away: a smooth Huber.",
     .note_zh =
         "误差小时约为平方误差的一半，误差大时约为 |误差| - log 2，相当于处处光滑的 Huber 损失。",
     .evaluate = log_cosh},
    {.name = "quantile",
     .short_name = "Quantile",
     .short_zh = "分位数",
     .title_en = "Quantile (pinball) loss",
     .title_zh = "分位数损失（弹球损失）",
     .args = {regression_input, regression_target},
     .options = {{.name = "tau",
                  .label = "τ",
                  .default_value = 0.5,
                  .min = 0,
                  .max = 1,
                  .help_en = "the quantile to predict: under-prediction costs τ, over-prediction 1 - τ",
                  .help_zh = "要预测的分位数：预测偏低的代价为 τ，偏高的代价为 1 - τ"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\max\left(\tau(y_i - \hat{y}_i),\ (\tau - 1)(y_i - \hat{y}_i)\right))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\begin{cases}-\tau & \hat{y}_i < y_i\\ 1 - \tau & \hat{y}_i > y_i\\ \frac{1}{2} - \tau & \hat{y}_i = y_i\end{cases})",
     .note_en =
         "Its minimiser is the τ-quantile of y, not the mean; τ = 0.5 gives half the absolute error.",
     .note_zh = "其最优解是 y 的 τ 分位数而非均值；τ = 0.5 时等于绝对误差的一半。",
     .evaluate = quantile},
};

}  // namespace

void add_regression_losses(std::vector<LossSpec>& r) { add_group(r, "regression", regression_losses); }

}  // namespace lossplay::detail
