/* Which losses the learner hints watch, and the families hints fall in: the
 * small part of the hints the first load carries. The finder itself
 * (compute/hints.js) comes with the later chunk, or in the data chunk's
 * worker, and only when a watched loss is selected. */
import { lossesInFamily } from '../losses/index.js';

/** The losses a hint may be about: with none of them selected there is no hint to find. */
export const WATCHED = new Set([
  'cross_entropy', 'binary_cross_entropy', 'binary_cross_entropy_with_logits', 'kl_div', 'mape', 'msle',
  'hinge_embedding_loss', ...lossesInFamily('hinge'), ...lossesInFamily('binary'),
]);

/**
 * The family of each hint (by id): the view shows one hint per family at a
 * time. 'inputs': what ŷ should hold; 'targets': how y is read (labels, the
 * hinge losses' −1/+1, swapped boxes); 'domain': values a loss cannot take.
 */
export const FAMILY = {
  ce_probabilities: 'inputs', bce_range: 'inputs', bce_hard: 'inputs', kl_unnormalised: 'inputs',
  bce_logits_targets: 'targets', hinge_01: 'targets', swapped: 'targets', mape_zero: 'targets', hinge_embedding: 'targets',
  msle_domain: 'domain',
};
export const familyOf = (id) => FAMILY[String(id).split(':')[0]] || id;
