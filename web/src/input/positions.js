/* Where in the pasted text (error paths only): 1-based line and column of
 * an offset, as the core's parser counts them, and tokens cut as it cuts
 * them. */

// 1-based line and column (in code points) of UTF-16 offset `index`;
// \n, \r\n and \r each end a line, as in the core's parser.
export function position(text, index) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++; // a low surrogate is not a new code point
  }
  return { line, column };
}

// Long tokens are cut at 32 code points, as the core does.
export function shown(token) {
  const points = Array.from(token);
  return points.length > 32 ? points.slice(0, 32).join('') + '…' : token;
}
