/* Python and PyTorch literals (no DOM): torch.tensor([...], dtype=...),
 * tensor(...), np.array(...), lists with trailing commas and "1." numbers,
 * tuples. Each is turned into text the JSON or number reader takes, one
 * character for one, so every error still points at the user's text. In
 * the lazily loaded chunk: read.js asks for it when a text starts with a
 * letter or "(" (input/extensions.js). */
import { ReadError } from './read.js';
import { position, shown } from './positions.js';

const firstNonBlank = (text, from) => {
  const re = /\S/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
};

// Python list forms JSON refuses, mapped one character to one so positions
// hold: a trailing comma before "]" and a number ending in a point ("1.").
// Only tried when JSON.parse failed.
export function pythonList(ascii) {
  return ascii.replace(/[()]/g, (c) => (c === '(' ? '[' : ']')).replace(/,(\s*\])/g, ' $1').replace(/(\d)\.(?=[\s,\]])/g, '$1 ');
}


// torch.tensor(, tensor(, np.array(, numpy.asarray(, torch.FloatTensor( ...
export const LITERAL_CALL = /^(?:(?:torch|np|numpy)\s*\.\s*)?(?:tensor|Tensor|as_tensor|from_numpy|array|asarray|FloatTensor|DoubleTensor|LongTensor)\s*\(/;
// What may follow the list: keyword arguments (dtype=torch.float32,
// requires_grad=True, device=torch.device('cuda', 0), grad_fn=<...>), each
// ignored. Checked argument by argument (no pattern that could backtrack
// over a long tail).
const KEYWORD = /^\s*[A-Za-z_]\w*\s*=\s*[^=[\]\s][^=[\]]*$/;
function keywordsOnly(tail) {
  const parts = tail.split(',');
  if (parts[0].trim() !== '') return false;
  const args = [];
  for (let i = 1; i < parts.length; i++) {
    const last = args.length - 1;
    const open = last >= 0 && (args[last].split('(').length > args[last].split(')').length);
    if (open) args[last] += `,${parts[i]}`; // a comma inside torch.device('cuda', 0)
    else args.push(parts[i]);
  }
  if (args.length && args[args.length - 1].trim() === '') args.pop(); // a trailing comma
  return args.every((a) => KEYWORD.test(a));
}

// Spaces in place of `s`, its line breaks kept (so error lines stay right).
const blank = (s) => s.replace(/[^\r\n]/g, ' ');

function lastNonBlank(text) {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function literalError(text, at, code, params) {
  const p = position(text, at);
  const word = at >= text.length ? '' : shown((/^[^\s,()[\]]+/.exec(text.slice(at, at + 64)) || [text[at]])[0]);
  return new ReadError(code, p.line, p.column, word, params || {});
}

/**
 * A Python or PyTorch literal starting at `start` as the text the readers
 * take, every position unchanged: `torch.tensor(` and what follows the
 * list (`, dtype=torch.float32)`) become spaces, tuple parentheses become
 * brackets. Only the prefix and the suffix are looked at (and, for
 * parentheses inside, one native search), so 10 MB cost no second pass of
 * ours. Returns null when the text is no literal.
 */
export function unwrapLiteral(text, start) {
  const call = LITERAL_CALL.exec(text.slice(start, start + 64));
  const tuple = !call && text[start] === '(';
  if (!call && !tuple) return null;
  const end = lastNonBlank(text);
  const open = tuple ? start : start + call[0].length - 1;
  if (text[end] !== ')') {
    const p = position(text, open);
    throw literalError(text, end + 1, 'literal_unclosed', { open_line: p.line, open_column: p.column });
  }
  if (tuple) return text.replace(/[()]/g, (c) => (c === '(' ? '[' : ']'));
  const first = firstNonBlank(text, open + 1);
  let bodyEnd;
  if (text[first] === '[') bodyEnd = text.lastIndexOf(']', end) + 1; // keyword arguments hold no "]"
  else if (text[first] === '(') {
    // A tuple inside the call (rare; lists take the cheap path above): its matching ")".
    let depth = 0;
    for (bodyEnd = first; bodyEnd < end; bodyEnd++) {
      const c = text[bodyEnd];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    bodyEnd += 1;
  }
  else {
    const comma = text.indexOf(',', first);
    bodyEnd = comma >= 0 && comma < end ? comma : end; // a single number: tensor(2.5, dtype=...)
  }
  const tail = text.slice(bodyEnd, end);
  // Keyword arguments are short: a long tail is refused before the pattern runs over it.
  if (tail.length > 4096 || !keywordsOnly(tail)) {
    let at = firstNonBlank(text, bodyEnd);
    if (text[at] === ',') at = firstNonBlank(text, at + 1); // the argument, not its comma
    throw literalError(text, at, 'literal_argument');
  }
  let body = text.slice(open + 1, bodyEnd);
  if (body.includes('(')) body = body.replace(/[()]/g, (c) => (c === '(' ? '[' : ']')); // tuples inside the list
  return text.slice(0, start) + blank(text.slice(start, open + 1)) + body + blank(tail) + ' ' + text.slice(end + 1);
}
