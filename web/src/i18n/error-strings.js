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

/** Adds the templates the later chunk carries (once: every use of the chunk passes here):
 * the core's errors and why a share link cannot be opened. */
export function addErrorStrings(later) {
  if (added || !later || !later.errorStrings) return;
  addStrings(later.errorStrings);
  if (later.shareStrings) addStrings(later.shareStrings);
  added = true;
}

/** True when a notice is a share link's refusal whose words (the later chunk's) are not here yet. */
export const shareTextsMissing = (notice) => Boolean(notice && notice.message && typeof notice.message.key === 'string'
  && notice.message.key.startsWith('share.') && !has(notice.message.key));
