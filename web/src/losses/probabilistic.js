/* Probabilistic losses: what the page adds to the core's registry entry for each
 * (the registry itself, formulas and texts included, is the core's):
 *   slice       how the charts draw it as a curve of one number (views/charts/)
 *   code        its PyTorch lines where torch.nn.functional lacks it
 *   aliases     short names an embed's losses= may use
 *   hintFamily  which learner hints watch it ('hinge' | 'binary')
 *   classIndexTarget  its target may hold class indices (torch.long in the code) */
import { elementX, consts, mapX, yEqualsOne } from '../views/charts/slice-kit.js';

export const probabilistic = {
  poisson_nll_loss: {
    slice: {
      kind: 'input',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((p) => p),
      note: (loss, t) => t('noteFixedY', { loss, y: 1 }),
    },
    aliases: ['poisson_nll'],
  },
  gaussian_nll_loss: {
    slice: {
      kind: 'residual',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 0), var: consts(xs.length, 1) }), tag: (t) => t('tagVar') }],
      sampleX: elementX((p, v) => p - v),
      note: (loss, t) => t('noteGaussian', { loss }),
    },
    aliases: ['gaussian_nll'],
  },
  kl_div: {
    slice: {
      kind: 'probability',
      curves: [{ args: (ps, o) => ({ input: mapX(ps, Math.log), target: consts(ps.length, o.log_target ? 0 : 1) }), tag: (t) => t('tagTarget1') }],
      sampleX: elementX((logp) => Math.exp(logp)),
      gradTag: (t) => t('tagLogP'),
      note: (loss, t) => t('noteKl', { loss }),
    },
    aliases: ['kl'],
  },
  poisson: {
    slice: {
      kind: 'input',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((p) => p),
      note: (loss, t) => t('noteFixedY', { loss, y: 1 }),
    },
    code: {
      definition: 'ŷ - y log(ŷ + 1e-7)',
      lines: () => ['per_element = input - target * torch.log(input + 1e-7)'],
    },
  },
};
