/* The core's error templates (strings/errors.js) travel in the later chunk:
 * the first view has no error and the first load no room for them. Until
 * they arrive an error reads in the core's own English (translateError's
 * fallback); errorTextsMissing() tells the page to fetch them and render
 * again. */
import { has, addStrings } from './translate.js';

const missing = (e) => Boolean(e) && typeof e.code === 'string' && !has(`error.${e.code}`);

/** True when a computation shows a core error with no template here yet. */
export function errorTextsMissing(out) {
  if (!out) return false;
  return (out.errors || []).some((x) => x && (missing(x) || missing(x.error)))
    || (out.results || []).some((r) => r && (missing(r.error) || missing(r.failure)));
}

let added = false;

/** Adds the templates the later chunk carries (once: every use of the chunk passes here). */
export function addErrorStrings(later) {
  if (added || !later || !later.errorStrings) return;
  addStrings(later.errorStrings);
  added = true;
}
