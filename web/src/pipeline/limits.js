/* What the first load needs to know of large data (no DOM): when a paste
 * is kept as data rather than text, the largest kept, and which ids the
 * state refers to. The rest (the registry, the preview, the pipeline) is
 * in the data chunk, loaded when large data come (pipeline/load.js). */

/** Above this many characters (some 3,000 numbers) a paste is kept as
 * data, not as text in the box: 10,000 numbers (88 KB) in the box held the
 * page 1.1 s; kept as data they reached the result in 30 ms. */
export const PASTE_LIMIT = 32 * 1024;
/** Above this many bytes an opened file is kept as data: a box of 64 KB
 * already costs the browser a long layout, and a file is rarely edited. */
export const FILE_LIMIT = 64 * 1024;
/** Largest file or paste kept: 5-6 million numbers; two of them, their
 * copies in the worker and the results stay within a tab's memory. */
export const MAX_BYTES = 64 * 1024 * 1024;

/** The ids the state still refers to. */
export function liveIds(state) {
  const ids = new Set();
  for (const e of Object.values(state.big || {})) if (e) ids.add(e.id);
  return ids;
}

export const hasBig = (state) => Boolean(state.big && Object.values(state.big).some(Boolean));
