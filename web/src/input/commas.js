/* Commas that may not be separators (no DOM): `1,5 3,5` (decimal commas,
 * as much of Europe writes) and `1,000 2,000` (thousands separators). The
 * box is still read with commas as separators (what lp.parse does); the
 * page warns and offers the other reading, kept as an option in the state
 * (state.commas[box]), never by changing the user's text.
 *
 * Decided (looking at the first 64 KB only, so 10 MB cost the same):
 *   - Tokens are what lies between spaces, tabs, semicolons and line breaks.
 *     At least two tokens, at least one with a comma, every token a number
 *     once its commas are read one of the ways below; no JSON or literal.
 *   - Thousands: every comma token is 1-3 digits (not starting with 0)
 *     then groups of exactly three digits, e.g. 1,000 or 12,345,678.5.
 *     So `1,500 2,250` is offered as 1500, 2250 (the English reading).
 *   - Decimal: every comma token has exactly one comma between digits and
 *     no token has a point, e.g. 1,5 or 0,125. `1,5,3` (two commas) is a
 *     list of three numbers: no warning.
 *   - A text with one token per line (`1,5` newline `3,5`) is a two-column
 *     CSV, so decimal commas are only offered when a line holds several
 *     tokens (`1,5 3,5`, `1,5;3,5`, tab-separated spreadsheet cells). */

const HEAD = 65536;
const TOKEN_SPLIT = /[ \t\v\f;\u00a0\u3000\uff1b\r\n]+/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^[+-]?\d+,\d+$/;

/** 'decimal' | 'thousands' | null: what the commas of `text` may mean. */
export function commaStyle(text) {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const start = head.search(/\S/);
  if (start < 0 || !/[0-9+\-.]/.test(head[start]) || !head.includes(',')) return null;
  const lines = head.split(/\r\n|\r|\n/);
  if (text.length > HEAD) lines.pop(); // the last one may be cut
  const tokens = [];
  let manyOnALine = false;
  for (const line of lines) {
    const mine = line.split(TOKEN_SPLIT).filter((s) => s !== '');
    if (mine.length > 1) manyOnALine = true;
    for (const s of mine) tokens.push(s);
  }
  if (tokens.length < 2) return null;
  const commas = tokens.filter((s) => s.includes(','));
  if (!commas.length || !tokens.every((s) => s.includes(',') || PLAIN.test(s))) return null;
  if (commas.every((s) => THOUSANDS.test(s))) return 'thousands';
  if (manyOnALine && commas.every((s) => DECIMAL.test(s)) && !tokens.some((s) => s.includes('.'))) return 'decimal';
  return null;
}

/** `text` with its commas read as `style`: a decimal comma becomes a point
 * (same length, so error positions stay right); a thousands comma goes. */
export function withCommas(text, style) {
  if (style === 'decimal') return text.replace(/(\d),(?=\d)/g, '$1.');
  if (style === 'thousands') return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return text;
}

/** The first two numbers as they read the other way (for the button's label). */
export function commaExample(text, style) {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  const tokens = head.split(TOKEN_SPLIT).filter((s) => s !== '').slice(0, 2);
  return tokens.map((s) => Number(withCommas(s, style)));
}
