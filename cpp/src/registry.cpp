// The registry: one entry per loss. Adding a loss means writing its
// function in a losses_*.cpp file and one entry here; the bindings, the
// page and the tests pick it up from this table.
#include "lossplay/registry.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "kernels.hpp"
#include "losses.hpp"

namespace lossplay {
namespace {



ArgSpec input_arg(std::string shape, std::string help_en, std::string help_zh) {
  return {"input", ArgRole::Prediction, true, std::move(shape), std::move(help_en), std::move(help_zh)};
}
ArgSpec target_arg(std::string shape, std::string help_en, std::string help_zh) {
  return {"target", ArgRole::Target, true, std::move(shape), std::move(help_en), std::move(help_zh)};
}
ArgSpec weight_arg(std::string name, std::string shape, std::string help_en, std::string help_zh) {
  return {std::move(name), ArgRole::Weight, false, std::move(shape), std::move(help_en), std::move(help_zh)};
}


OptionSpec margin_option(double default_value) {
  OptionSpec o;
  o.name = "margin";
  o.label = "m";
  o.default_value = default_value;
  o.help_en = "the margin the score must clear";
  o.help_zh = "分数需要超过的间隔";
  return o;
}

OptionSpec ignore_index_option() {
  OptionSpec o;
  o.name = "ignore_index";
  o.label = "ignore_index";
  o.type = OptionType::Integer;
  o.default_value = -100;
  o.help_en = "a target equal to this index adds nothing to the loss";
  o.help_zh = "等于此值的目标不计入损失";
  return o;
}

// Built on first use (tests query the registry during static
// initialisation, so it must not depend on other namespace-scope objects).
std::vector<LossSpec> build_registry() {
  std::vector<LossSpec> r;
  const std::vector<Reduction> all_reductions = {Reduction::None, Reduction::Mean, Reduction::Sum};
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
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}(\hat{y}_i - y_i)^2)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}(\hat{y}_i - y_i))";
    s.note_en = "Squares each residual, so a single outlier can dominate the mean.";
    s.note_zh = "误差被平方，一个离群点就可能主导整体损失。";
    s.evaluate = losses::mse;
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
    s.evaluate = losses::rmse;
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
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left|\hat{y}_i - y_i\right|)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{sign}(\hat{y}_i - y_i))";
    s.note_en = "Grows linearly with the residual, so outliers weigh less than in MSE.";
    s.note_zh = "损失随误差线性增长，离群点的影响比 MSE 小。";
    s.evaluate = losses::l1;
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
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\frac{1}{2}(\hat{y}_i - y_i)^2 & |\hat{y}_i - y_i| \le \delta\\ \delta\left(|\hat{y}_i - y_i| - \frac{1}{2}\delta\right) & \text{otherwise}\end{cases})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\operatorname{clip}(\hat{y}_i - y_i, -\delta, \delta))";
    s.note_en = "Quadratic near zero like MSE, linear beyond δ like MAE.";
    s.note_zh = "误差小于 δ 时像 MSE，大于 δ 时像 MAE。";
    s.evaluate = losses::huber;
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
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\left(\log(1 + \hat{y}_i) - \log(1 + y_i)\right)^2)";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{n}\,\frac{\log(1 + \hat{y}_i) - \log(1 + y_i)}{1 + \hat{y}_i})";
    s.note_en = "Compares orders of magnitude: relative errors count, not absolute ones.";
    s.note_zh = "比较的是数量级：看相对误差而不是绝对误差。";
    s.evaluate = losses::msle;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "cross_entropy";
    s.short_name = "Cross-entropy";
    s.title_en = "Cross-entropy";
    s.title_zh = "交叉熵";
    s.group = "multiclass";
    s.pytorch = "torch.nn.functional.cross_entropy";
    s.args = {input_arg("[N, C] or [C]: raw scores (logits)", "logits ŷ, one row per sample",
                        "logits ŷ，每行一个样本"),
              target_arg("[N] class indices, or [N, C] probabilities / one-hot",
                         "class indices or one-hot rows", "类别索引或 one-hot 行"),
              weight_arg("weight", "[C]", "a weight per class", "每个类别的权重")};
    OptionSpec smoothing;
    smoothing.name = "label_smoothing";
    smoothing.label = "ε";
    smoothing.default_value = 0;
    smoothing.min = 0;
    smoothing.max = 1;
    smoothing.help_en = "mixes the target with the uniform distribution";
    smoothing.help_zh = "把目标与均匀分布混合的比例";
    s.options = {ignore_index_option(), smoothing};
    s.reductions = all_reductions;
    s.formula = R"(L = -\frac{1}{N}\sum_{i=1}^{N}\sum_{c=1}^{C} y_{ic}\log\frac{e^{\hat{y}_{ic}}}{\sum_{k} e^{\hat{y}_{ik}}})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_{ic}} = \frac{1}{N}\left(\operatorname{softmax}(\hat{y}_i)_c - y_{ic}\right))";
    s.note_en = "Takes logits and applies softmax itself: probabilities passed as ŷ are treated as scores.";
    s.note_zh = "输入应为 logits，函数内部会做 softmax；把概率当作 ŷ 传入会被再做一次 softmax。";
    s.evaluate = losses::cross_entropy;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "nll_loss";
    s.short_name = "NLL";
    s.title_en = "Negative log-likelihood";
    s.title_zh = "负对数似然";
    s.group = "multiclass";
    s.pytorch = "torch.nn.functional.nll_loss";
    s.args = {input_arg("[N, C] or [C]: log-probabilities", "log-probabilities, one row per sample",
                        "对数概率，每行一个样本"),
              target_arg("[N] class indices", "class indices", "类别索引"),
              weight_arg("weight", "[C]", "a weight per class", "每个类别的权重")};
    s.options = {ignore_index_option()};
    s.reductions = all_reductions;
    s.formula = R"(L = -\frac{1}{N}\sum_{i=1}^{N}\hat{y}_{i,t_i})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_{ic}} = -\frac{1}{N}[c = t_i])";
    s.note_en = "Expects log-probabilities (log_softmax output); cross-entropy is log_softmax followed by this.";
    s.note_zh = "输入应为对数概率（log_softmax 的输出）；交叉熵就是 log_softmax 加上它。";
    s.evaluate = losses::nll;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "binary_cross_entropy";
    s.short_name = "BCE";
    s.title_en = "Binary cross-entropy";
    s.title_zh = "二元交叉熵";
    s.group = "binary";
    s.pytorch = "torch.nn.functional.binary_cross_entropy";
    s.args = {input_arg("any shape, probabilities in [0, 1]", "predicted probabilities ŷ", "预测概率 ŷ"),
              target_arg("same as input", "labels y in {0, 1} (or soft labels)", "标签 y，取 0 或 1"),
              weight_arg("weight", "same as input", "a weight per element", "每个元素的权重")};
    s.reductions = all_reductions;
    s.formula = R"(L = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)\right])";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\,\frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)})";
    s.note_en = "Takes probabilities; each log is clamped at -100 as PyTorch does, so ŷ = 0 or 1 stays finite.";
    s.note_zh = "输入为概率；与 PyTorch 一样，每个对数项下限截断为 -100，ŷ 为 0 或 1 时仍有限。";
    s.evaluate = losses::binary_cross_entropy;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "binary_cross_entropy_with_logits";
    s.short_name = "BCE with logits";
    s.title_en = "Binary cross-entropy on logits";
    s.title_zh = "基于 logits 的二元交叉熵";
    s.group = "binary";
    s.pytorch = "torch.nn.functional.binary_cross_entropy_with_logits";
    s.args = {input_arg("any shape: raw scores (logits)", "logits ŷ", "logits ŷ"),
              target_arg("same as input", "labels y in {0, 1} (or soft labels)", "标签 y，取 0 或 1"),
              weight_arg("weight", "same as input", "a weight per element", "每个元素的权重"),
              weight_arg("pos_weight", "same as input, or [C]", "the weight of positive examples",
                         "正样本的权重")};
    s.reductions = all_reductions;
    s.formula = R"(L = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i\log\sigma(\hat{y}_i) + (1 - y_i)\log(1 - \sigma(\hat{y}_i))\right])";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\left(\sigma(\hat{y}_i) - y_i\right))";
    s.note_en = "Applies the sigmoid itself, in a stable form: prefer it to a sigmoid followed by BCE.";
    s.note_zh = "内部以数值稳定的方式计算 sigmoid，比先 sigmoid 再用 BCE 更可靠。";
    s.evaluate = losses::binary_cross_entropy_with_logits;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "hinge";
    s.short_name = "Hinge";
    s.title_en = "Hinge loss (SVM)";
    s.title_zh = "铰链损失（SVM）";
    s.group = "binary";
    s.args = {input_arg("any shape: scores", "scores ŷ", "预测分数 ŷ"),
              target_arg("same as input, labels in {-1, +1}", "labels y in {-1, +1}", "标签 y，取 ±1")};
    s.options = {margin_option(1.0)};
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\max(0,\ m - y_i\hat{y}_i))";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \begin{cases}-\frac{y_i}{n} & y_i\hat{y}_i \le m\\ 0 & \text{otherwise}\end{cases})";
    s.note_en = "Zero once a sample is on the right side by the margin; only the others push.";
    s.note_zh = "样本以足够间隔被正确分类后损失为 0，只有其余样本产生梯度。";
    s.evaluate = losses::hinge;
    r.push_back(std::move(s));
  }
  {
    LossSpec s;
    s.name = "hinge_embedding_loss";
    s.short_name = "Hinge embedding";
    s.title_en = "Hinge embedding loss";
    s.title_zh = "铰链嵌入损失";
    s.group = "binary";
    s.pytorch = "torch.nn.functional.hinge_embedding_loss";
    s.args = {input_arg("any shape: distances", "distances ŷ", "距离 ŷ"),
              target_arg("same as input, labels in {-1, +1}", "labels y in {-1, +1}", "标签 y，取 ±1")};
    s.options = {margin_option(1.0)};
    s.reductions = all_reductions;
    s.formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\hat{y}_i & y_i = 1\\ \max(0,\ m - \hat{y}_i) & y_i = -1\end{cases})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = \begin{cases}\frac{1}{n} & y_i = 1\\ -\frac{1}{n} & y_i = -1,\ \hat{y}_i \le m\\ 0 & \text{otherwise}\end{cases})";
    s.note_en = "What nn.HingeEmbeddingLoss computes: ŷ is a distance, not a score, so it is not the SVM hinge.";
    s.note_zh = "这是 nn.HingeEmbeddingLoss 的定义：ŷ 是距离而非分数，并不是 SVM 的铰链损失。";
    s.evaluate = losses::hinge_embedding;
    r.push_back(std::move(s));
  }
  return r;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "none" : s;
}

std::string option_value_text(const OptionSpec& o, double v) {
  return o.type == OptionType::Boolean ? (v != 0 ? "true" : "false") : detail::number_text(v);
}

}  // namespace

bool OptionSpec::accepts(double v) const {
  if (std::isnan(v)) return false;
  if (type == OptionType::Integer && v != std::floor(v)) return false;
  if (type == OptionType::Boolean) return v == 0 || v == 1;
  bool above = min_inclusive ? v >= min : v > min;
  bool below = max_inclusive ? v <= max : v < max;
  return above && below;
}

std::string OptionSpec::range_text() const {
  if (type == OptionType::Boolean) return "true or false";
  const auto end = [](double v) {
    return std::isinf(v) ? std::string(v < 0 ? "-inf" : "inf") : detail::number_text(v);
  };
  std::string kind = type == OptionType::Integer ? "a whole number in " : "";
  return kind + (min_inclusive && !std::isinf(min) ? "[" : "(") + end(min) + ", " + end(max) +
         (max_inclusive && !std::isinf(max) ? "]" : ")");
}

const TensorView* Arguments::find(std::string_view name) const {
  for (const NamedTensor& t : tensors_)
    if (t.name == name) return &t.view;
  return nullptr;
}

const TensorView& Arguments::get(std::string_view name) const {
  if (const TensorView* t = find(name)) return *t;
  throw InputError("missing argument '" + std::string(name) + "'");
}

double Options::get(std::string_view name) const {
  for (const NamedOption& o : values_)
    if (o.name == name) return o.value;
  throw InputError("missing option '" + std::string(name) + "'");
}

const OptionSpec* LossSpec::find_option(std::string_view option) const {
  for (const OptionSpec& o : options)
    if (o.name == option) return &o;
  return nullptr;
}

const ArgSpec* LossSpec::find_arg(std::string_view arg) const {
  for (const ArgSpec& a : args)
    if (a.name == arg) return &a;
  return nullptr;
}

const ArgSpec& LossSpec::prediction_arg() const {
  for (const ArgSpec& a : args)
    if (a.role == ArgRole::Prediction) return a;
  return args.front();
}

const std::vector<LossSpec>& registry() {
  static const std::vector<LossSpec> table = build_registry();
  return table;
}

const LossSpec* find_loss(std::string_view name) {
  for (const LossSpec& s : registry())
    if (s.name == name) return &s;
  return nullptr;
}

LossResult evaluate(std::string_view loss, std::vector<NamedTensor> args,
                    const std::vector<NamedOption>& options, std::string_view reduction) {
  const LossSpec* spec = find_loss(loss);
  if (!spec) {
    std::vector<std::string> names;
    for (const LossSpec& s : registry()) names.push_back(s.name);
    throw InputError("unknown loss '" + std::string(loss) + "'; the losses are: " + join_names(names));
  }
  const std::string who = spec->name;

  std::optional<Reduction> red = reduction_from_string(reduction);
  bool offered = false;
  std::vector<std::string> offered_names;
  for (Reduction r : spec->reductions) {
    offered_names.emplace_back(to_string(r));
    offered = offered || (red && *red == r);
  }
  if (!offered)
    throw InputError("reduction '" + std::string(reduction) + "' is not available for " + who +
                     "; choose " + join_names(offered_names));

  std::vector<NamedOption> values;
  for (const OptionSpec& o : spec->options) values.push_back({o.name, o.default_value});
  for (const NamedOption& given : options) {
    const OptionSpec* o = spec->find_option(given.name);
    if (!o) {
      std::vector<std::string> names;
      for (const OptionSpec& known : spec->options) names.push_back(known.name);
      throw InputError("unknown option '" + given.name + "' for " + who +
                       "; its options are: " + join_names(names));
    }
    if (!o->accepts(given.value))
      throw InputError("option " + o->name + " of " + who + " must be " + o->range_text() +
                       ", got " + option_value_text(*o, given.value));
    for (NamedOption& v : values)
      if (v.name == given.name) v.value = given.value;
  }

  for (const NamedTensor& t : args) {
    if (!spec->find_arg(t.name)) {
      std::vector<std::string> names;
      for (const ArgSpec& a : spec->args) names.push_back(a.name);
      throw InputError("unknown argument '" + t.name + "' for " + who +
                       "; its arguments are: " + join_names(names));
    }
    if (t.view.size != element_count(t.view.shape))
      throw InputError(t.name + " has " + std::to_string(t.view.size) + " numbers but its shape " +
                       shape_to_string(t.view.shape) + " needs " +
                       std::to_string(element_count(t.view.shape)));
  }
  for (const ArgSpec& a : spec->args) {
    bool given = false;
    for (const NamedTensor& t : args) given = given || t.name == a.name;
    if (a.required && !given) throw InputError(who + " needs the argument '" + a.name + "'");
  }

  return spec->evaluate(Arguments(std::move(args)), Options(std::move(values)), *red);
}

}  // namespace lossplay
