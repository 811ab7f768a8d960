/* The data registry: large pastes and opened files kept as bytes (a Blob
 * of UTF-8), never in a text box or the DOM. The state holds a small entry
 * per box ({id, name, size, head, tail}: what the preview shows); the
 * bytes stay here by id, so they outlive re-renders, a language or a theme
 * switch. */

/** Above this many characters a paste is kept as data, not as text in the box. */
export const PASTE_LIMIT = 256 * 1024;
/** Largest file or paste kept: 5-6 million numbers; two of them, their
 * copies in the worker and the results stay within a tab's memory. */
export const MAX_BYTES = 64 * 1024 * 1024;

const blobs = new Map();
let next = 0;
const PREVIEW_BYTES = 160;
const PREVIEW_ROWS = 3;

function rows(text, fromEnd) {
  const lines = text.split(/\r\n|\n|\r/);
  // The cut ends of the slice are partial lines: dropped when there are whole ones.
  if (fromEnd) {
    if (lines.length > 1) lines.shift();
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    return lines.slice(-PREVIEW_ROWS).map((l) => l.slice(0, 60));
  }
  if (lines.length > 1) lines.pop();
  return lines.filter((l) => l.trim() !== '').slice(0, PREVIEW_ROWS).map((l) => l.slice(0, 60));
}

/** Keeps `blob` (UTF-8 bytes); resolves to the state's entry for it. */
export async function keep(blob, name) {
  const id = `d${++next}`;
  blobs.set(id, blob);
  const head = await blob.slice(0, PREVIEW_BYTES).text();
  const tail = blob.size > PREVIEW_BYTES ? await blob.slice(Math.max(0, blob.size - PREVIEW_BYTES)).text() : '';
  return { id, name: name || null, size: blob.size, head: rows(head, false), tail: blob.size > PREVIEW_BYTES * 2 ? rows(tail, true) : [] };
}

export const blobOf = (id) => blobs.get(id) || null;

/** Forgets the bytes of every id not in `live`. */
export function keepOnly(live) {
  for (const id of blobs.keys()) if (!live.has(id)) blobs.delete(id);
}

/** The ids the state still refers to. */
export function liveIds(state) {
  const ids = new Set();
  for (const e of Object.values(state.big || {})) if (e) ids.add(e.id);
  return ids;
}

export const hasBig = (state) => Boolean(state.big && Object.values(state.big).some(Boolean));
