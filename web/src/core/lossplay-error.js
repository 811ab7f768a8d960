/* LossPlayError: every failure of the API, with a stable `code` (a string)
 * and its `params` (an object) besides the English `message`. The page
 * translates by code (i18n/translate.js); the message is for logs and for
 * API users who read English. */

export class LossPlayError extends Error {
  /** failure: {kind, code, params, message, line?, column?, token?} as the core returns it. */
  constructor(failure) {
    super(failure.message);
    this.name = 'LossPlayError';
    this.kind = failure.kind; // 'parse' | 'input' | 'internal'
    this.code = typeof failure.code === 'string' && failure.code ? failure.code : 'unspecified';
    const params = failure.params && typeof failure.params === 'object' ? Object.assign({}, failure.params) : {};
    if (failure.kind === 'parse') {
      // Where the text went wrong, for the page's "Show me" button.
      this.line = failure.line;
      this.column = failure.column;
      this.token = failure.token;
      for (const k of ['line', 'column', 'token']) if (!(k in params) && failure[k] !== undefined) params[k] = failure[k];
    }
    this.params = params;
  }
}

/** A failure of the facade's own checks (English message, code, params). */
export function apiError(code, params, message) {
  return new LossPlayError({ kind: 'input', code, params, message });
}
