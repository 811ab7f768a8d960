/* The JS extras of every loss, from one module per group (see any of them
 * for the fields). extrasFor(name) is how views and compute look them up;
 * a loss the core has and no group lists simply has no extras. */
import { regression } from './regression.js';
import { binary } from './binary.js';
import { multiclass } from './multiclass.js';
import { ranking } from './ranking.js';
import { probabilistic } from './probabilistic.js';

const ALL = Object.assign(Object.create(null), regression, binary, multiclass, ranking, probabilistic);
const NONE = Object.freeze({});

/** {slice?, code?, aliases?, hintFamily?, classIndexTarget?} of loss `name`. */
export function extrasFor(name) {
  return ALL[name] || NONE;
}

/** The loss an alias (mse, ce, kl, ...) names, or undefined. */
export function lossForAlias(alias) {
  for (const [name, x] of Object.entries(ALL)) if (x.aliases && x.aliases.includes(alias)) return name;
  return undefined;
}

/** The names of the losses whose hintFamily is `family`. */
export function lossesInFamily(family) {
  return Object.keys(ALL).filter((name) => ALL[name].hintFamily === family);
}
