// Ranking and embedding losses: margin_ranking_loss, cosine_embedding_loss,
// triplet_margin_loss. Their prediction argument is input1 or anchor.
#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {
namespace {

// Reduces per-row values while the gradient keeps the prediction's shape;
// Mean divides both by the number of rows.
LossResult reduce_rows(std::vector<double> values, std::vector<double> grads,
                       const Shape& loss_shape, const TensorView& prediction,
                       std::string grad_arg, Reduction reduction) {
  const double rows = static_cast<double>(values.size());
  LossResult r = reduce(std::move(values), {}, loss_shape, reduction, std::move(grad_arg), rows);
  if (reduction == Reduction::Mean)
    for (double& g : grads) g /= rows;
  r.grad = Tensor{std::move(grads), prediction.shape};
  return r;
}

// max(0, -y (x1 - x2) + margin) elementwise. clamp_min passes the gradient
// at exactly 0, so -y flows there too, as in PyTorch.
LossResult margin_ranking(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x1 = args.get("input1");
  const TensorView& x2 = args.get("input2");
  const TensorView& y = args.get("target");
  require_nonempty(x1, "input1");
  require_same_shape(x1, "input1", x2, "input2");
  require_same_shape(x1, "input1", y, "target");
  const double margin = options.get("margin");
  std::vector<double> values(x1.size), grads(x1.size);
  for (std::size_t i = 0; i < x1.size; ++i) {
    const double slack = -y[i] * (x1[i] - x2[i]) + margin;
    values[i] = std::max(slack, 0.0);
    grads[i] = slack >= 0 ? -y[i] : 0.0;
  }
  return reduce(std::move(values), std::move(grads), x1.shape, reduction, "input1");
}

// ATen adds this to both squared norms, so a zero vector has cosine 0. It
// is a float there: 1e-12f, 9.99999996e-13 as a double.
constexpr double cosine_epsilon = static_cast<double>(1e-12f);

// [N, D] inputs with a [N] target, or unbatched [D] inputs with a scalar
// target: PyTorch accepts exactly these pairings.
std::size_t cosine_rows(const TensorView& x1, const TensorView& x2, const TensorView& y) {
  require_nonempty(x1, "input1");
  require_same_shape(x1, "input1", x2, "input2");
  const bool batched = y.shape.size() == 1;
  if (y.shape.size() > 1)
    throw InputError("cosine_target_rank", {{"arg", "target"}, {"shape", y.shape}});
  if (x1.shape.size() != (batched ? 2u : 1u) || (batched && x1.shape[0] != y.shape[0]))
    throw InputError("cosine_shapes",
                     {{"arg", "input1"}, {"shape", x1.shape}, {"other", "target"}, {"other_shape", y.shape}});
  return batched ? y.shape[0] : 1;
}

// Per row: 1 - cos where y = 1, max(0, cos - margin) where y = -1, and 0
// for any other label (PyTorch selects with target == 1 and target == -1).
// cos = <a, b> / sqrt((|a|^2 + 1e-12)(|b|^2 + 1e-12)); its gradient follows
// autograd's chain through the division and the square root.
LossResult cosine_embedding(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& x1 = args.get("input1");
  const TensorView& x2 = args.get("input2");
  const TensorView& y = args.get("target");
  const std::size_t rows = cosine_rows(x1, x2, y);
  const std::size_t D = x1.size / rows;
  const double margin = options.get("margin");
  std::vector<double> values(rows), grads(x1.size, 0.0);
  for (std::size_t r = 0; r < rows; ++r) {
    const double* a = x1.data + r * D;
    const double* b = x2.data + r * D;
    double dot = 0, aa = 0, bb = 0;
    for (std::size_t k = 0; k < D; ++k) {
      dot += a[k] * b[k];
      aa += a[k] * a[k];
      bb += b[k] * b[k];
    }
    aa += cosine_epsilon;
    bb += cosine_epsilon;
    const double denom = std::sqrt(aa * bb);
    const double cos = dot / denom;
    double g = 0;  // d(row loss)/d(cos)
    if (y[r] == 1) {
      values[r] = 1 - cos;
      g = -1;
    } else if (y[r] == -1) {
      values[r] = std::max(cos - margin, 0.0);
      g = cos - margin >= 0 ? 1.0 : 0.0;  // clamp_min passes it at 0
    } else {
      values[r] = 0;
    }
    if (g == 0) continue;
    const double d_dot = g / denom;
    const double d_denom = -g * (cos / denom);
    const double d_aa = d_denom / (2 * denom) * bb;
    for (std::size_t k = 0; k < D; ++k) grads[r * D + k] = d_dot * b[k] + 2 * d_aa * a[k];
  }
  return reduce_rows(std::move(values), std::move(grads), y.shape, x1, "input1", reduction);
}

// A p-norm and its gradient, written as ATen's norm and norm_backward are
// (no rescaling: squares overflow and underflow as in PyTorch). A zero norm
// gives a zero gradient, as do zero components when p < 1.
double norm_with_grad(const double* v, std::size_t n, double p, double* grad) {
  double norm = 0;
  if (p == 1) {
    for (std::size_t k = 0; k < n; ++k) norm += std::fabs(v[k]);
  } else if (p == 2) {
    for (std::size_t k = 0; k < n; ++k) norm += v[k] * v[k];
    norm = std::sqrt(norm);
  } else if (std::isinf(p)) {
    for (std::size_t k = 0; k < n; ++k) norm = std::max(norm, std::fabs(v[k]));
  } else {
    for (std::size_t k = 0; k < n; ++k) norm += std::pow(std::fabs(v[k]), p);
    norm = std::pow(norm, 1 / p);
  }
  const auto sign = [](double x) { return static_cast<double>((x > 0) - (x < 0)); };
  if (std::isinf(p)) {  // amax: the gradient is shared between tied components
    double ties = 0;
    for (std::size_t k = 0; k < n; ++k) ties += std::fabs(v[k]) == norm ? 1 : 0;
    for (std::size_t k = 0; k < n; ++k)
      grad[k] = std::fabs(v[k]) == norm ? sign(v[k]) / ties : 0.0;
    return norm;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (p == 1) {
      grad[k] = sign(v[k]);
    } else if (p == 2) {
      grad[k] = norm == 0 ? 0.0 : v[k] / norm;
    } else if (p < 1) {
      grad[k] = v[k] == 0 ? 0.0 : sign(v[k]) * std::pow(std::fabs(v[k]), p - 1) * std::pow(norm, 1 - p);
    } else {
      grad[k] = norm == 0 ? 0.0 : sign(v[k]) * std::pow(std::fabs(v[k]), p - 1) / std::pow(norm, p - 1);
    }
  }
  return norm;
}

// pairwise_distance: ||a - b + eps||_p over the last dimension, with its
// gradient with respect to a.
double distance(const double* a, const double* b, std::size_t n, double p, double eps,
                std::vector<double>& diff, std::vector<double>& grad) {
  for (std::size_t k = 0; k < n; ++k) diff[k] = a[k] - b[k] + eps;
  return norm_with_grad(diff.data(), n, p, grad.data());
}

// Per row max(0, margin + d(a, p) - d(a, n)); with swap, d(a, n) becomes
// min(d(a, n), d(p, n)), whose gradient PyTorch splits in half on a tie.
// The clamp passes the gradient at exactly 0.
LossResult triplet_margin(const Arguments& args, const Options& options, Reduction reduction) {
  const TensorView& a = args.get("anchor");
  const TensorView& pos = args.get("positive");
  const TensorView& neg = args.get("negative");
  require_nonempty(a, "anchor");
  require_same_shape(a, "anchor", pos, "positive");
  require_same_shape(a, "anchor", neg, "negative");
  const double margin = options.get("margin"), p = options.get("p"), eps = options.get("eps");
  const bool swap = options.flag("swap");
  // The distance runs over the last dimension; a scalar is one 1-vector.
  const std::size_t D = a.shape.empty() ? 1 : a.shape.back();
  const std::size_t rows = a.size / D;
  const Shape loss_shape = a.shape.empty() ? Shape{} : Shape(a.shape.begin(), a.shape.end() - 1);
  std::vector<double> values(rows), grads(a.size, 0.0);
  std::vector<double> diff(D), g_pos(D), g_neg(D), unused(D);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t at = r * D;
    const double d_pos = distance(a.data + at, pos.data + at, D, p, eps, diff, g_pos);
    double d_neg = distance(a.data + at, neg.data + at, D, p, eps, diff, g_neg);
    double neg_share = 1;  // how much of d(a, n)'s gradient reaches the anchor
    if (swap) {
      const double d_swap = distance(pos.data + at, neg.data + at, D, p, eps, diff, unused);
      neg_share = d_neg < d_swap ? 1.0 : d_neg == d_swap ? 0.5 : 0.0;
      d_neg = std::min(d_neg, d_swap);
    }
    const double slack = margin + d_pos - d_neg;
    values[r] = std::max(slack, 0.0);
    if (!(slack >= 0)) continue;
    for (std::size_t k = 0; k < D; ++k) grads[at + k] = g_pos[k] - neg_share * g_neg[k];
  }
  return reduce_rows(std::move(values), std::move(grads), loss_shape, a, "anchor", reduction);
}

constexpr ArgSpec ranking_arg(Text name, ArgRole role, Text shape_en, Text shape_zh, Text help_en,
                              Text help_zh) {
  return {.name = name,
          .role = role,
          .shape_en = shape_en,
          .shape_zh = shape_zh,
          .help_en = help_en,
          .help_zh = help_zh};
}

// The entries, in the order the page lists them.
constexpr LossSpec ranking_losses[] = {
    {.name = "margin_ranking_loss",
     .short_name = "Margin ranking",
     .short_zh = "排序间隔",
     .title_en = "Margin ranking loss",
     .title_zh = "排序间隔损失",
     .pytorch = "torch.nn.functional.margin_ranking_loss",
     .args = {ranking_arg("input1", ArgRole::Prediction, "any shape: scores", "任意形状：分数",
                          "the first item's scores ŷ₁", "第一个对象的分数 ŷ₁"),
              ranking_arg("input2", ArgRole::Extra, "same as input1", "与 input1 相同",
                          "the second item's scores ŷ₂", "第二个对象的分数 ŷ₂"),
              ranking_arg("target", ArgRole::Target, "same as input1, labels in {-1, +1}",
                          "与 input1 相同，标签取 -1 或 +1",
                          "y = 1 if input1 should rank higher, -1 if input2 should",
                          "y = 1 表示 input1 应排在前，-1 表示 input2 应排在前")},
     .options = {{.name = "margin",
                  .label = "m",
                  .default_value = 0.0,
                  .min_inclusive = false,
                  .max_inclusive = false,
                  .help_en = "how far the preferred score must lead",
                  .help_zh = "被偏好的分数至少要领先的间隔"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{n}\sum_{i=1}^{n}\max\left(0,\ -y_i(\hat{y}_{1,i} - \hat{y}_{2,i}) + m\right))",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{1,i}} = \begin{cases}-\frac{y_i}{n} & -y_i(\hat{y}_{1,i} - \hat{y}_{2,i}) + m \ge 0\\ 0 & \text{otherwise}\end{cases})",
     .note_en = "Only the order of the two scores matters; with the default margin 0 a tie already "
                "costs nothing.",
     .note_zh = "只关心两个分数的先后；默认间隔为 0 时，两者相等也不产生损失。",
     .evaluate = margin_ranking},
    {.name = "cosine_embedding_loss",
     .short_name = "Cosine embedding",
     .short_zh = "余弦嵌入",
     .title_en = "Cosine embedding loss",
     .title_zh = "余弦嵌入损失",
     .pytorch = "torch.nn.functional.cosine_embedding_loss",
     .args = {ranking_arg("input1", ArgRole::Prediction, "[N, D] or [D]: embeddings",
                          "[N, D] 或 [D]：嵌入向量", "the first embeddings ŷ₁, one row per pair",
                          "第一组嵌入 ŷ₁，每行一对"),
              ranking_arg("input2", ArgRole::Extra, "same as input1", "与 input1 相同",
                          "the second embeddings ŷ₂", "第二组嵌入 ŷ₂"),
              ranking_arg("target", ArgRole::Target, "[N] (or a scalar), labels in {-1, +1}",
                          "[N]（或标量），标签取 -1 或 +1",
                          "y = 1 for a similar pair, -1 for a dissimilar one",
                          "y = 1 表示相似对，-1 表示不相似对")},
     .options = {{.name = "margin",
                  .label = "m",
                  .default_value = 0.0,
                  .min = -1,
                  .max = 1,
                  .help_en = "the cosine above which a dissimilar pair costs",
                  .help_zh = "不相似对的余弦相似度超过此值才产生损失"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{N}\sum_{i=1}^{N}\begin{cases}1 - \cos_i & y_i = 1\\ \max(0,\ \cos_i - m) & y_i = -1\end{cases},\quad \cos_i = \frac{\hat{y}_{1,i}\cdot\hat{y}_{2,i}}{\sqrt{(\|\hat{y}_{1,i}\|^2 + \epsilon)(\|\hat{y}_{2,i}\|^2 + \epsilon)}})",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_{1,i}} = \frac{g_i}{N}\left(\frac{\hat{y}_{2,i}}{\sqrt{(\|\hat{y}_{1,i}\|^2 + \epsilon)(\|\hat{y}_{2,i}\|^2 + \epsilon)}} - \cos_i\,\frac{\hat{y}_{1,i}}{\|\hat{y}_{1,i}\|^2 + \epsilon}\right),\quad g_i = \begin{cases}-1 & y_i = 1\\ 1 & y_i = -1,\ \cos_i \ge m\\ 0 & \text{otherwise}\end{cases})",
     .note_en = "ε = 1e-12 keeps a zero vector at cosine 0; a label other than ±1 silently costs 0, as "
                "in PyTorch.",
     .note_zh = "ε = 1e-12 使零向量的余弦为 0；与 PyTorch 一样，±1 以外的标签不报错而是损失为 0。",
     .evaluate = cosine_embedding},
    {.name = "triplet_margin_loss",
     .short_name = "Triplet margin",
     .short_zh = "三元组间隔",
     .title_en = "Triplet margin loss",
     .title_zh = "三元组间隔损失",
     .pytorch = "torch.nn.functional.triplet_margin_loss",
     .args = {ranking_arg("anchor", ArgRole::Prediction, "[N, D] or [D]: embeddings",
                          "[N, D] 或 [D]：嵌入向量", "the anchors ŷ, one row per triplet",
                          "锚点 ŷ，每行一个三元组"),
              ranking_arg("positive", ArgRole::Target, "same as anchor", "与 anchor 相同",
                          "embeddings of the same kind as the anchor", "与锚点同类的嵌入"),
              ranking_arg("negative", ArgRole::Extra, "same as anchor", "与 anchor 相同",
                          "embeddings of another kind", "与锚点不同类的嵌入")},
     .options = {{.name = "margin",
                  .label = "m",
                  .default_value = 1.0,
                  .min_inclusive = false,
                  .max_inclusive = false,
                  .help_en = "how much nearer the positive must be than the negative",
                  .help_zh = "正样本须比负样本更近的距离间隔"},
                 {.name = "p",
                  .label = "p",
                  .default_value = 2,
                  .min = 0,
                  .min_inclusive = false,
                  .help_en = "the norm of the distance (inf for the largest component)",
                  .help_zh = "距离所用范数的阶（inf 为最大分量）"},
                 {.name = "eps",
                  .label = "ε",
                  .default_value = 1e-6,
                  .min = 0,
                  .max_inclusive = false,
                  .help_en = "added to each difference before the norm",
                  .help_zh = "求范数前加到每个差值上的小常数"},
                 {.name = "swap",
                  .label = "swap",
                  .type = OptionType::Boolean,
                  .default_value = 0,
                  .help_en = "also use the positive-to-negative distance when it is smaller",
                  .help_zh = "若正负样本间距离更小，则改用该距离"}},
     .reductions = all_reductions(),
     .formula =
         R"(L = \frac{1}{N}\sum_{i=1}^{N}\max\left(0,\ m + d(\hat{y}_i, p_i) - d(\hat{y}_i, n_i)\right),\quad d(a, b) = \|a - b + \epsilon\|_p)",
     .gradient =
         R"(\frac{\partial L}{\partial \hat{y}_i} = \frac{[\ell_i \ge 0]}{N}\left(\nabla_a d(\hat{y}_i, p_i) - \nabla_a d(\hat{y}_i, n_i)\right),\quad \nabla_a \|v\|_p = \operatorname{sign}(v)\,\frac{|v|^{p-1}}{\|v\|_p^{p-1}},\ v = a - b + \epsilon,\ \ell_i = m + d(\hat{y}_i, p_i) - d(\hat{y}_i, n_i))",
     .note_en = "The distance adds eps to every difference, so identical points sit about eps·D^(1/p) "
                "apart, not at 0; swap replaces d(ŷ, n) by d(p, n) when that is smaller.",
     .note_zh = "距离会在每个差值上加 eps，所以两个相同的点相距约 eps·D^(1/p)，而不是 0；swap 会在 "
                "d(p, n) 更小时用它代替 d(ŷ, n)。",
     .evaluate = triplet_margin},
};

}  // namespace

void add_ranking_losses(std::vector<LossSpec>& r) { add_group(r, "ranking", ranking_losses); }

}  // namespace lossplay::detail
