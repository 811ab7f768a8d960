#include <cmath>
#include <limits>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {
namespace {


LossResult mse(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = 2 * d;
    return d * d;
  });
}

LossResult rmse(const Arguments& args, const Options& options, Reduction) {
  // sqrt(mean((x - y)^2)) only makes sense reduced; the registry offers
  // "mean" alone. The gradient is (x - y) / (n * rmse). Where every residual
  // is 0 the square root has no derivative and, as torch.sqrt(mse_loss(...))
  // does, the gradient is NaN (inf * 0).
  LossResult r = mse(args, options, Reduction::Mean);
  double value = std::sqrt(r.loss.data[0]);
  r.loss.data[0] = value;
  const double scale = 1.0 / (2 * value);  // inf when value == 0
  for (double& g : r.grad.data) g *= scale;
  return r;
}

LossResult l1(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = d > 0 ? 1.0 : d < 0 ? -1.0 : 0.0;  // PyTorch: the derivative of |d| at 0 is 0
    return std::fabs(d);
  });
}

LossResult huber(const Arguments& args, const Options& options, Reduction reduction) {
  const double delta = options.get("delta");  // > 0, checked by the registry
  return pointwise(args, reduction, [delta](double x, double y, double& g, std::size_t) {
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
        throw InputError(position(name, t.shape, i) + " is " + number_text(t[i]) +
                         ": MSLE takes log(1 + value), so every value must be greater than -1");
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

}  // namespace

void add_regression_losses(std::vector<LossSpec>& r) {
  const ArgSpec regression_input = input_arg("any shape", "predictions ŷ", "预测值 ŷ");
  const ArgSpec regression_target = target_arg("same as input", "true values y", "真实值 y");
  {
    LossSpec s;
    s.name = "mse_loss";
    s.short_name = "MSE";
    s.title_en = "Mean squared error";
    s.title_zh = "均方误差";
    s.group = "regression";
    s.pytorch = "torch.nn.functional.mse_loss";
    s.args = {regression_input, regression_target};
    s.reductions = all_reductions();
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}(\hat{y}_i - y_i)^2)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}(\hat{y}_i - y_i))";
    s.note_en = "Squares each residual, so a single outlier can dominate the mean.";
    s.note_zh = "误差被平方，一个离群点就可能主导整体损失。";
    s.evaluate = mse;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "rmse";
    s.short_name = "RMSE";
    s.title_en = "Root mean squared error";
    s.title_zh = "均方根误差";
    s.group = "regression";
    s.args = {regression_input, regression_target};
    s.reductions = {Reduction::Mean};
    s.formula = R"(L = \sqrt{\frac{1}{n}\sum_{i=1}^{n}(\hat{y}_i - y_i)^2})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{\hat{y}_i - y_i}{n\,L})";
    s.note_en = "The square root of MSE, in the units of y. It has no gradient where every residual is 0.";
    s.note_zh = "MSE 的平方根，与 y 同量纲。所有误差都为 0 时不可导。";
    s.evaluate = rmse;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "l1_loss";
    s.short_name = "MAE";
    s.title_en = "Mean absolute error";
    s.title_zh = "平均绝对误差";
    s.group = "regression";
    s.pytorch = "torch.nn.functional.l1_loss";
    s.args = {regression_input, regression_target};
    s.reductions = all_reductions();
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left|\hat{y}_i - y_i\right|)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{sign}(\hat{y}_i - y_i))";
    s.note_en = "Grows linearly with the residual, so outliers weigh less than in MSE.";
    s.note_zh = "损失随误差线性增长，离群点的影响比 MSE 小。";
    s.evaluate = l1;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "huber_loss";
    s.short_name = "Huber";
    s.title_en = "Huber loss";
    s.title_zh = "Huber 损失";
    s.group = "regression";
    s.pytorch = "torch.nn.functional.huber_loss";
    s.args = {regression_input, regression_target};
    OptionSpec delta;
    delta.name = "delta";
    delta.label = "δ";
    delta.default_value = 1.0;
    delta.min = 0;
    delta.min_inclusive = false;
    delta.help_en = "where the loss turns from quadratic to linear";
    delta.help_zh = "由平方变为线性的误差阈值";
    s.options = {delta};
    s.reductions = all_reductions();
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\frac{1}{2}(\hat{y}_i - y_i)^2 & |\hat{y}_i - y_i| \le \delta\\ \delta\left(|\hat{y}_i - y_i| - \frac{1}{2}\delta\right) & \text{otherwise}\end{cases})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{clip}(\hat{y}_i - y_i, -\delta, \delta))";
    s.note_en = "Quadratic near zero like MSE, linear beyond δ like MAE.";
    s.note_zh = "误差小于 δ 时像 MSE，大于 δ 时像 MAE。";
    s.evaluate = huber;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "msle";
    s.short_name = "MSLE";
    s.title_en = "Mean squared logarithmic error";
    s.title_zh = "均方对数误差";
    s.group = "regression";
    s.args = {input_arg("any shape, each value > -1", "predictions ŷ", "预测值 ŷ"),
              target_arg("same as input, each value > -1", "true values y", "真实值 y")};
    s.reductions = all_reductions();
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left(\log(1 + \hat{y}_i) - \log(1 + y_i)\right)^2)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}\,\frac{\log(1 + \hat{y}_i) - \log(1 + y_i)}{1 + \hat{y}_i})";
    s.note_en = "Compares orders of magnitude: relative errors count, not absolute ones.";
    s.note_zh = "比较的是数量级：看相对误差而不是绝对误差。";
    s.evaluate = msle;
    r.push_back(std::move(s));
  }
}

}  // namespace lossplay::detail
