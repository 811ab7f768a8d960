#include <algorithm>
#include <cmath>
#include <limits>

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
    throw InputError("input is a single number; it needs one score per class: [C] or [N, C]");
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
  if (input.size == 0) throw InputError("input is empty: give at least one row of class scores");
  return l;
}

const TensorView* class_weight(const Arguments& args, const ClassLayout& l) {
  const TensorView* w = args.find("weight");
  if (w && (w->shape.size() != 1 || w->size != l.classes))
    throw InputError("weight has shape " + shape_to_string(w->shape) +
                     " but needs one weight per class, [" + std::to_string(l.classes) + "]");
  return w;
}

// The class a sample's target names, or -1 when it equals ignore_index.
long class_index(const TensorView& target, std::size_t sample, const ClassLayout& l,
                 long ignore_index) {
  double t = target[sample];
  if (t != std::floor(t) || !std::isfinite(t))
    throw InputError(position("target", target.shape, sample) + " is " +
                     number_text(t) + ": a class index must be a whole number");
  long c = static_cast<long>(t);
  if (c == ignore_index) return -1;
  if (c < 0 || static_cast<std::size_t>(c) >= l.classes)
    throw InputError(position("target", target.shape, sample) + " is " +
                     std::to_string(c) + " but input has " + std::to_string(l.classes) +
                     " classes: a class index runs from 0 to " + std::to_string(l.classes - 1) +
                     " (or is ignore_index, " + std::to_string(ignore_index) + ")");
  return c;
}

// Index targets have the input's shape without its class dimension.
bool is_index_target(const TensorView& target, const ClassLayout& l) {
  return target.shape == l.sample_shape;
}


// Cross-entropy on logits, with log-softmax through log-sum-exp so that no
// exp overflows. Each sample's loss is -sum_c a_c log p_c with coefficients
// a_c from the target (index or probabilities), class weights and label
// smoothing; its gradient with respect to the logits is p_c sum(a) - a_c.
LossResult cross_entropy(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& z = args.get("input");
  const TensorView& target = args.get("target");
  const ClassLayout l = class_layout(z);
  const TensorView* w = class_weight(args, l);
  const long ignore_index = static_cast<long>(options.get("ignore_index"));
  const double eps = options.get("label_smoothing");
  const bool index_target = is_index_target(target, l);
  if (!index_target && target.shape != z.shape)
    throw InputError("target has shape " + shape_to_string(target.shape) + " but input has " +
                     shape_to_string(z.shape) + ": give class indices of shape " +
                     shape_to_string(l.sample_shape) + " or class probabilities of shape " +
                     shape_to_string(z.shape));

  const std::size_t C = l.classes;
  const double smoothing_share = eps / static_cast<double>(C);
  const auto weight_of = [&](std::size_t c) { return w ? (*w)[c] : 1.0; };
  std::vector<double> values(l.samples()), grads(z.size);
  std::vector<double> logp(C), coef(C);
  // Mean divides by the weight of the targets used for index targets, by
  // the number of samples for probability targets (PyTorch's rule).
  double divisor = index_target ? 0.0 : static_cast<double>(l.samples());

  for (std::size_t s = 0; s < l.samples(); ++s) {
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < C; ++c) top = std::max(top, z[l.at(s, c)]);
    double total = 0;
    for (std::size_t c = 0; c < C; ++c) total += std::exp(z[l.at(s, c)] - top);
    const double lse = top + std::log(total);
    for (std::size_t c = 0; c < C; ++c) logp[c] = z[l.at(s, c)] - lse;

    if (index_target) {
      long t = class_index(target, s, l, ignore_index);
      if (t < 0) {  // ignored: no loss, no gradient, no weight in the mean
        values[s] = 0;
        continue;
      }
      divisor += weight_of(t);
      for (std::size_t c = 0; c < C; ++c) coef[c] = smoothing_share * weight_of(c);
      coef[t] += (1 - eps) * weight_of(t);
    } else {
      for (std::size_t c = 0; c < C; ++c)
        coef[c] = (target[l.at(s, c)] * (1 - eps) + smoothing_share) * weight_of(c);
    }
    double loss = 0, coef_sum = 0;
    for (std::size_t c = 0; c < C; ++c) {
      loss -= coef[c] * logp[c];
      coef_sum += coef[c];
    }
    values[s] = loss;
    for (std::size_t c = 0; c < C; ++c) grads[l.at(s, c)] = std::exp(logp[c]) * coef_sum - coef[c];
  }
  LossResult r = reduce(std::move(values), {}, l.sample_shape, reduction, "input", divisor);
  if (reduction == Reduction::Mean)
    for (double& g : grads) g /= divisor;
  r.grad = Tensor{std::move(grads), z.shape};
  return r;
}

// Negative log-likelihood of log-probabilities: -w[t] input[t] per sample.
LossResult nll(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& target = args.get("target");
  const ClassLayout l = class_layout(x);
  const TensorView* w = class_weight(args, l);
  const long ignore_index = static_cast<long>(options.get("ignore_index"));
  if (!is_index_target(target, l))
    throw InputError("target has shape " + shape_to_string(target.shape) +
                     " but nll_loss needs one class index per sample, shape " +
                     shape_to_string(l.sample_shape));
  std::vector<double> values(l.samples()), grads(x.size, 0.0);
  double divisor = 0;
  for (std::size_t s = 0; s < l.samples(); ++s) {
    long t = class_index(target, s, l, ignore_index);
    if (t < 0) continue;
    double wt = w ? (*w)[t] : 1.0;
    divisor += wt;
    values[s] = -wt * x[l.at(s, t)];
    grads[l.at(s, t)] = -wt;
  }
  LossResult r = reduce(std::move(values), {}, l.sample_shape, reduction, "input", divisor);
  if (reduction == Reduction::Mean)
    for (double& g : grads) g /= divisor;
  r.grad = Tensor{std::move(grads), x.shape};
  return r;
}

}  // namespace

void add_multiclass_losses(std::vector<LossSpec>& r) {

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
    s.reductions = all_reductions();
    s.formula = R"(L = -\frac{1}{N}\sum_{i=1}^{N}\sum_{c=1}^{C} y_{ic}\log\frac{e^{\hat{y}_{ic}}}{\sum_{k} e^{\hat{y}_{ik}}})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_{ic}} = \frac{1}{N}\left(\operatorname{softmax}(\hat{y}_i)_c - y_{ic}\right))";
    s.note_en = "Takes logits and applies softmax itself: probabilities passed as ŷ are treated as scores.";
    s.note_zh = "输入应为 logits，函数内部会做 softmax；把概率当作 ŷ 传入会被再做一次 softmax。";
    s.evaluate = cross_entropy;
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
    s.reductions = all_reductions();
    s.formula = R"(L = -\frac{1}{N}\sum_{i=1}^{N}\hat{y}_{i,t_i})";
    s.gradient = R"(\frac{\partial L}{\partial \hat{y}_{ic}} = -\frac{1}{N}[c = t_i])";
    s.note_en = "Expects log-probabilities (log_softmax output); cross-entropy is log_softmax followed by this.";
    s.note_zh = "输入应为对数概率（log_softmax 的输出）；交叉熵就是 log_softmax 加上它。";
    s.evaluate = nll;
    r.push_back(std::move(s));
  }
}

}  // namespace lossplay::detail
