/* The readers of input/extensions.js, with their strings: bundled into
 * lossplay-later.js for the page (which installs them into its own copy of
 * the slot) and imported directly by the worker and the tests. */
import { unwrapLiteral, pythonList } from './literal.js';
import { locateJsonError } from './json-errors.js';
import { commaStyle, withCommas, commaExample } from './commas.js';
import { pairMessage } from '../compute/pair-errors.js';
import { pairTable } from './table-pairing.js';
import { inputMoreStrings } from '../i18n/strings/input-more.js';
import { addStrings } from '../i18n/translate.js';
import { installReaders } from './extensions.js';

addStrings(inputMoreStrings); // this bundle's own translator: ReadError's English message

export const readers = { unwrapLiteral, pythonList, locateJsonError, commaStyle, withCommas, commaExample, pairMessage, pairTable };
export { inputMoreStrings };

/** Installs the readers in this bundle's slot (the worker, the tests). */
export function installHere() {
  installReaders(readers);
}
