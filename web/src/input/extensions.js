/* The slot for the readers the first view never needs (Python literals,
 * JSON error positions, comma readings, a table split into ŷ and y, the
 * plain "ŷ and y do not fit" message): input/more.js, in the lazily loaded chunk on the page and
 * imported at once by the worker and the tests. Until it is installed a
 * reader that needs it throws NeedsMore; compute() then says so
 * (out.needsMore) and the page loads the chunk and computes again. */

let more = null;

/** The installed readers ({unwrapLiteral, pythonList, locateJsonError, commaStyle, withCommas, commaExample, pairMessage, pairTable}) or null. */
export const readersMore = () => more;

export function installReaders(readers) {
  more = readers;
}

export class NeedsMore extends Error {
  constructor() {
    super('lossplay: this text needs the readers of the lazily loaded chunk');
    this.name = 'NeedsMore';
  }
}

/** The readers, or a NeedsMore thrown. */
export function needMore() {
  if (!more) throw new NeedsMore();
  return more;
}
