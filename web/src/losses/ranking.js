/* Ranking and embedding losses: what the page adds to the core's registry entry for each
 * (the registry itself, formulas and texts included, is the core's):
 *   slice       how the charts draw it as a curve of one number (views/charts/)
 *   code        its PyTorch lines where torch.nn.functional lacks it
 *   aliases     short names an embed's losses= may use
 *   hintFamily  which learner hints watch it ('hinge' | 'binary')
 *   classIndexTarget  its target may hold class indices (torch.long in the code) */
import { consts, rowsOf, guide } from '../views/charts/slice-kit.js';

export const ranking = {
  margin_ranking_loss: {
    slice: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input1: ms, input2: consts(ms.length, 0), target: consts(ms.length, 1) }) }],
      sampleX: (model, entry) => {
        const given = entry.args && entry.args.input2;
        const x2 = given && (given.data || given);
        const x1 = model.prediction && model.prediction.data;
        const y = model.target && model.target.data;
        if (!x2 || !x1 || !y || x1.length !== y.length || x2.length !== x1.length) return null;
        return Float64Array.from(x1, (v, i) => y[i] * (v - x2[i]));
      },
      gradTag: (t) => t('tagX1'),
      guides: guide('margin', 'm'),
      note: (loss, t) => t('noteRanking', { loss }),
    },
    aliases: ['margin_ranking'],
  },
  cosine_embedding_loss: {
    slice: {
      kind: 'cosine',
      curves: [1, -1].map((y) => ({
        args: (cs) => ({
          input1: rowsOf(cs, 2, (c) => [c, Math.sqrt(Math.max(0, 1 - c * c))]),
          input2: rowsOf(cs, 2, () => [1, 0]),
          target: consts(cs.length, y),
        }),
        tag: (t) => t('tagY', { y: y > 0 ? '1' : '−1' }),
        dash: y < 0,
      })),
      noGrad: true,
      guides: guide('margin', 'm'),
      note: (loss, t) => t('noteNoGrad', { loss }),
    },
    aliases: ['cosine'],
  },
  triplet_margin_loss: {
    slice: {
      kind: 'margin',
      // Anchor at 0, positive and negative on its left, (c ∓ x/2) away: the
      // gap d(a, n) − d(a, p) is x while both distances stay positive.
      curves: [{
        args: (xs) => {
          const c = Math.max(2, Math.max(...Array.from(xs, Math.abs)) / 2 + 1);
          return {
            anchor: rowsOf(xs, 1, () => [0]),
            positive: rowsOf(xs, 1, (x) => [-(c - x / 2)]),
            negative: rowsOf(xs, 1, (x) => [-(c + x / 2)]),
          };
        },
      }],
      noGrad: true,
      guides: guide('margin', 'm'),
      note: (loss, t) => t('noteTriplet', { loss }),
    },
    aliases: ['triplet'],
  },
};
