/* The fit view's presets: data, the losses that show its lesson, and
 * optimiser settings under which every path reaches its loss's optimum
 * within the steps (tests/js/fit-text.test.js runs each through the fit
 * core and checks it). Visible names: 'fit.preset.<id>' in
 * i18n/strings/fit-text.js. x and y are the boxes' texts.
 *
 * 'heavy' was drawn once, not at run time: y = 1.5 x − 2 plus Student-t
 * noise (1.5 degrees of freedom, scale 0.8; numpy default_rng(20261207)),
 * rounded to two decimals. */
export const FIT_PRESETS = Object.freeze([
  {
    // The note's kind of example: a handful of points near y = 2x + 1.
    id: 'note',
    x: '1 2 3 4 5',
    y: '3.1 4.9 7.2 8.8 11.1',
    losses: ['mse_loss', 'l1_loss', 'huber_loss'],
    options: { huber_loss: { delta: 1 } },
    optimizer: 'adam',
    lr: 0.05,
    steps: 1000,
  },
  {
    // The "Done when": the last y of y = 2x + 1 replaced by 60.
    id: 'outlier',
    x: '1 2 3 4 5 6 7 8 9 10',
    y: '3 5 7 9 11 13 15 17 19 60',
    losses: ['mse_loss', 'l1_loss'],
    // Adam with a small rate: MAE's path, which keeps stepping across its kink, wobbles by
    // about 0.002 in w at the end; MSE's has reached the least-squares line by then.
    optimizer: 'adam',
    lr: 0.08,
    steps: 1000,
  },
  {
    id: 'heavy',
    x: '0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 5.5 6 6.5 7 7.5 8 8.5 9 9.5 10 10.5 11 11.5 12 12.5 13 13.5 14 14.5 15',
    y: '-1.25 -0.26 -0.25 0.81 1.85 2.81 3.02 5.05 5.05 10.36 4.47 6.95 8.70 8.97 8.64 10.37 14.22 18.14 '
      + '12.05 11.92 13.85 13.52 13.99 12.71 20.99 17.99 21.79 18.68 18.41 19.88',
    losses: ['mse_loss', 'l1_loss', 'huber_loss', 'log_cosh'],
    options: { huber_loss: { delta: 1 } },
    optimizer: 'adam',
    lr: 0.1,
    steps: 600,
  },
  {
    // Two classes on a line that overlap at x = 4 and 5, so that BCE has a finite optimum;
    // y as 0 and 1: hinge reads 0 as −1 (said on screen).
    id: 'classes',
    x: '1 2 3 4 5 6 7 8 9 10',
    y: '0 0 0 1 0 1 1 1 1 1',
    losses: ['binary_cross_entropy_with_logits', 'hinge'],
    optimizer: 'adam',
    lr: 0.1,
    steps: 500,
  },
]);

/** The preset with this id, or undefined. */
export function fitPreset(id) {
  return FIT_PRESETS.find((p) => p.id === id);
}
