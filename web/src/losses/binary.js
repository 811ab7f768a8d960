/* Binary classification losses: what the page adds to the core's registry entry for each
 * (the registry itself, formulas and texts included, is the core's):
 *   slice       how the charts draw it as a curve of one number (views/charts/)
 *   code        its PyTorch lines where torch.nn.functional lacks it
 *   aliases     short names an embed's losses= may use
 *   hintFamily  which learner hints watch it ('hinge' | 'binary')
 *   classIndexTarget  its target may hold class indices (torch.long in the code) */
import { elementX, consts, mapX, logit, sigmoid, guide, probabilityOf, yEqualsOne } from '../views/charts/slice-kit.js';

export const binary = {
  binary_cross_entropy: {
    slice: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: ps, target: consts(ps.length, 1) }) }],
      sampleX: elementX(probabilityOf),
      note: (loss, t) => t('noteBce', { loss }),
    },
    aliases: ['bce'],
    hintFamily: 'binary',
  },
  binary_cross_entropy_with_logits: {
    slice: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: mapX(ps, logit), target: consts(ps.length, 1) }) }],
      sampleX: elementX((z, v) => probabilityOf(sigmoid(z), v)),
      gradTag: (t) => t('tagLogit'),
      note: (loss, t) => t('noteLogits', { loss }),
    },
    aliases: ['bce_logits'],
    hintFamily: 'binary',
  },
  sigmoid_focal_loss: {
    slice: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: mapX(ps, logit), target: consts(ps.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((z, v) => probabilityOf(sigmoid(z), v)),
      gradTag: (t) => t('tagLogit'),
      note: (loss, t) => t('noteLogits', { loss }),
    },
    code: {
      definition: '',
      lines: (o, comment) => [
        ...comment('focal'),
        `alpha = ${o('alpha')}`,
        `gamma = ${o('gamma')}`,
        'p = torch.sigmoid(input)',
        "ce_loss = F.binary_cross_entropy_with_logits(input, target, reduction='none')",
        'p_t = p * target + (1 - p) * (1 - target)',
        'per_element = ce_loss * ((1 - p_t) ** gamma)',
        'if alpha >= 0:',
        '    alpha_t = alpha * target + (1 - alpha) * (1 - target)',
        '    per_element = alpha_t * per_element',
      ],
    },
    aliases: ['focal'],
    hintFamily: 'binary',
  },
  hinge: {
    slice: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v), guides: guide('margin', 'm') },
    code: {
      definition: 'max(0, margin - y ŷ)',
      lines: (o) => [`margin = ${o('margin')}`, 'per_element = torch.clamp(margin - target * input, min=0)'],
    },
    hintFamily: 'hinge',
  },
  squared_hinge: {
    slice: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v), guides: guide('margin', 'm') },
    code: {
      definition: 'max(0, margin - y ŷ)^2',
      lines: (o) => [`margin = ${o('margin')}`, 'per_element = torch.clamp(margin - target * input, min=0) ** 2'],
    },
    hintFamily: 'hinge',
  },
  soft_margin_loss: {
    slice: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v) },
    aliases: ['soft_margin'],
    hintFamily: 'hinge',
  },
  hinge_embedding_loss: {
    slice: {
      kind: 'input',
      curves: [
        { args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: (t) => t('tagY', { y: 1 }) },
        { args: (xs) => ({ input: xs, target: consts(xs.length, -1) }), tag: (t) => t('tagY', { y: '−1' }), dash: true },
      ],
      sampleX: elementX((p) => p),
      guides: guide('margin', 'm'),
    },
    aliases: ['hinge_embedding'],
    hintFamily: 'hinge',
  },
};
