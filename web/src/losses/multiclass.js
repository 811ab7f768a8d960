/* Multiclass classification losses: what the page adds to the core's registry entry for each
 * (the registry itself, formulas and texts included, is the core's):
 *   slice       how the charts draw it as a curve of one number (views/charts/)
 *   code        its PyTorch lines where torch.nn.functional lacks it
 *   aliases     short names an embed's losses= may use
 *   hintFamily  which learner hints watch it ('hinge' | 'binary')
 *   classIndexTarget  its target may hold class indices (torch.long in the code) */
import { elementX, rowX, consts, logit, sigmoid, rowsOf, guide, probabilityOf, softmaxAt, scoreMargin } from '../views/charts/slice-kit.js';

export const multiclass = {
  cross_entropy: {
    slice: {
      kind: 'probability',
      curves: [{
        args: (ps) => ({ input: rowsOf(ps, 2, (p) => [logit(p), 0]), target: consts(ps.length, 0) }),
        stride: 2,
      }],
      sampleX: rowX(softmaxAt),
      gradTag: (t) => t('tagLogit'),
      note: (loss, t) => t('noteTwoClasses', { loss }),
    },
    aliases: ['ce'],
    classIndexTarget: true,
  },
  nll_loss: {
    slice: {
      kind: 'probability',
      curves: [{
        args: (ps) => ({ input: rowsOf(ps, 2, (p) => [Math.log(p), Math.log1p(-p)]), target: consts(ps.length, 0) }),
        stride: 2,
      }],
      sampleX: rowX((row, k) => Math.exp(row[k])),
      gradTag: (t) => t('tagLogP'),
      note: (loss, t) => t('noteTwoClasses', { loss }),
    },
    aliases: ['nll'],
    classIndexTarget: true,
  },
  multi_margin_loss: {
    slice: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input: rowsOf(ms, 2, (m) => [m, 0]), target: consts(ms.length, 0) }), stride: 2, tag: (t) => t('tagTwoClasses') }],
      sampleX: rowX(scoreMargin),
      guides: guide('margin', 'm'),
      note: (loss, t) => t('noteTwoClassMargin', { loss }),
    },
    aliases: ['multi_margin'],
    classIndexTarget: true,
  },
  multilabel_soft_margin_loss: {
    slice: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: rowsOf(ps, 1, (p) => [logit(p)]), target: rowsOf(ps, 1, () => [1]) }) }],
      sampleX: (model) => (model.prediction && model.prediction.shape.length === 2 && model.prediction.shape[1] === 1
        ? elementX((z, v) => probabilityOf(sigmoid(z), v))(model) : null),
      gradTag: (t) => t('tagLogit'),
      note: (loss, t) => t('noteLogits', { loss }),
    },
    aliases: ['multilabel'],
  },
  categorical_hinge: {
    slice: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input: rowsOf(ms, 2, (m) => [m, 0]), target: rowsOf(ms, 2, () => [1, 0]) }), stride: 2 }],
      sampleX: rowX(scoreMargin),
      note: (loss, t) => t('noteTwoClassMargin', { loss }),
    },
    code: {
      definition: 'max(0, max_j((1 - y_j) ŷ_j) - Σ_j y_j ŷ_j + 1)',
      lines: () => [
        'neg = ((1 - target) * input).amax(dim=-1)  # the best wrong score',
        'pos = (target * input).sum(dim=-1)  # the true score',
        'per_element = torch.clamp(neg - pos + 1, min=0)  # one loss per row',
      ],
    },
  },
};
