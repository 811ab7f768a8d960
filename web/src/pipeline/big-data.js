/* The data registry: large pastes and opened files, never in a text box
 * or the DOM. A file stays the File (a Blob of bytes, read when needed); a
 * paste stays the string the clipboard gave (making a Blob of 10 MB of text
 * would block the page ~100 ms: the worker encodes it). The state holds a
 * small entry per box ({id, name, size, head, tail}: what the preview
 * shows); the data stay here by id, so they outlive re-renders, a language
 * or a theme switch. */

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

/** Keeps `data` (a Blob of UTF-8, or a string); resolves to the state's entry for it. */
export async function keep(data, name) {
  const id = `d${++next}`;
  blobs.set(id, data);
  if (typeof data === 'string') {
    // Its length: the UTF-8 size for ASCII, the usual case of numbers (a
    // scan for other characters would cost a 10 MB paste tens of ms).
    const size = data.length;
    const tail = data.length > PREVIEW_BYTES * 2 ? rows(data.slice(-PREVIEW_BYTES), true) : [];
    return { id, name: name || null, size, head: rows(data.slice(0, PREVIEW_BYTES), false), tail };
  }
  const head = await data.slice(0, PREVIEW_BYTES).text();
  const tail = data.size > PREVIEW_BYTES ? await data.slice(Math.max(0, data.size - PREVIEW_BYTES)).text() : '';
  return { id, name: name || null, size: data.size, head: rows(head, false), tail: data.size > PREVIEW_BYTES * 2 ? rows(tail, true) : [] };
}

/** The data of `id`: a Blob or a string (null once let go). */
export const dataOf = (id) => blobs.get(id) || null;

/** The data of `id` as a Blob (to download). */
export const blobOf = (id) => {
  const d = blobs.get(id);
  return typeof d === 'string' ? new Blob([d], { type: 'text/plain' }) : d || null;
};

/** The data of `id` as text. */
export async function textOf(id) {
  const d = blobs.get(id);
  return typeof d === 'string' ? d : d.text();
}

/** Forgets the data of `ids` (no box holds them any more). */
export function forget(ids) {
  for (const id of ids) blobs.delete(id);
}
