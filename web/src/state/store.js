/* The state store: ONE object holds the whole view (see initialState), user
 * actions are patches to it, and views render from it. update(patch, how)
 * merges the patch's top-level keys; subscribers hear once per batch of
 * patches (a microtask later) with the set of keys that changed and how
 * soon the batch wants its results: 'typing' (after a pause), 'frame' (a
 * slider drag: the next frame) or 'now' (anything else, the default). */

/** The view before anything is read from a link, an embed or a preset. */
export function initialState(lang) {
  return {
    lang: lang || 'en', // 'en' | 'zh'
    theme: 'auto', // 'auto' | 'light' | 'dark'
    digits: 'sig', // the results' numbers: 'sig' (six significant digits) | 'fixed' (the note's six decimals)
    reduction: 'mean',
    losses: [], // selected loss names, in registry order
    options: {}, // {loss: {option: text (number boxes) or boolean}}; missing = the registry's default
    texts: { predictions: '', targets: '' },
    big: {}, // {predictions, targets}: large data kept as bytes ({id, name, size, head, tail}; pipeline/big-data.js), in place of the text
    extra: {}, // {'loss:arg': text} for the arguments beyond ŷ and y
    columns: null, // {prediction, target}: the chosen columns of a pasted table
    split: null, // null | 'predictions' | 'targets' (a table pasted there gives ŷ and y) | 'off' (never split)
    commas: {}, // {predictions, targets}: null | 'decimal' | 'thousands', how that box's commas are read
    edited: null, // the data box typed in last: where 'ŷ and y do not fit' is said
    outlier: { on: false, residual: '10' },
    logScale: false, // the loss curves on a log axis
    embed: false,
    panels: null, // in an embed: the panels shown
    dismissed: [], // hint ids the user closed
    notice: null, // {key, params, alert} or {text, alert}: the message about links
    view: 'scores', // 'scores' | 'fit': the tab shown
    fit: null, // the fit lab's state (fit/view.js; the interfaces of issue 11), null until it is opened
  };
}

export function createStore(initial) {
  let state = Object.freeze(Object.assign({}, initial));
  const subscribers = [];
  let changed = null;
  let pace = null;
  const PACES = ['typing', 'frame', 'now']; // a batch goes at its most urgent patch's pace

  function flush() {
    const keys = changed;
    const how = pace;
    changed = null;
    pace = null;
    for (const fn of subscribers.slice()) {
      try {
        fn(state, keys, how);
      } catch (e) {
        console.error(e); // one broken view must not stop the others
      }
    }
  }

  return {
    get: () => state,
    /** Merges `patch` (or patch(state)) into the state; notifies once per batch. */
    update(patch, how = 'now') {
      const p = typeof patch === 'function' ? patch(state) : patch;
      if (!p) return;
      const next = Object.assign({}, state);
      let any = false;
      for (const [k, v] of Object.entries(p)) {
        if (next[k] === v) continue;
        next[k] = v;
        any = true;
        if (!changed) {
          changed = new Set();
          queueMicrotask(flush);
        }
        changed.add(k);
      }
      if (any) {
        state = Object.freeze(next);
        if (!pace || PACES.indexOf(how) > PACES.indexOf(pace)) pace = PACES.includes(how) ? how : 'now';
      }
    },
    /** Calls fn(state, changedKeys, how) after each batch; returns an unsubscribe. */
    subscribe(fn) {
      subscribers.push(fn);
      return () => {
        const i = subscribers.indexOf(fn);
        if (i >= 0) subscribers.splice(i, 1);
      };
    },
  };
}
