// Multiclass losses: cross_entropy, nll_loss, multi_margin_loss,
// multilabel_soft_margin_loss and the Keras categorical hinge.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {
namespace {

// How a [N, C, d1, ...] (or unbatched [C]) input is laid out: element
// (n, c, k) sits at n*C*D + c*D + k, D being the product of the trailing
// dimensions. One "sample" is a pair (n, k).
struct ClassLayout {
  std::size_t batch = 1, classes = 0, inner = 1;
  Shape sample_shape;  // shape of a per-sample result: [N, d1, ...] or []

  std::size_t samples() const { return batch * inner; }
  std::size_t at(std::size_t sample, std::size_t c) const {
    std::size_t n = sample / inner, k = sample % inner;
    return (n * classes + c) * inner + k;
  }
};

ClassLayout class_layout(const TensorView& input) {
  ClassLayout l;
  if (input.shape.empty())
    throw InputError("class_scores_scalar", {{"arg", "input"}});
  if (input.shape.size() == 1) {
    l.classes = input.shape[0];
  } else {
    l.batch = input.shape[0];
    l.classes = input.shape[1];
    l.sample_shape.push_back(l.batch);
    for (std::size_t d = 2; d < input.shape.size(); ++d) {
      l.inner *= input.shape[d];
      l.sample_shape.push_back(input.shape[d]);
    }
  }
  if (input.size == 0) throw InputError("class_scores_empty", {{"arg", "input"}});
  return l;
}

const TensorView* class_weight(const Arguments& args, std::size_t classes) {
  const TensorView* w = args.find("weight");
  if (w && (w->shape.size() != 1 || w->size != classes))
    throw InputError("class_weight_shape", {{"arg", "weight"}, {"shape", w->shape}, {"classes", classes}});
  return w;
}

// The class a sample's target names, or -1 when it equals ignore_index.
// The checks compare doubles, so a huge target or ignore_index is refused
// or matched without an out-of-range cast.
long class_index(const TensorView& target, std::size_t sample, std::size_t classes,
                 std::optional<double> ignore_index) {
  const double t = target[sample];
  if (t != std::floor(t) || !std::isfinite(t))
    throw_element_error("class_index_not_whole", "target", target.shape, sample, t);
  if (ignore_index && t == *ignore_index) return -1;
  if (t < 0 || t >= static_cast<double>(classes)) {
    std::vector<ErrorParam> more = {{"classes", classes}, {"last", classes - 1}};
    if (ignore_index) more.emplace_back("ignore_index", *ignore_index);
    throw_element_error(ignore_index ? "class_index_out_of_range_or_ignored" : "class_index_out_of_range",
                        "target", target.shape, sample, t, std::move(more));
  }
  return static_cast<long>(t);
}

// Index targets have the input's shape without its class dimension.
bool is_index_target(const TensorView& target, const ClassLayout& l) {
  return target.shape == l.sample_shape;
}

// For the losses whose loss has one value per row of the last dimension
// (multilabel soft margin, categorical hinge): [..., C] -> [...].
struct Rows {
  std::size_t count = 0, width = 0;
  Shape shape;  // the per-row result's shape
};

Rows last_dim_rows(const TensorView& input) {
  if (input.shape.empty())
    throw InputError("class_scores_scalar", {{"arg", "input"}});
  require_nonempty(input, "input");
  Rows r;
  r.width = input.shape.back();
  r.count = input.size / r.width;
  r.shape.assign(input.shape.begin(), input.shape.end() - 1);
  return r;
}

// Reduces per-row values while the gradient keeps the input's shape; Mean
// divides both by the number of rows.
LossResult reduce_rows(std::vector<double> values, std::vector<double> grads,
                       const Shape& loss_shape, const Shape& grad_shape, Reduction reduction) {
  const double divisor = static_cast<double>(values.size());
  LossResult r = reduce(std::move(values), {}, loss_shape, reduction, "input", divisor);
  if (reduction == Reduction::Mean)
    for (double& g : grads) g /= divisor;
  r.grad = Tensor{std::move(grads), grad_shape};
  return r;
}

// Cross-entropy on logits, with log-softmax through log-sum-exp so that no
// exp overflows. Each sample's loss is -sum_c a_c log p_c with coefficients
// a_c from the target (index or probabilities), class weights and label
// smoothing; its gradient with respect to the logits is p_c sum(a) - a_c.
LossResult cross_entropy(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& z = args.get("input");
  const TensorView& target = args.get("target");
  const ClassLayout l = class_layout(z);
  const TensorView* w = class_weight(args, l.classes);
  const double ignore_index = options.get("ignore_index");
  const double eps = options.get("label_smoothing");
  const bool index_target = is_index_target(target, l);
  if (!index_target && target.shape != z.shape)
    throw InputError("class_target_shape", {{"arg", "target"},
                                            {"shape", target.shape},
                                            {"other", "input"},
                                            {"other_shape", z.shape},
                                            {"index_shape", l.sample_shape}});
  // PyTorch refuses a non-negative ignore_index with probability targets
  // (a negative one can match no class, so it is harmless).
  if (!index_target && ignore_index >= 0)
    throw InputError("ignore_index_with_probabilities", {{"value", ignore_index}});

  const std::size_t C = l.classes;
  const double smoothing_share = eps / static_cast<double>(C);
  const auto weight_of = [&](std::size_t c) { return w ? (*w)[c] : 1.0; };
  std::vector<double> values(l.samples()), grads(z.size);
  std::vector<double> logp(C), coef(C), shifted(C);
  // Mean divides by the weight of the targets used for index targets (both
  // the NLL and the smoothing term), by the number of samples for
  // probability targets (PyTorch's rule). Summed first, in sample order,
  // so that the one pass below can divide each gradient as it goes.
  double divisor = index_target ? 0.0 : static_cast<double>(l.samples());
  if (index_target)
    for (std::size_t s = 0; s < l.samples(); ++s) {
      const long t = class_index(target, s, C, ignore_index);
      if (t >= 0) divisor += weight_of(static_cast<std::size_t>(t));
    }
  const bool mean = reduction == Reduction::Mean;
  // Whether some gradient is Infinity or NaN, taken in the pass (see LossResult::grad_finite).
  unsigned bad = 0;

  for (std::size_t s = 0; s < l.samples(); ++s) {
    // Sample s's logits are z[base + c * step] (l.at(s, c), with its
    // division taken once per sample, not per element).
    const std::size_t step = l.inner;
    const std::size_t base = (s / step) * C * step + s % step;
    const double* zs = z.data + base;
    if (index_target) {
      long t = class_index(target, s, C, ignore_index);
      if (t < 0) {  // ignored: no loss, no gradient, no weight in the mean
        values[s] = 0;
        continue;
      }
      for (std::size_t c = 0; c < C; ++c) coef[c] = smoothing_share * weight_of(c);
      coef[static_cast<std::size_t>(t)] += (1 - eps) * weight_of(static_cast<std::size_t>(t));
    } else {
      for (std::size_t c = 0; c < C; ++c)
        coef[c] = (target.data[base + c * step] * (1 - eps) + smoothing_share) * weight_of(c);
    }
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < C; ++c) top = std::max(top, zs[c * step]);
    // e^{z - top} once per logit: the softmax of the gradient below reuses them.
    double total = 0;
    for (std::size_t c = 0; c < C; ++c) total += shifted[c] = std::exp(zs[c * step] - top);
    const double lse = top + std::log(total);
    double loss = 0, coef_sum = 0;
    for (std::size_t c = 0; c < C; ++c) {
      logp[c] = zs[c * step] - lse;
      loss -= coef[c] * logp[c];
      coef_sum += coef[c];
    }
    values[s] = loss;
    // Ignored samples keep a 0 gradient even when the divisor is 0 (an
    // all-ignored batch): PyTorch's loss is NaN there but its gradient is 0.
    double* gs = grads.data() + base;
    for (std::size_t c = 0; c < C; ++c) {
      const double g = shifted[c] / total * coef_sum - coef[c];  // softmax_c Σ coef - coef_c
      const double out = mean ? g / divisor : g;
      gs[c * step] = out;
      bad |= !(out - out == 0);
    }
  }
  LossResult r = reduce(std::move(values), {}, l.sample_shape, reduction, "input", divisor);
  r.grad = Tensor{std::move(grads), z.shape};
  r.grad_finite = bad == 0;
  return r;
}

// Negative log-likelihood of log-probabilities: -w[t] input[t] per sample.
LossResult nll(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& target = args.get("target");
  const ClassLayout l = class_layout(x);
  const TensorView* w = class_weight(args, l.classes);
  const double ignore_index = options.get("ignore_index");
  if (!is_index_target(target, l))
    throw InputError("index_target_shape", {{"arg", "target"},
                                            {"shape", target.shape},
                                            {"loss", "nll_loss"},
                                            {"index_shape", l.sample_shape}});
  std::vector<double> values(l.samples()), grads(x.size, 0.0);
  std::vector<std::size_t> picked;  // the flat index of each counted sample's target
  double divisor = 0;
  for (std::size_t s = 0; s < l.samples(); ++s) {
    long t = class_index(target, s, l.classes, ignore_index);
    if (t < 0) continue;
    const std::size_t at = l.at(s, static_cast<std::size_t>(t));
    double wt = w ? (*w)[static_cast<std::size_t>(t)] : 1.0;
    divisor += wt;
    values[s] = -wt * x[at];
    grads[at] = -wt;
    picked.push_back(at);
  }
  LossResult r = reduce(std::move(values), {}, l.sample_shape, reduction, "input", divisor);
  // Only the picked entries are divided: with a zero total weight PyTorch's
  // gradient is NaN there and stays 0 everywhere else.
  if (reduction == Reduction::Mean)
    for (std::size_t at : picked) grads[at] /= divisor;
  r.grad = Tensor{std::move(grads), x.shape};
  return r;
}

// nn.MultiMarginLoss takes [N, C], an unbatched [C] or even a scalar (one
// class); its target has at most one dimension and one index per row.
struct MarginLayout {
  std::size_t rows = 1, classes = 1;
  Shape loss_shape;  // [N] when the target has a dimension, else []
};

MarginLayout margin_layout(const TensorView& x, const TensorView& target) {
  if (x.shape.size() > 2)
    throw InputError("margin_input_rank", {{"arg", "input"}, {"shape", x.shape}, {"loss", "multi_margin_loss"}});
  require_nonempty(x, "input");
  MarginLayout m;
  if (x.shape.size() == 2) m.rows = x.shape[0];
  if (!x.shape.empty()) m.classes = x.shape.back();
  if (target.shape.size() > 1 || target.size != m.rows)
    throw InputError("row_target_shape", {{"arg", "target"},
                                          {"shape", target.shape},
                                          {"other", "input"},
                                          {"other_shape", x.shape},
                                          {"index_shape", Shape{m.rows}}});
  if (!target.shape.empty()) m.loss_shape = {m.rows};
  return m;
}

// Per row, (1/C) sum over c != t of w[t] max(0, margin - x[t] + x[c])^p,
// as PyTorch's kernel sums it. Its backward tests slack > 0 strictly, so a
// term exactly at the margin has gradient 0.
LossResult multi_margin(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& target = args.get("target");
  const MarginLayout m = margin_layout(x, target);
  const TensorView* w = class_weight(args, m.classes);
  const bool squared = options.get("p") == 2;
  const double margin = options.get("margin");
  const double C = static_cast<double>(m.classes);
  std::vector<double> values(m.rows), grads(x.size, 0.0);
  for (std::size_t n = 0; n < m.rows; ++n) {
    const std::size_t t = static_cast<std::size_t>(class_index(target, n, m.classes, std::nullopt));
    const double* row = x.data + n * m.classes;
    double* grow = grads.data() + n * m.classes;
    const double wt = w ? (*w)[t] : 1.0;
    double sum = 0;
    for (std::size_t c = 0; c < m.classes; ++c) {
      if (c == t) continue;
      const double slack = margin - row[t] + row[c];
      if (!(slack > 0)) continue;
      sum += (squared ? slack * slack : slack) * wt;
      const double g = (squared ? 2 * slack : 1.0) * wt / C;
      grow[c] = g;
      grow[t] -= g;
    }
    values[n] = sum / C;
  }
  return reduce_rows(std::move(values), std::move(grads), m.loss_shape, x.shape, reduction);
}

// log σ(v) = min(v, 0) - log1p(exp(-|v|)): never overflows (PyTorch's form).
double log_sigmoid(double v) { return std::min(v, 0.0) - std::log1p(std::exp(-std::fabs(v))); }

// 1 / (1 + exp(-v)) without overflow on either side.
double sigmoid(double v) {
  if (v >= 0) return 1 / (1 + std::exp(-v));
  const double e = std::exp(v);
  return e / (1 + e);
}

// The weight of multilabel_soft_margin_loss: [C] per class, or one per element.
const TensorView* multilabel_weight(const Arguments& args, const TensorView& x) {
  const TensorView* w = args.find("weight");
  if (w && w->shape != x.shape && !(w->shape.size() == 1 && w->size == x.shape.back()))
    throw InputError("class_weight_or_input_shape", {{"arg", "weight"},
                                                     {"shape", w->shape},
                                                     {"classes", x.shape.back()},
                                                     {"other_shape", x.shape}});
  return w;
}

// Per row, -(1/C) sum_c w_c [y log σ(x) + (1 - y) log σ(-x)], with both
// logs written as PyTorch's stable log-sigmoid. The gradient keeps the two
// terms apart, (1 - y) σ(x) - y σ(-x), rather than σ(x) - y, which would
// cancel to 0 where σ(x) rounds to y.
LossResult multilabel_soft_margin(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  const Rows rows = last_dim_rows(x);
  require_same_shape(x, "input", y, "target");
  const TensorView* w = multilabel_weight(args, x);
  const bool per_class = w && w->shape != x.shape;
  const double C = static_cast<double>(rows.width);
  std::vector<double> values(rows.count), grads(x.size), terms(rows.width);
  for (std::size_t r = 0; r < rows.count; ++r) {
    for (std::size_t c = 0; c < rows.width; ++c) {
      const std::size_t i = r * rows.width + c;
      const double v = x[i], t = y[i];
      const double wi = w ? (*w)[per_class ? c : i] : 1.0;
      terms[c] = -(t * log_sigmoid(v) + (1 - t) * log_sigmoid(-v)) * wi;
      grads[i] = ((1 - t) * sigmoid(v) - t * sigmoid(-v)) * wi / C;
    }
    values[r] = pairwise_sum(terms.data(), terms.size()) / C;
  }
  return reduce_rows(std::move(values), std::move(grads), rows.shape, x.shape, reduction);
}

// Keras' categorical hinge per row: max(0, neg - pos + 1) with
// neg = max_j (1 - y_j) x_j and pos = sum_j y_j x_j. The gradient is torch
// autograd's of clamp(amax(...) - sum(...) + 1, min=0): the clamp passes it
// at exactly 0, and amax shares it evenly between tied maxima.
LossResult categorical_hinge(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  const Rows rows = last_dim_rows(x);
  require_same_shape(x, "input", y, "target");
  std::vector<double> values(rows.count), grads(x.size, 0.0), products(rows.width);
  for (std::size_t r = 0; r < rows.count; ++r) {
    const std::size_t base = r * rows.width;
    double neg = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < rows.width; ++j) {
      products[j] = y[base + j] * x[base + j];
      neg = std::max(neg, (1 - y[base + j]) * x[base + j]);
    }
    const double slack = neg - pairwise_sum(products.data(), products.size()) + 1;
    values[r] = std::max(slack, 0.0);
    if (!(slack >= 0)) continue;
    std::size_t ties = 0;
    for (std::size_t j = 0; j < rows.width; ++j) ties += (1 - y[base + j]) * x[base + j] == neg;
    for (std::size_t j = 0; j < rows.width; ++j) {
      const bool top = (1 - y[base + j]) * x[base + j] == neg;
      const double share = top ? 1 / static_cast<double>(ties) : 0.0;
      grads[base + j] = (1 - y[base + j]) * share - y[base + j];
    }
  }
  return reduce_rows(std::move(values), std::move(grads), rows.shape, x.shape, reduction);
}

constexpr ArgSpec class_weight_arg() { return weight_arg("weight", "[C]", "[C]", "a weight per class", "每个类别的权重"); }

// The entries, in the order the page lists them.
constexpr LossSpec multiclass_losses[] = {
    {.name = "cross_entropy",
     .short_name = "Cross-entropy",
     .short_zh = "交叉熵",
     .title_en = "Cross-entropy",
     .title_zh = "交叉熵",
     .pytorch = "torch.nn.functional.cross_entropy",
     .args = {input_arg("[N, C], [N, C, d1, ...] or [C]: raw scores (logits)",
                        "[N, C]、[N, C, d1, ...] 或 [C]：原始分数（logits）",
                        "logits ŷ, one row per sample", "logits ŷ，每行一个样本"),
              target_arg("[N] class indices, or [N, C] probabilities / one-hot",
                         "[N] 类别索引，或 [N, C] 概率 / one-hot", "class indices or one-hot rows",
                         "类别索引或 one-hot 行"),
              class_weight_arg()},
     .options = {ignore_index_option(),
                 {.name = "label_smoothing",
                  .label = "ε",
                  .default_value = 0,
                  .min = 0,
                  .max = 1,
                  .help_en = "mixes the target with the uniform distribution",
                  .help_zh = "把目标与均匀分布混合的比例"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = -\frac{1}{N}\sum_{i=1}^{N}\sum_{c=1}^{C} y_{ic}\log\frac{e^{\hat{y}_{ic}}}{\sum_{k} e^{\hat{y}_{ik}}})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{ic}} = \frac{1}{N}\left(\operatorname{softmax}(\hat{y}_i)_c - y_{ic}\right))",
     .note_en =
         "Takes logits and applies softmax itself: probabilities passed as ŷ are treated as scores.",
     .note_zh = "输入应为 logits，函数内部会做 softmax；把概率当作 ŷ 传入会被再做一次 softmax。",
     .evaluate = cross_entropy},
    {.name = "nll_loss",
     .short_name = "NLL",
     .short_zh = "NLL",
     .title_en = "Negative log-likelihood",
     .title_zh = "负对数似然",
     .pytorch = "torch.nn.functional.nll_loss",
     .args = {input_arg("[N, C], [N, C, d1, ...] or [C]: log-probabilities",
                        "[N, C]、[N, C, d1, ...] 或 [C]：对数概率",
                        "log-probabilities, one row per sample", "对数概率，每行一个样本"),
              target_arg("[N] class indices", "[N]，类别索引", "class indices", "类别索引"),
              class_weight_arg()},
     .options = {ignore_index_option()},
     .reductions = all_reductions(),
     .formula = R"(L = -\frac{1}{N}\sum_{i=1}^{N}\hat{y}_{i,t_i})",
     .gradient = R"(\frac{\partial L}{\partial \hat{y}_{ic}} = -\frac{1}{N}[c = t_i])",
     .note_en = "Expects log-probabilities (log_softmax output); cross-entropy is log_softmax followed "
                "by this.",
     .note_zh = "输入应为对数概率（log_softmax 的输出）；交叉熵就是 log_softmax 加上它。",
     .evaluate = nll},
    {.name = "multi_margin_loss",
     .short_name = "Multi-margin",
     .short_zh = "多分类间隔",
     .title_en = "Multi-class margin loss",
     .title_zh = "多分类间隔损失",
     .pytorch = "torch.nn.functional.multi_margin_loss",
     .args = {input_arg("[N, C] or [C]: scores", "[N, C] 或 [C]：分数",
                        "class scores ŷ, one row per sample", "类别分数 ŷ，每行一个样本"),
              target_arg("[N] class indices", "[N]，类别索引", "the true class of each row",
                         "每行的真实类别索引"),
              weight_arg("weight", "[C]", "[C]", "a weight per class, applied by the true class",
                         "每个类别的权重，按真实类别取用")},
     .options = {{.name = "p",
                  .label = "p",
                  .type = OptionType::Integer,
                  .default_value = 1,
                  .min = 1,
                  .max = 2,
                  .help_en = "1 for the hinge, 2 for the squared hinge",
                  .help_zh = "1 为铰链，2 为平方铰链"},
                 // any finite margin, negative ones too
                 {.name = "margin",
                  .label = "m",
                  .default_value = 1.0,
                  .min_inclusive = false,
                  .max_inclusive = false,
                  .help_en = "the margin the score must clear",
                  .help_zh = "分数需要超过的间隔"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{N}\sum_{i=1}^{N}\frac{1}{C}\sum_{c \ne t_i} w_{t_i}\max\left(0,\ m - \hat{y}_{i,t_i} + \hat{y}_{ic}\right)^{p})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{ic}} = \begin{cases}\frac{p\,w_{t_i}}{NC}\,h_{ic}^{\,p-1}\,[h_{ic} > 0] & c \ne t_i\\ -\sum_{k \ne t_i}\frac{\partial L}{\partial \hat{y}_{ik}} & c = t_i\end{cases},\quad h_{ic} = m - \hat{y}_{i,t_i} + \hat{y}_{ic})",
     .note_en = "The weight of the true class scales the whole row and the mean still divides by N; a "
                "class exactly at "
                "the margin gets no gradient.",
     .note_zh = "真实类别的权重缩放整行损失，mean 仍除以 N；恰好处在间隔上的类别梯度为 0。",
     .evaluate = multi_margin},
    {.name = "multilabel_soft_margin_loss",
     .short_name = "Multilabel soft margin",
     .short_zh = "多标签软间隔",
     .title_en = "Multi-label soft margin loss",
     .title_zh = "多标签软间隔损失",
     .pytorch = "torch.nn.functional.multilabel_soft_margin_loss",
     .args = {input_arg("[N, C] or [C]: raw scores (logits)", "[N, C] 或 [C]：原始分数（logits）",
                        "logits ŷ, one per label", "logits ŷ，每个标签一个"),
              target_arg("same as input, labels in {0, 1}", "与 input 相同，标签取 0 或 1",
                         "labels y in {0, 1}, several per row", "标签 y，取 0 或 1，每行可有多个"),
              weight_arg("weight", "[C] or same as input", "[C]，或与 input 相同", "a weight per class",
                         "每个类别的权重")},
     .reductions = all_reductions(),
     .formula =
         R"(L = -\frac{1}{N}\sum_{i=1}^{N}\frac{1}{C}\sum_{c=1}^{C} w_c\left[y_{ic}\log\sigma(\hat{y}_{ic}) + (1 - y_{ic})\log\sigma(-\hat{y}_{ic})\right])",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{ic}} = \frac{w_c}{NC}\left(\sigma(\hat{y}_{ic}) - y_{ic}\right))",
     .note_en = "Binary cross-entropy on logits averaged over the C labels of each row, so a row's "
                "loss does not "
                "grow with C.",
     .note_zh = "对每行的 C 个标签取基于 logits 的二元交叉熵的平均，因此每行损失不随 C 增大。",
     .evaluate = multilabel_soft_margin},
    {.name = "categorical_hinge",
     .short_name = "Categorical hinge",
     .short_zh = "分类铰链",
     .title_en = "Categorical hinge loss",
     .title_zh = "分类铰链损失",
     .args = {input_arg("[N, C] or [C]: scores", "[N, C] 或 [C]：分数",
                        "class scores ŷ, one row per sample", "类别分数 ŷ，每行一个样本"),
              target_arg("same as input, one-hot rows", "与 input 相同，每行为 one-hot",
                         "one-hot rows y", "one-hot 行 y")},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{N}\sum_{i=1}^{N}\max\left(0,\ \max_{j}\,(1 - y_{ij})\hat{y}_{ij} - \sum_{j} y_{ij}\hat{y}_{ij} + 1\right))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{ij}} = \frac{1}{N}\left(\frac{(1 - y_{ij})\,[j \in J_i]}{|J_i|} - y_{ij}\right)[\ell_i \ge 0],\quad J_i = \operatorname{argmax}_{j}\,(1 - y_{ij})\hat{y}_{ij},\ \ell_i \text{ the term inside } \max(0, \cdot))",
     .note_en = "Keras' form: the best wrong score must trail the true score by 1; as in Keras the "
                "target is not "
                "checked to be one-hot.",
     .note_zh =
         "Keras 的定义：最高的错误类别分数须比真实类别低 1；与 Keras 一样不检查目标是否为 one-hot。",
     .evaluate = categorical_hinge},
};

}  // namespace

void add_multiclass_losses(std::vector<LossSpec>& r) { add_group(r, "multiclass", multiclass_losses); }

}  // namespace lossplay::detail
