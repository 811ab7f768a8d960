// Binary losses: binary_cross_entropy (with and without logits), the
// sigmoid focal loss, the hinges and the soft margin, with their registry entries.
#include <algorithm>
#include <cmath>

#include "kernels.hpp"
#include "registry_builders.hpp"
#include "vector_math.hpp"

namespace lossplay::detail {
namespace {

// Both forms below need only e = exp(-|v|), the same for v and -v: a loss
// that wants softplus and sigmoid of one value pays for one exp, with the
// very bits it would get from two.
double exp_neg_abs(double v) { return std::exp(-std::fabs(v)); }

// log(1 + exp(v)) without overflow for large v or lost digits for small;
// e = exp_neg_abs(v).
double softplus(double v, double e) { return std::max(v, 0.0) + std::log1p(e); }

// 1 / (1 + exp(-v)) without overflow on either side: for v >= 0 that is
// 1 / (1 + e), for v < 0 it is e / (1 + e) (e = exp(v) there).
double sigmoid(double v, double e) { return v >= 0 ? 1 / (1 + e) : e / (1 + e); }


// BCE with logits without pos_weight over 2 * pairs elements: each term is
// vmath::bce_logits_term (vector_math.hpp: exp and log1p within an ulp of
// libm's, two lanes at a time) and each gradient (σ(z) - t) · scale.
// Returns whether a gradient is not finite. Out of line, and called for the
// odd last element too: one copy of the loop, and no scalar tail of it.
__attribute__((noinline)) unsigned bce_logits_pairs(const double* __restrict xp, const double* __restrict yp,
                                                    double* __restrict vp, double* __restrict gp, std::size_t pairs,
                                                    double scale) {
  unsigned bad = 0;
  LOSSPLAY_VECTORIZE
  for (std::size_t j = 0; j < 2 * pairs; ++j) {
    const double z = xp[j], t = yp[j];
    const double e = vmath::exp_nonpositive(-std::fabs(z));
    vp[j] = vmath::bce_logits_term(z, t, e);
    const double g = (sigmoid(z, e) - t) * scale;
    gp[j] = g;
    bad |= !(g - g == 0);
  }
  return bad;
}

// The end of BCE's and BCE with logits' pass. With a weight: weighted, then
// reduced (its 1/n after weighting, as reduce() does it). Without: the
// gradients came with their 1/n already, and `bad` says whether one of
// them is not finite (LossResult::grad_finite).
LossResult reduce_bce(const Arguments& args, const TensorView& x, std::vector<double> values, std::vector<double> grads,
                      Reduction reduction, bool weighted, unsigned bad) {
  if (weighted) {
    apply_elementwise_weight(args, x, values, grads);
    return reduce(std::move(values), std::move(grads), x.shape, reduction, "input");
  }
  LossResult r = reduce_prescaled(std::move(values), std::move(grads), x.shape, reduction, "input",
                                  static_cast<double>(x.size));
  r.grad_finite = bad == 0;
  return r;
}

LossResult binary_cross_entropy(const Arguments& args, const Options&, Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  require_nonempty(x, "input");
  require_same_shape(x, "input", y, "target");
  std::vector<double> values(x.size), grads(x.size);
  // Without a weight, the reduction's 1/n is applied in this pass (with one,
  // after weighting: (g w) / n, as reduce() does it).
  const bool weighted = args.find("weight") != nullptr;
  const double scale = weighted ? 1.0 : grad_scale(reduction, x.shape, static_cast<double>(x.size));
  // The probabilities are checked first, so that the pass below has no
  // throw and runs two lanes at a time, with vector_math.hpp's log and
  // log1p (within an ulp of libm's) for an even count and libm's for an
  // odd one's last element.
  const double* __restrict xp = x.data;
  const double* __restrict yp = y.data;
  unsigned outside = 0;
  for (std::size_t i = 0; i < x.size; ++i) outside |= !(xp[i] >= 0 && xp[i] <= 1);
  if (outside)
    for (std::size_t i = 0; i < x.size; ++i)
      if (!(xp[i] >= 0 && xp[i] <= 1)) throw_element_error("bce_probability", "input", x.shape, i, xp[i]);
  double* __restrict vp = values.data();
  double* __restrict gp = grads.data();
  unsigned bad = 0;  // some gradient not finite (see LossResult::grad_finite)
  // Like PyTorch 1.13, any target is scored (t outside [0, 1] can give a
  // negative loss); the page warns about such labels instead. PyTorch
  // clamps each log at -100 so that p = 0 or 1 gives a finite loss.
  const auto value = [](double t, double log_p, double log_q) {
    return -(t * std::max(log_p, -100.0) + (1 - t) * std::max(log_q, -100.0));
  };
  // PyTorch's backward: (p - t) / max(p (1 - p), eps); the floor keeps
  // the gradient finite at p = 0 and p = 1. Its eps is 1e-12 rounded to
  // float (9.99999996e-13), so p = 0, t = 1 gives -1.000000004e12.
  const auto gradient = [scale](double p, double t) {
    return (p - t) / std::max(p * (1 - p), static_cast<double>(1e-12f)) * scale;
  };
  const std::size_t even = x.size & ~std::size_t{1};  // no scalar copy of the vector loop
  LOSSPLAY_VECTORIZE
  for (std::size_t i = 0; i < even; ++i) {
    const double p = xp[i], t = yp[i];
    vp[i] = value(t, vmath::log(p), vmath::log1p(-p));
    const double g = gradient(p, t);
    gp[i] = g;
    bad |= !(g - g == 0);
  }
  if (even != x.size) {
    const double p = xp[even], t = yp[even];
    vp[even] = value(t, std::log(p), std::log1p(-p));
    const double g = gradient(p, t);
    gp[even] = g;
    bad |= !(g - g == 0);
  }
  return reduce_bce(args, x, std::move(values), std::move(grads), reduction, weighted, bad);
}

LossResult binary_cross_entropy_with_logits(const Arguments& args, const Options&,
                                            Reduction reduction) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  require_nonempty(x, "input");
  require_same_shape(x, "input", y, "target");
  // pos_weight weighs the positive term; PyTorch broadcasts it along the
  // last dimension (one weight per class), so it is either the input's
  // shape or [C].
  const TensorView* pw = args.find("pos_weight");
  std::size_t classes = x.shape.empty() ? 1 : x.shape.back();
  if (pw && pw->shape != x.shape && !(pw->shape.size() == 1 && pw->size == classes))
    throw InputError("pos_weight_shape", {{"arg", "pos_weight"},
                                          {"shape", pw->shape},
                                          {"other_shape", x.shape},
                                          {"classes", classes}});
  const bool per_class = pw && pw->shape != x.shape;
  std::vector<double> values(x.size), grads(x.size);
  // As BCE: without a weight the reduction's 1/n and the finiteness check
  // of the gradient are taken in this pass, not in two more over it.
  const bool weighted = args.find("weight") != nullptr;
  const double scale = weighted ? 1.0 : grad_scale(reduction, x.shape, static_cast<double>(x.size));
  unsigned bad = 0;
  std::size_t i = 0;
  if (!pw) {
    // No pos_weight: bce_logits_pairs, two lanes at a time; an odd count's
    // last element goes through it too, paired with a zero, so that every
    // element has the same bits (the fit's landscape is F to the bit).
    const std::size_t pairs = x.size / 2;
    bad |= bce_logits_pairs(x.data, y.data, values.data(), grads.data(), pairs, scale);
    if (x.size % 2) {
      const std::size_t last = x.size - 1;
      const double z[2] = {x[last], 0}, t[2] = {y[last], 0};
      double v[2], g[2];
      bad |= bce_logits_pairs(z, t, v, g, 1, scale);  // the zero's gradient, σ(0) · scale, is finite
      values[last] = v[0];
      grads[last] = g[0];
    }
    i = x.size;
  }
  for (; i < x.size; ++i) {
    const double z = x[i], t = y[i];
    const double p = pw ? (*pw)[per_class ? i % classes : i] : 1.0;
    // loss = (1 - t) z + (1 + (p - 1) t) softplus(-z): the stable form of
    // -[p t log σ(z) + (1 - t) log(1 - σ(z))].
    const double log_weight = 1 + (p - 1) * t;
    const double e = exp_neg_abs(z);
    values[i] = (1 - t) * z + log_weight * softplus(-z, e);
    const double g = (log_weight * sigmoid(z, e) - p * t) * scale;
    grads[i] = g;
    bad |= !(g - g == 0);
  }
  return reduce_bce(args, x, std::move(values), std::move(grads), reduction, weighted, bad);
}

LossResult hinge(const Arguments& args, const Options& options, Reduction reduction) {
  const double margin = options.get("margin");
  // The SVM hinge max(0, margin - y x) for labels y in {-1, +1}. At the kink
  // (margin - y x = 0) the gradient is -y, as torch.clamp(..., min=0) gives.
  // Other labels are computed by the same formula (a {0, 1} label gives a
  // constant loss); the page points that trap out rather than refusing it.
  return pointwise<true>(args, reduction, [margin](double x, double y, double& g, std::size_t) {
    double m = margin - y * x;
    g = m >= 0 ? -y : 0.0;
    return m > 0 ? m : 0.0;
  });
}

LossResult hinge_embedding(const Arguments& args, const Options& options, Reduction reduction) {
  const double margin = options.get("margin");
  // nn.HingeEmbeddingLoss: x where y = 1, max(0, margin - x) where y = -1.
  // Like PyTorch, a label that is neither adds both terms (it tests y != -1
  // and y != 1), and the clamp passes the gradient at margin - x = 0.
  return pointwise<true>(args, reduction, [margin](double x, double y, double& g, std::size_t) {
    double value = 0;
    g = 0;
    if (y != -1) {
      value += x;
      g += 1;
    }
    if (y != 1) {
      double m = margin - x;
      value += m > 0 ? m : 0.0;
      if (m >= 0) g -= 1;
    }
    return value;
  });
}

LossResult squared_hinge(const Arguments& args, const Options& options, Reduction reduction) {
  const double margin = options.get("margin");
  // max(0, margin - y x)^2: the square makes the gradient vanish at the
  // kink, so there is no subgradient to choose.
  return pointwise<true>(args, reduction, [margin](double x, double y, double& g, std::size_t) {
    double m = margin - y * x;
    double h = m > 0 ? m : 0.0;
    g = -2 * h * y;
    return h * h;
  });
}

LossResult soft_margin(const Arguments& args, const Options&, Reduction reduction) {
  // log(1 + exp(-y x)). PyTorch 1.13 evaluates it literally, which gives
  // inf (and a NaN gradient) once -y x passes about 710; the softplus form
  // agrees everywhere else and stays finite.
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double z = -y * x;
    const double e = exp_neg_abs(z);
    g = -y * sigmoid(z, e);
    return softplus(z, e);
  });
}

LossResult sigmoid_focal(const Arguments& args, const Options& options, Reduction reduction) {
  const double alpha = options.get("alpha");  // < 0 turns the class weighting off
  const double gamma = options.get("gamma");  // >= 0, checked by the registry
  const TensorView& targets = args.get("target");
  // torchvision.ops.sigmoid_focal_loss: BCE-with-logits scaled by
  // (1 - p_t)^gamma, p_t being the probability given to the true label.
  return pointwise(args, reduction, [&](double x, double y, double& g, std::size_t i) {
    // Outside [0, 1], 1 - p_t can be negative and its power NaN.
    if (!(y >= 0 && y <= 1))
      throw_element_error("focal_label", "target", targets.shape, i, y);
    const double e = exp_neg_abs(x);
    double p = sigmoid(x, e), p_not = sigmoid(-x, e);  // 1 - p without cancellation
    double ce = (1 - y) * x + softplus(-x, e);
    double q = p * (1 - y) + p_not * y;  // 1 - p_t
    double focus = std::pow(q, gamma);
    // d(1 - p_t)/dx = (1 - 2y) p (1 - p); its power's derivative is written
    // gamma q^gamma p (1 - p) / q, which stays finite as q -> 0 for
    // gamma < 1 (where torch's q^(gamma - 1) gives inf * 0 = NaN); the
    // limit there is 0.
    double dfocus = q > 0 ? gamma * focus * (1 - 2 * y) * (p * p_not / q) : 0.0;
    double w = alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1.0;
    g = w * ((p - y) * focus + ce * dfocus);
    return w * ce * focus;
  });
}

// The entries, in the order the page lists them.
// The arguments the margin losses share: scores against labels of ±1.
constexpr ArgSpec margin_scores = input_arg("any shape: scores", "任意形状：分数", "scores ŷ", "预测分数 ŷ");
constexpr ArgSpec signed_labels = target_arg("same as input, labels in {-1, +1}", "与 input 相同，标签取 -1 或 +1",
                                             "labels y in {-1, +1}", "标签 y，取 ±1");

constexpr LossSpec binary_losses[] = {
    {.name = "binary_cross_entropy",
     .short_name = "BCE",
     .short_zh = "BCE",
     .title_en = "Binary cross-entropy",
     .title_zh = "二元交叉熵",
     .pytorch = "torch.nn.functional.binary_cross_entropy",
     .args = {input_arg("any shape, probabilities in [0, 1]", "任意形状，概率值在 [0, 1] 内",
                        "predicted probabilities ŷ", "预测概率 ŷ"),
              target_arg("same as input", "与 input 相同", "labels y in {0, 1} (or soft labels)",
                         "标签 y，取 0 或 1"),
              weight_arg("weight", "same as input", "与 input 相同", "a weight per element",
                         "每个元素的权重")},
     .reductions = all_reductions(),
     .formula =
         R"(L = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)\right])",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\,\frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)})",
     .note_en = "Takes probabilities; each log is clamped at -100 as PyTorch does, so ŷ = 0 or 1 stays "
                "finite.",
     .note_zh = "输入为概率；与 PyTorch 一样，每个对数项下限截断为 -100，ŷ 为 0 或 1 时仍有限。",
     .evaluate = binary_cross_entropy},
    {.name = "binary_cross_entropy_with_logits",
     .short_name = "BCE with logits",
     .short_zh = "BCE（logits）",
     .title_en = "Binary cross-entropy on logits",
     .title_zh = "基于 logits 的二元交叉熵",
     .pytorch = "torch.nn.functional.binary_cross_entropy_with_logits",
     .args = {input_arg("any shape: raw scores (logits)", "任意形状：原始分数（logits）", "logits ŷ",
                        "logits ŷ"),
              target_arg("same as input", "与 input 相同", "labels y in {0, 1} (or soft labels)",
                         "标签 y，取 0 或 1"),
              weight_arg("weight", "same as input", "与 input 相同", "a weight per element",
                         "每个元素的权重"),
              weight_arg("pos_weight", "same as input, or [C]", "与 input 相同，或 [C]",
                         "the weight of positive examples", "正样本的权重")},
     .reductions = all_reductions(),
     .formula =
         R"(L = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i\log\sigma(\hat{y}_i) + (1 - y_i)\log(1 - \sigma(\hat{y}_i))\right])",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{1}{n}\left(\sigma(\hat{y}_i) - y_i\right))",
     .note_en = "Applies the sigmoid itself, in a stable form: prefer it to a sigmoid followed by BCE.",
     .note_zh = "内部以数值稳定的方式计算 sigmoid，比先 sigmoid 再用 BCE 更可靠。",
     .evaluate = binary_cross_entropy_with_logits},
    {.name = "sigmoid_focal_loss",
     .short_name = "Sigmoid focal",
     .short_zh = "焦点损失",
     .title_en = "Sigmoid focal loss",
     .title_zh = "Sigmoid 焦点损失（Focal Loss）",
     .args = {input_arg("any shape: raw scores (logits)", "任意形状：原始分数（logits）", "logits ŷ",
                        "logits ŷ"),
              target_arg("same as input, labels in [0, 1]", "与 input 相同，标签在 [0, 1] 内",
                         "labels y in {0, 1} (or soft labels)", "标签 y，取 0 或 1（或软标签）")},
     .options = {{.name = "alpha",
                  .label = "α",
                  .default_value = 0.25,
                  .max = 1,
                  .help_en = "the weight of positives (1 - α for negatives); a negative value turns "
                             "the weighting off",
                  .help_zh = "正样本的权重（负样本为 1 - α）；取负值则不加权"},
                 {.name = "gamma",
                  .label = "γ",
                  .default_value = 2.0,
                  .min = 0,
                  .help_en =
                      "how strongly well-classified samples are down-weighted; 0 gives BCE with logits",
                  .help_zh = "对已分类正确的样本降权的强度；为 0 时即 BCE with logits"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\alpha_{t,i}\,(1 - p_{t,i})^{\gamma}\,\ell_i,\quad \ell_i = -\left[y_i\log p_i + (1 - y_i)\log(1 - p_i)\right],\ p_i = \sigma(\hat{y}_i),\ p_{t,i} = p_i y_i + (1 - p_i)(1 - y_i),\ \alpha_{t,i} = \alpha y_i + (1 - \alpha)(1 - y_i))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{\alpha_{t,i}}{n}\left[(p_i - y_i)(1 - p_{t,i})^{\gamma} + \gamma\,\ell_i\,(1 - p_{t,i})^{\gamma - 1}(1 - 2y_i)\,p_i(1 - p_i)\right])",
     .note_en = "torchvision's definition, but averaged by default (torchvision's default is no "
                "reduction); easy, confident samples contribute almost nothing.",
     .note_zh = "采用 torchvision 的定义，但默认取平均（torchvision "
                "默认不做归约）；容易且自信的样本几乎不贡献损失。",
     .evaluate = sigmoid_focal},
    {.name = "hinge",
     .short_name = "Hinge",
     .short_zh = "铰链",
     .title_en = "Hinge loss (SVM)",
     .title_zh = "铰链损失（SVM）",
     .args = {margin_scores, signed_labels},
     .options = {margin_option(1.0)},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\max(0,\ m - y_i\hat{y}_i))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \begin{cases}-\frac{y_i}{n} & y_i\hat{y}_i \le m\\ 0 & \text{otherwise}\end{cases})",
     .note_en = "Zero once a sample is on the right side by the margin; only the others push.",
     .note_zh = "样本以足够间隔被正确分类后损失为 0，只有其余样本产生梯度。",
     .evaluate = hinge},
    {.name = "squared_hinge",
     .short_name = "Squared hinge",
     .short_zh = "平方铰链",
     .title_en = "Squared hinge loss",
     .title_zh = "平方铰链损失",
     .args = {margin_scores, signed_labels},
     .options = {margin_option(1.0)},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\max(0,\ m - y_i\hat{y}_i)^2)",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = -\frac{2}{n}\,y_i\max(0,\ m - y_i\hat{y}_i))",
     .note_en = "Smooth at the margin, unlike the hinge, but a badly misclassified sample costs "
                "quadratically.",
     .note_zh = "与铰链损失不同，它在间隔处光滑；但严重误分的样本代价按平方增长。",
     .evaluate = squared_hinge},
    {.name = "soft_margin_loss",
     .short_name = "Soft margin",
     .short_zh = "软间隔",
     .title_en = "Soft margin loss",
     .title_zh = "软间隔损失",
     .pytorch = "torch.nn.functional.soft_margin_loss",
     .args = {margin_scores, signed_labels},
     .reductions = all_reductions(),
     .formula = R"(L = \frac{1}{n}\sum_{i=1}^{n}\log\left(1 + e^{-y_i\hat{y}_i}\right))",
     .gradient = R"(\frac{\partial L}{\partial \hat{y}_i} = -\frac{1}{n}\,y_i\,\sigma(-y_i\hat{y}_i))",
     .note_en = "Logistic loss for ±1 labels, the same as BCE with logits on (y + 1)/2; computed "
                "stably, where PyTorch 1.13 overflows to inf.",
     .note_zh = "即 ±1 标签的逻辑损失，与对 (y + 1)/2 计算的 BCE with logits "
                "相同；这里以稳定方式计算，而 PyTorch 1.13 会溢出为 inf。",
     .evaluate = soft_margin},
    {.name = "hinge_embedding_loss",
     .short_name = "Hinge embedding",
     .short_zh = "铰链嵌入",
     .title_en = "Hinge embedding loss",
     .title_zh = "铰链嵌入损失",
     .pytorch = "torch.nn.functional.hinge_embedding_loss",
     .args = {input_arg("any shape: distances", "任意形状：距离", "distances ŷ", "距离 ŷ"),
              signed_labels},
     .options = {margin_option(1.0)},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\begin{cases}\hat{y}_i & y_i = 1\\ \max(0,\ m - \hat{y}_i) & y_i = -1\end{cases})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \begin{cases}\frac{1}{n} & y_i = 1\\ -\frac{1}{n} & y_i = -1,\ \hat{y}_i \le m\\ 0 & \text{otherwise}\end{cases})",
     .note_en = "What nn.HingeEmbeddingLoss computes: ŷ is a distance, not a score, so it is not the "
                "SVM hinge.",
     .note_zh = "这是 nn.HingeEmbeddingLoss 的定义：ŷ 是距离而非分数，并不是 SVM 的铰链损失。",
     .evaluate = hinge_embedding},
};

}  // namespace

void add_binary_losses(std::vector<LossSpec>& r) { add_group(r, "binary", binary_losses); }

}  // namespace lossplay::detail
