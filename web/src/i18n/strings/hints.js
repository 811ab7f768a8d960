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
    en: 'MSLE takes log(1 + value), so every value must be greater than −1; {count} of them are not. MSLE suits positive targets that span orders of magnitude, such as prices or counts.',
    zh: 'MSLE 计算 log(1 + 值)，所以每个值都必须大于 −1；这里有 {count} 个不满足。MSLE 适合跨越多个数量级的正数目标，比如价格或计数。',
  },
  'hint.bce_range': {
    en: 'BCE takes probabilities in [0, 1], and {count} values of ŷ are outside: they look like raw scores (logits). BCE with logits applies the sigmoid itself and gives {fixed} on them.',
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
  'hint.dismiss': { en: 'Dismiss this hint', zh: '关闭此提示' },
  'hint.heading': { en: 'Hints', zh: '提示' },
};
