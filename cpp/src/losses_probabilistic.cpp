// Probabilistic losses: poisson_nll_loss, gaussian_nll_loss, kl_div and
// the Keras Poisson loss.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {
namespace {

// The Keras Poisson loss adds this to the rate inside the log.
constexpr double keras_epsilon = 1e-7;

// Stirling's approximation of log(y!), which PyTorch's `full` adds only
// where y > 1 (masked_fill(target <= 1, 0)): log(y!) is 0 for counts 0 and
// 1, where the approximation is poor, and for y <= 0 it has no value.
double stirling_term(double y) {
  if (!(y > 1)) return 0.0;
  return y * std::log(y) - y + 0.5 * std::log(2 * std::numbers::pi * y);
}

LossResult poisson_nll(const Arguments& args, const Options& options, Reduction reduction) {
  const bool log_input = options.flag("log_input");
  const bool full = options.flag("full");
  const double eps = options.get("eps");  // > 0, checked by the registry
  const Shape& shape = args.get("input").shape;
  return pointwise(args, reduction, [&](double x, double y, double& g, std::size_t i) {
    double value;
    if (log_input) {
      // x is log(rate): exp(x) overflows to inf past 709, as in PyTorch.
      value = std::exp(x) - y * x;
      g = std::exp(x) - y;
    } else {
      // x is the rate itself. PyTorch returns inf or NaN where x + eps <= 0;
      // that is no rate, so we refuse it instead.
      if (!(x + eps > 0))
        throw_element_error("poisson_rate_domain", "input", shape, i, x, {{"limit", -eps}});
      value = x - y * std::log(x + eps);
      g = 1 - y / (x + eps);
    }
    // The Stirling term does not depend on x: it moves the value only.
    if (full) value += stirling_term(y);
    return value;
  });
}

LossResult keras_poisson(const Arguments& args, const Options&, Reduction reduction) {
  const Shape& shape = args.get("input").shape;
  return pointwise(args, reduction, [&](double x, double y, double& g, std::size_t i) {
    // Where x + 1e-7 <= 0 the log would give NaN or -inf: refuse instead.
    if (!(x + keras_epsilon > 0))
      throw_element_error("keras_poisson_domain", "input", shape, i, x);
    g = 1 - y / (x + keras_epsilon);
    return x - y * std::log(x + keras_epsilon);
  });
}

LossResult kl_div(const Arguments& args, const Options& options, Reduction reduction) {
  const bool log_target = options.flag("log_target");
  const Shape& shape = args.get("target").shape;
  return pointwise(args, reduction, [&](double x, double t, double& g, std::size_t i) {
    if (log_target) {
      // t is log p: exp(t)(t - x), 0 where exp(t) underflows unless x is infinite.
      const double p = std::exp(t);
      g = -p;
      return p * (t - x);
    }
    // PyTorch's xlogy(t, t) - t x gives NaN for a negative t: refuse it.
    if (!(t >= 0))
      throw_element_error("kl_target_domain", "target", shape, i, t);
    g = -t;
    // xlogy: 0 log 0 = 0, so a zero target adds nothing (but 0 * -inf input
    // is still NaN, as in PyTorch).
    const double t_log_t = t == 0 ? 0.0 : t * std::log(t);
    return t_log_t - t * x;
  });
}

// The flat index in a tensor of shape `in` of the element that broadcasts
// to flat index `flat` of `out` (same rank; each in[d] is out[d] or 1).
std::size_t broadcast_index(std::size_t flat, const Shape& out, const Shape& in) {
  std::size_t index = 0, stride = 1;
  for (std::size_t d = out.size(); d-- > 0;) {
    const std::size_t coord = flat % out[d];
    flat /= out[d];
    if (in[d] != 1) index += coord * stride;
    stride *= in[d];
  }
  return index;
}

Shape without_last(const Shape& s) { return s.empty() ? s : Shape(s.begin(), s.end() - 1); }

// PyTorch 1.13 takes var of the input's shape, or one variance per row:
// the input's shape with the last dimension left out (it unsqueezes it) or
// set to 1. Returns var's shape as it broadcasts: the same rank as the
// loss's output.
Shape gaussian_var_shape(const TensorView& x, const TensorView& var) {
  if (var.shape == x.shape) return var.shape;
  const Shape rows = without_last(x.shape);
  if (!x.shape.empty() && var.shape == rows) {
    Shape s = rows;
    s.push_back(1);
    return s;
  }
  if (!var.shape.empty() && var.shape.back() == 1 && without_last(var.shape) == rows)
    return var.shape;
  std::vector<ErrorParam> params = {
      {"arg", "var"}, {"shape", var.shape}, {"other", "input"}, {"other_shape", x.shape}};
  if (x.shape.empty()) throw InputError("gaussian_var_scalar_shape", std::move(params));
  Shape one_per_row = rows;
  one_per_row.push_back(1);
  params.emplace_back("row_shape", one_per_row);
  params.emplace_back("rows_shape", rows);
  throw InputError("gaussian_var_shape", std::move(params));
}

// PyTorch documents a target of the input's shape, or that shape with one
// dimension equal to 1 (broadcast along it). Nothing else is accepted.
void check_gaussian_target(const TensorView& x, const TensorView& y) {
  std::size_t differing = 0;
  bool ok = y.shape.size() == x.shape.size();
  for (std::size_t d = 0; ok && d < x.shape.size(); ++d) {
    if (y.shape[d] == x.shape[d]) continue;
    ++differing;
    ok = y.shape[d] == 1;
  }
  if (!ok || differing > 1)
    throw InputError("gaussian_target_shape",
                     {{"arg", "target"}, {"shape", y.shape}, {"other", "input"}, {"other_shape", x.shape}});
}

void check_variances(const TensorView& var) {
  for (std::size_t i = 0; i < var.size; ++i)
    if (!(var[i] >= 0))
      throw_element_error("negative_variance", "var", var.shape, i, var[i]);
}

LossResult gaussian_nll(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  const TensorView& var = args.get("var");
  require_nonempty(x, "input");
  check_gaussian_target(x, y);
  const Shape var_shape = gaussian_var_shape(x, var);
  check_variances(var);
  // A scalar input with var [1] gives PyTorch a loss of shape [1]: the
  // output takes the larger rank; the input itself is never broadcast.
  const Shape out = var_shape.size() > x.shape.size() ? var_shape : x.shape;
  const Shape y_shape = y.shape.size() < out.size() ? out : y.shape;
  const double eps = options.get("eps");
  const double constant = options.flag("full") ? 0.5 * std::log(2 * std::numbers::pi) : 0.0;
  std::vector<double> values(x.size), grads(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    // Variances below eps count as eps, in the value and in d/d input alike.
    // PyTorch clamps a copy under no_grad, which only changes var's own
    // gradient (not given here: the gradient is taken against input).
    const double v = std::max(var[broadcast_index(i, out, var_shape)], eps);
    const double d = x[i] - y[broadcast_index(i, out, y_shape)];
    values[i] = 0.5 * (std::log(v) + d * d / v) + constant;
    grads[i] = d / v;
  }
  LossResult r = reduce(std::move(values), std::move(grads), out, reduction, "input");
  r.grad.shape = x.shape;
  return r;
}

constexpr OptionSpec boolean_option(Text name, bool default_value, Text help_en, Text help_zh) {
  return {.name = name,
          .label = name,
          .type = OptionType::Boolean,
          .default_value = default_value ? 1.0 : 0.0,
          .help_en = help_en,
          .help_zh = help_zh};
}

constexpr OptionSpec eps_option(double default_value, Text help_en, Text help_zh) {
  return {.name = "eps",
          .label = "ε",
          .default_value = default_value,
          .min = 0,
          .min_inclusive = false,
          .help_en = help_en,
          .help_zh = help_zh};
}

// The entries, in the order the page lists them.
constexpr LossSpec probabilistic_losses[] = {
    {.name = "poisson_nll_loss",
     .short_name = "Poisson NLL",
     .short_zh = "泊松 NLL",
     .title_en = "Poisson negative log-likelihood",
     .title_zh = "泊松负对数似然",
     .pytorch = "torch.nn.functional.poisson_nll_loss",
     .args = {input_arg("any shape", "任意形状",
                        "log-rates ŷ = log λ (the rates λ when log_input is false)",
                        "对数速率 ŷ = log λ（log_input 为 false 时为速率 λ）"),
              target_arg("same as input", "与 input 相同", "observed counts y", "观测计数 y")},
     .options = {boolean_option(
                     "log_input", true,
                     "true: the input is log λ and the loss uses exp(input); false: the input is λ",
                     "为 true 时输入是 log λ，损失使用 exp(输入)；为 false 时输入就是 λ"),
                 boolean_option("full", false, "add Stirling's approximation of log(y!) where y > 1",
                                "在 y > 1 处加上 log(y!) 的斯特林近似项"),
                 eps_option(1e-8, "added to the input inside the log when log_input is false",
                            "log_input 为 false 时加在对数中输入上的小常数")},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\left(\ell_i + s_i\right),\quad \ell_i = \begin{cases}e^{\hat{y}_i} - y_i\hat{y}_i & \text{log\_input}\\ \hat{y}_i - y_i\log(\hat{y}_i + \epsilon) & \text{otherwise}\end{cases},\quad s_i = \begin{cases}y_i\log y_i - y_i + \frac{1}{2}\log(2\pi y_i) & \text{full},\ y_i > 1\\ 0 & \text{otherwise}\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\begin{cases}e^{\hat{y}_i} - y_i & \text{log\_input}\\ 1 - \frac{y_i}{\hat{y}_i + \epsilon} & \text{otherwise}\end{cases})",
     .note_en = "By default the input is a log-rate; full adds Stirling's term only where y > 1, which "
                "moves the value but not the gradient.",
     .note_zh = "默认输入为对数速率；full 只在 y > 1 处加上斯特林项，它改变损失值但不改变梯度。",
     .evaluate = poisson_nll},
    {.name = "gaussian_nll_loss",
     .short_name = "Gaussian NLL",
     .short_zh = "高斯 NLL",
     .title_en = "Gaussian negative log-likelihood",
     .title_zh = "高斯负对数似然",
     .pytorch = "torch.nn.functional.gaussian_nll_loss",
     .args = {input_arg("any shape", "任意形状", "predicted means ŷ", "预测均值 ŷ"),
              target_arg("same as input (one dimension may be 1)",
                         "与 input 相同（可以有一个维度为 1）", "observed values y", "观测值 y"),
              {.name = "var",
               .role = ArgRole::Extra,
               .shape_en = "same as input, or with the last dimension 1 or left out (one per row)",
               .shape_zh = "与 input 相同，或最后一维为 1 或省略（每行一个）",
               .help_en = "predicted variances σ² ≥ 0",
               .help_zh = "预测方差 σ²（≥ 0）"}},
     .options = {boolean_option("full", false, "add the constant ½ log(2π)", "加上常数项 ½ log(2π)"),
                 eps_option(1e-6, "variances below this are clamped to it",
                            "方差的下限：小于它的方差被截断为它")},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\frac{1}{2}\left(\log v_i + \frac{(\hat{y}_i - y_i)^2}{v_i}\right) + c,\quad v_i = \max(\sigma_i^2, \epsilon),\quad c = \begin{cases}\frac{1}{2}\log 2\pi & \text{full}\\ 0 & \text{otherwise}\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\,\frac{\hat{y}_i - y_i}{\max(\sigma_i^2, \epsilon)})",
     .note_en = "Variances are clamped at eps and a negative one is an error; var may hold one value "
                "per row (last dimension 1 or left out).",
     .note_zh = "方差下限截断为 eps，负方差会报错；var 可以每行只给一个值（最后一维为 1 或省略）。",
     .evaluate = gaussian_nll},
    {.name = "kl_div",
     .short_name = "KL divergence",
     .short_zh = "KL 散度",
     .title_en = "Kullback–Leibler divergence",
     .title_zh = "KL 散度",
     .pytorch = "torch.nn.functional.kl_div",
     .args = {input_arg("any shape: log-probabilities", "任意形状：对数概率",
                        "predicted log-probabilities ŷ = log q", "预测的对数概率 ŷ = log q"),
              target_arg("same as input", "与 input 相同",
                         "true probabilities p (log p when log_target)",
                         "真实概率 p（log_target 时为 log p）")},
     .options = {boolean_option("log_target", false, "the target is given as log-probabilities",
                                "目标以对数概率给出")},
     .reductions = {Reduction::None, Reduction::Mean, Reduction::Sum, Reduction::BatchMean},
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}y_i\left(\log y_i - \hat{y}_i\right) & \text{default},\ 0\log 0 = 0\\ e^{y_i}\left(y_i - \hat{y}_i\right) & \text{log\_target}\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = -\frac{1}{n}\begin{cases}y_i & \text{default}\\ e^{y_i} & \text{log\_target}\end{cases})",
     .note_en = "The input must be log-probabilities (log_softmax); 'mean' averages over every "
                "element, and only 'batchmean' gives the true KL divergence.",
     .note_zh = "输入须为对数概率（log_softmax）；'mean' 对所有元素取平均，只有 'batchmean' 才是真正的 "
                "KL 散度。",
     .evaluate = kl_div},
    {.name = "poisson",
     .short_name = "Poisson (Keras)",
     .short_zh = "泊松（Keras）",
     .title_en = "Poisson loss (Keras)",
     .title_zh = "泊松损失（Keras）",
     .args = {input_arg("any shape, each value > -1e-7", "任意形状，每个值 > -1e-7",
                        "predicted rates ŷ", "预测速率 ŷ"),
              target_arg("same as input", "与 input 相同", "observed counts y", "观测计数 y")},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left(\hat{y}_i - y_i\log(\hat{y}_i + 10^{-7})\right))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\left(1 - \frac{y_i}{\hat{y}_i + 10^{-7}}\right))",
     .note_en = "Takes the rate itself, not its log: an input at or below -1e-7 is an error, and near "
                "0 the gradient is huge.",
     .note_zh = "输入是速率本身而非其对数：小于等于 -1e-7 的输入会报错，输入接近 0 时梯度极大。",
     .evaluate = keras_poisson},
};

}  // namespace

void add_probabilistic_losses(std::vector<LossSpec>& r) { add_group(r, "probabilistic", probabilistic_losses); }

}  // namespace lossplay::detail
