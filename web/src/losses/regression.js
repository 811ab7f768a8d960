/* Regression losses: what the page adds to the core's registry entry for each
 * (the registry itself, formulas and texts included, is the core's):
 *   slice       how the charts draw it as a curve of one number (views/charts/)
 *   code        its PyTorch lines where torch.nn.functional lacks it
 *   aliases     short names an embed's losses= may use
 *   hintFamily  which learner hints watch it ('hinge' | 'binary')
 *   classIndexTarget  its target may hold class indices (torch.long in the code) */
import { residual, guide } from '../views/charts/slice-kit.js';

export const regression = {
  mse_loss: {
    slice: residual(0),
    aliases: ['mse'],
  },
  rmse: {
    code: {
      computesLoss: true,
      lines: (o, comment) => [...comment('rmseNote'), "loss = torch.sqrt(F.mse_loss(input, target, reduction='mean'))"],
    },
  },
  l1_loss: {
    slice: residual(0),
    aliases: ['mae'],
  },
  huber_loss: {
    slice: residual(0, { guides: guide('delta', 'δ', true) }),
    aliases: ['huber'],
  },
  smooth_l1_loss: {
    slice: residual(0, { guides: guide('beta', 'β', true) }),
    aliases: ['smooth_l1'],
  },
  msle: {
    slice: residual(1, { note: (loss, t) => t('noteMsleY', { loss, y: 1 }) }),
    code: {
      definition: '(log1p(ŷ) - log1p(y))^2',
      lines: () => ['per_element = (torch.log1p(input) - torch.log1p(target)) ** 2'],
    },
  },
  mape: {
    slice: residual(1, { note: (loss, t) => t('noteMsleY', { loss, y: 1 }) }),
    code: {
      definition: '100 |y - ŷ| / max(|y|, 1e-7)',
      lines: () => ['per_element = 100 * torch.abs(target - input) / torch.clamp(torch.abs(target), min=1e-7)'],
    },
  },
  log_cosh: {
    slice: residual(0),
    code: {
      definition: 'log(cosh(ŷ - y))',
      needsMath: true,
      lines: (o, comment) => [
        ...comment('logCosh'),
        'd = input - target',
        'a = torch.abs(d)',
        'small = torch.log1p(2 * torch.sinh(torch.clamp(a, max=1) / 2) ** 2)',
        'large = a + torch.log1p(torch.exp(-2 * a)) - math.log(2)',
        'per_element = torch.where(a < 1, small, large)',
      ],
    },
    aliases: ['logcosh'],
  },
  quantile: {
    slice: residual(0),
    code: {
      definition: 'max(τ d, (τ - 1) d), d = y - ŷ',
      lines: (o) => [
        `tau = ${o('tau')}`,
        'd = target - input',
        'per_element = torch.maximum(tau * d, (tau - 1) * d)',
      ],
    },
  },
};
