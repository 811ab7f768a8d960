/* Learner hints: the traps of the study note. */

export const hintStrings = {
  'hint.ce_probabilities': {
    en: 'Every row of ŷ sums to 1: these look like probabilities, but cross-entropy expects logits (raw scores) and applies softmax itself, so it reads {loss}. The textbook −Σ y log ŷ of these probabilities, which PyTorch computes as cross-entropy on log ŷ (or nll_loss on log ŷ), is {fixed}.',
    zh: 'ŷ 的每一行之和都是 1：这看起来是概率，但交叉熵期望的是 logits（未归一化的分数），会自己再做一次 softmax，所以结果是 {loss}。对这些概率按教科书公式 −Σ y log ŷ 计算（在 PyTorch 中相当于对 log ŷ 求交叉熵，或对 log ŷ 用 nll_loss），结果是 {fixed}。',
  },
  'hint.hinge_01': {
    en: 'The labels y are 0 and 1, but {loss} expects −1 and +1: with a 0 label the score does not count at all. With 0 mapped to −1, {loss} is {fixed}.',
    zh: '标签 y 是 0 和 1，但 {loss} 期望 −1 和 +1：标签为 0 时预测值完全不起作用。把 0 换成 −1 后，{loss} 为 {fixed}。',
  },
  'hint.hinge_01.action': { en: 'Change 0 to −1 in y', zh: '把 y 中的 0 改为 −1' },
  'hint.msle_domain': {
    en: 'MSLE takes log(1 + value), so every value must be greater than −1; {count|# of them is|# of them are} not. MSLE suits positive targets that span orders of magnitude, such as prices or counts.',
    zh: 'MSLE 计算 log(1 + 值)，所以每个值都必须大于 −1；这里有 {count} 个不满足。MSLE 适合跨越多个数量级的正数目标，比如价格或计数。',
  },
  'hint.bce_range': {
    en: 'BCE takes probabilities in [0, 1], and {count|# value|# values} of ŷ {count|is|are} outside: they look like raw scores (logits). BCE with logits applies the sigmoid itself and gives {fixed} on them.',
    zh: 'BCE 要求 ŷ 是 [0, 1] 内的概率，这里有 {count} 个值超出范围：它们看起来是原始分数（logits）。BCE with logits 会自己做 sigmoid，对这些值的结果是 {fixed}。',
  },
  'hint.swapped': {
    en: 'ŷ looks like labels and y like predictions: are the two boxes swapped? Predictions (ŷ) is what the model outputs; Targets (y) holds the true labels.',
    zh: 'ŷ 看起来像标签，y 看起来像预测值：两个输入框是不是填反了？预测值 (ŷ) 是模型的输出，真实值 (y) 是正确的标签。',
  },
  'hint.swapped.action': { en: 'Swap ŷ and y', zh: '交换 ŷ 和 y' },
  'hint.hinge_embedding': {
    en: 'HingeEmbeddingLoss is not the SVM hinge: it reads ŷ as a distance, adding ŷ itself where y = 1 and max(0, margin − ŷ) where y = −1. The hinge formula max(0, 1 − y·ŷ) gives {fixed} on these numbers.',
    zh: 'HingeEmbeddingLoss 不是 SVM 的铰链损失：它把 ŷ 当作距离，y = 1 时直接加上 ŷ，y = −1 时加上 max(0, margin − ŷ)。按铰链损失公式 max(0, 1 − y·ŷ) 计算，这组数据的结果是 {fixed}。',
  },
  'hint.ce_probabilities.action': { en: 'Replace ŷ by log ŷ', zh: '把 ŷ 换成 log ŷ' },
  'hint.ce_probabilities.nll': { en: 'Use NLL on log ŷ', zh: '改用 NLL，输入 log ŷ' },
  'hint.bce_range.action': { en: 'Use BCE with logits', zh: '改用 BCE with logits' },
  'hint.bce_hard': {
    en: 'ŷ holds hard 0/1 predictions. BCE takes log ŷ and log(1 − ŷ), and log 0 is −∞, so PyTorch clamps the log at −100: {count|the # wrong prediction adds|each of the # wrong predictions adds} exactly 100 before the mean, which is where {value} comes from. The true loss of a confident miss is infinite; give probabilities (say 0.99 instead of 1) to see a finite, meaningful value.',
    zh: 'ŷ 是硬性的 0/1 预测。BCE 要计算 log ŷ 和 log(1 − ŷ)，而 log 0 为 −∞，所以 PyTorch 把对数截断在 −100：{count} 个错误预测各自恰好贡献 100，再取平均，这就是 {value} 的来历。对一个“非常自信”的错误，真实的损失是无穷大；请输入概率（例如用 0.99 代替 1），才能看到有意义的有限值。',
  },
  'hint.bce_logits_targets': {
    en: 'BCE with logits expects targets in [0, 1] (labels or probabilities), and {count|# value|# values} of y {count|is|are} outside, so the loss comes out as {value}: a negative number, which no binary cross-entropy can be. These look like regression targets: MSE on them is {fixed}.',
    zh: 'BCE with logits 要求目标 y 在 [0, 1] 内（标签或概率），这里有 {count} 个值超出范围，于是损失成了 {value}：二元交叉熵不可能是负数。这些看起来是回归目标：对它们用 MSE 得到 {fixed}。',
  },
  'hint.bce_logits_targets.action': { en: 'Use MSE instead', zh: '改用 MSE' },
  'hint.kl_unnormalised': {
    en: 'KL divergence reads ŷ as log-probabilities, so exp(ŷ) must sum to 1 in each row; here a row sums to {sum}, and the result {value} is not a divergence (it can even be negative). Normalised with log-softmax, KL is {fixed}.',
    zh: 'KL 散度把 ŷ 当作对数概率，所以每一行的 exp(ŷ) 之和必须为 1；这里有一行的和是 {sum}，结果 {value} 并不是散度（甚至可能为负）。用 log-softmax 归一化后，KL 为 {fixed}。',
  },
  'hint.kl_unnormalised.action': { en: 'Normalise ŷ (log-softmax)', zh: '归一化 ŷ（log-softmax）' },
  'hint.mape_zero': {
    en: 'MAPE divides by |y|, and {count|# value|# values} of y {count|is|are} 0: PyTorch-style code divides by a tiny 1e-7 instead, which makes MAPE {value}. Percentage errors have no meaning at y = 0. Without those samples MAPE is {fixed}; MAE does not divide at all.',
    zh: 'MAPE 要除以 |y|，而 y 中有 {count} 个值为 0：按 PyTorch 写法会改为除以极小的 1e-7，于是 MAPE 成了 {value}。在 y = 0 处百分比误差没有意义。去掉这些样本后 MAPE 为 {fixed}；MAE 则完全不做除法。',
  },
  'hint.mape_zero.action': { en: 'Drop the samples where y = 0', zh: '去掉 y = 0 的样本' },
  'hint.mape_zero.mae': { en: 'Use MAE instead', zh: '改用 MAE' },
  'hint.hinge_embedding.action': { en: 'Use the SVM hinge instead', zh: '改用 SVM 铰链损失' },
  'hint.more': { en: '{count|# more hint|# more hints} after this one', zh: '此后还有 {count} 条提示' },
  'hint.dismiss': { en: 'Dismiss this hint', zh: '关闭此提示' },
  'hint.heading': { en: 'Hints', zh: '提示' },
};
