/* The fit lab's panel: the data (x and y boxes, presets, a file) and, beside
 * them, the results table, the losses with their options and the optimiser;
 * below, the fitted lines with the path's player, one loss landscape per
 * loss and the PyTorch code (the views of CHARTS and CODE, mounted here).
 * Everything it shows comes from state.fit in the page's one store: every
 * control is a patch to it, and a change reads the boxes on the page
 * (compute-fit.js's readFitData, the loss core's reader) and fits in the
 * worker (worker-client.js), a newer change making the older run stale.
 * User text stays data: textContent and values only. */
import { el, uid } from '../views/dom.js';
import { translator } from '../i18n/translate.js';
import { fileText } from '../input/file-text.js';
import { readData } from '../input/read.js';
import { readFitData, gridSize, GRID } from './compute-fit.js';
import { createFitRunner } from './worker-client.js';
import { FIT_KINDS } from './labels.js';
import { FIT_PRESETS } from './presets.js';
import { describeShift } from './sentence.js';
import * as linesView from './views/lines.js';
import * as landscapeView from './views/landscape.js';
import * as playerView from './views/player.js';
import * as tableView from './views/results-table.js';
import * as codeView from './views/code-view.js';
import shellCss from './css/shell.css';
// The fit worker's bundle as a string (scripts/bundle.js), started from a Blob URL.
import fitWorkerCode from 'lossplay-fit-worker-code';

const TYPING_MS = 150;
const DEFAULT_PRESET = 'outlier'; // the lesson of the issue: one outlier, MSE against MAE
const MAX_STEPS = 10000;
// The options' symbols beside their loss (the registry names them in words).
const SYMBOLS = { delta: 'δ', tau: 'τ', beta: 'β', alpha: 'α', gamma: 'γ', margin: 'm' };

// Each view's stylesheet, once per document or shadow root (constructed sheets: no <style>, so a
// strict style-src of the host page is not involved).
const styled = new WeakSet();
function addStyles(root, texts) {
  if (styled.has(root)) return;
  styled.add(root);
  const sheets = [...new Set(texts.filter(Boolean))].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}

/** A fit state from a preset (the losses it names that the page has). */
export function presetFit(preset, lp) {
  const known = new Set(lp.losses.map((l) => l.name));
  return {
    x: preset.x, y: preset.y,
    losses: preset.losses.filter((n) => known.has(n) && FIT_KINDS[n]),
    options: JSON.parse(JSON.stringify(preset.options || {})),
    optimizer: preset.optimizer || 'gd', lr: preset.lr || 0.01, steps: preset.steps || 200,
    start: [0, 0], moved: null, preset: preset.id,
  };
}

// The number typed in a box, or null when it is not one.
function numberIn(text) {
  const s = String(text).trim();
  const v = Number(s);
  return s !== '' && Number.isFinite(v) ? v : null;
}

/**
 * Mounts the fit lab into `panel`. where: {root (document or shadow root),
 * panel, store, lp, base (the site's folder), embed, colors (compute.js's
 * COLORS: a loss has the same colour in both views)}. Returns {destroy}.
 */
export function mountFit({ root, panel, store, lp, base, embed, colors }) {
  addStyles(root, [shellCss, linesView.css, landscapeView.css, playerView.css, tableView.css, codeView.css]);
  let cur = translator(store.get().lang);
  // The views keep this translator: it follows the page's language.
  const tr = {
    get lang() { return cur.lang; },
    t: (key, params) => cur.t(key, params),
    error: (e) => cur.error(e),
    pick: (item, field) => cur.pick(item, field),
    shortName: (loss) => cur.shortName(loss),
  };
  const runner = createFitRunner(base, fitWorkerCode);
  const fitLosses = lp.losses.filter((l) => FIT_KINDS[l.name]);
  const colorOf = (name) => colors[lp.losses.findIndex((l) => l.name === name) % colors.length];
  const texts = []; // [node, key, params?]: re-worded on a language change
  const say = (node, key, params) => {
    texts.push([node, key, params]);
    node.textContent = tr.t(key, params);
    return node;
  };

  // ---- the data ----
  const presetRow = el('div', { class: 'fit-presets', role: 'group' });
  const presetsLabel = say(el('span', { class: 'fit-presets-label', id: uid('fit-presets') }), 'fit.presets');
  presetRow.setAttribute('aria-labelledby', presetsLabel.id);
  presetRow.append(presetsLabel);
  for (const preset of FIT_PRESETS) {
    const b = say(el('button', { type: 'button', class: 'control-button', 'data-preset': preset.id }), `fit.preset.${preset.id}`);
    b.addEventListener('click', () => {
      before = null;
      store.update({ fit: presetFit(preset, lp) });
    });
    presetRow.append(b);
  }
  const box = (name) => {
    const id = uid(`fit-${name}`);
    const label = say(el('label', { for: id }), `fit.${name}`);
    const area = el('textarea', { id, rows: 3, spellcheck: 'false', autocomplete: 'off', class: 'fit-box' });
    const error = el('p', { class: 'fit-error', id: `${id}-error`, role: 'alert' });
    const info = el('p', { class: 'fit-info', id: `${id}-info` });
    area.setAttribute('aria-describedby', `${id}-info ${id}-error`);
    area.addEventListener('input', (event) => {
      before = null; // new data: the lesson starts again
      // A paste names its box: a table pasted there gives x and y, the other box's text set aside.
      const pasted = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
      store.update((s) => ({ fit: Object.assign({}, s.fit, { [name]: area.value, moved: null, preset: null }, pasted ? { split: name } : {}) }), 'typing');
    });
    return { area, error, info, field: el('div', { class: 'fit-field' }, label, area, info, error) };
  };
  const xBox = box('x');
  const yBox = box('y');
  const fileId = uid('fit-file');
  const fileInput = el('input', { type: 'file', id: fileId, class: 'fit-file-input', accept: '.csv,.tsv,.txt,.json,.dat,text/plain,text/csv' });
  const fileLabel = say(el('label', { for: fileId, class: 'control-button fit-file-button' }), 'fit.openFile');
  const fileStatus = el('p', { class: 'fit-file-status', role: 'status' });
  let fileSaid = null;
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    try {
      const text = await fileText(file);
      // The file goes into x: a two-column table there gives x and y (y's own text is set aside, kept).
      before = null;
      fileSaid = { key: 'fit.fileRead', name: file.name };
      store.update((s) => ({ fit: Object.assign({}, s.fit, { x: text, split: 'x', moved: null, preset: null }) }));
    } catch (e) {
      fileSaid = { key: 'fit.fileFailed', name: file.name, error: e };
      showFile();
    }
    fileInput.value = '';
  });
  const pairError = el('p', { class: 'fit-error', role: 'alert' });
  const tableNote = el('p', { class: 'fit-info' });
  const dataHint = say(el('p', { class: 'hint' }), 'fit.dataHint');
  const dataCard = el('section', { class: 'card fit-data' },
    say(el('h2', { class: 'card-title' }), 'fit.data'), presetRow,
    el('div', { class: 'fit-boxes' }, xBox.field, yBox.field), pairError, tableNote, dataHint,
    el('div', { class: 'fit-file' }, fileInput, fileLabel, fileStatus));

  // ---- the side: results, losses, optimiser ----
  const tableHost = el('div', { class: 'fit-table-host' }); // the table says how each classifier's labels were read
  const lossGroups = el('div', { class: 'fit-loss-groups' });
  const checks = new Map(); // loss -> checkbox
  const optionBoxes = []; // {loss, option, input, error}
  for (const kind of ['regression', 'classification']) {
    const legend = say(el('legend'), `fit.${kind}`);
    const set = el('fieldset', { class: `fit-losses fit-${kind}` }, legend);
    for (const loss of fitLosses.filter((l) => FIT_KINDS[l.name] === kind)) {
      const id = uid(`fit-loss-${loss.name}`);
      const check = el('input', { type: 'checkbox', id, value: loss.name });
      check.addEventListener('change', () => store.update((s) => {
        const chosen = new Set(s.fit.losses);
        if (check.checked) chosen.add(loss.name);
        else chosen.delete(loss.name);
        // The page's order of losses, so colours and rows stay put.
        return { fit: Object.assign({}, s.fit, { losses: fitLosses.map((l) => l.name).filter((n) => chosen.has(n)) }) };
      }));
      checks.set(loss.name, check);
      const swatch = el('span', { class: 'fit-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colorOf(loss.name);
      const name = el('span', { class: 'fit-loss-name' });
      const row = el('div', { class: 'fit-loss' }, check, el('label', { for: id }, swatch, name));
      texts.push([name, () => tr.shortName(loss)]);
      name.textContent = tr.shortName(loss);
      // Its numeric options (δ, τ, β, margin...) right beside it.
      for (const opt of loss.options.filter((o) => o.type !== 'boolean')) {
        const oid = uid(`fit-opt-${loss.name}-${opt.name}`);
        const input = el('input', { id: oid, class: 'fit-option', inputmode: 'decimal', size: 5, autocomplete: 'off' });
        const error = el('span', { class: 'fit-error', id: `${oid}-error` });
        input.setAttribute('aria-describedby', error.id);
        const label = el('label', { for: oid, class: 'fit-option-label' }, SYMBOLS[opt.name] || opt.name);
        let wrong = false;
        const why = () => (wrong ? tr.t('fit.optionBad', { option: SYMBOLS[opt.name] || opt.name, range: cur.range(opt) }) : '');
        texts.push([error, why]);
        input.addEventListener('input', () => {
          const v = numberIn(input.value);
          wrong = v === null;
          error.textContent = why();
          if (wrong) return; // the text stays; the last good value fits until then
          store.update((s) => {
            const options = Object.assign({}, s.fit.options, { [loss.name]: Object.assign({}, s.fit.options[loss.name], { [opt.name]: v }) });
            return { fit: Object.assign({}, s.fit, { options }) };
          }, 'typing');
        });
        optionBoxes.push({ loss: loss.name, opt, input, error });
        row.append(el('span', { class: 'fit-option-field' }, label, input), error);
      }
      set.append(row);
    }
    lossGroups.append(set);
  }

  const optSelect = el('select', { id: uid('fit-optimizer') });
  for (const o of ['gd', 'momentum', 'adam']) optSelect.append(say(el('option', { value: o }), `fit.opt.${o}`));
  optSelect.addEventListener('change', () => store.update((s) => ({ fit: Object.assign({}, s.fit, { optimizer: optSelect.value }) })));
  const numberField = (key, parse, bad) => {
    const id = uid(`fit-${key}`);
    const input = el('input', { id, inputmode: 'decimal', size: 7, autocomplete: 'off' });
    const error = el('p', { class: 'fit-error', id: `${id}-error` });
    input.setAttribute('aria-describedby', error.id);
    let wrong = false; // the box's text is not a valid value: said under it, in the page's language
    texts.push([error, () => (wrong ? tr.t(bad) : '')]);
    input.addEventListener('input', () => {
      const v = parse(input.value);
      wrong = v === null;
      error.textContent = wrong ? tr.t(bad) : '';
      if (wrong) return; // the text stays; the last good value fits until then
      store.update((s) => ({ fit: Object.assign({}, s.fit, { [key]: v }) }), 'typing');
    });
    return { input, error, field: el('div', { class: 'fit-setting' }, say(el('label', { for: id }), `fit.${key}`), input, error) };
  };
  const lrField = numberField('lr', (t) => { const v = numberIn(t); return v !== null && v > 0 ? v : null; }, 'fit.lrBad');
  const stepsField = numberField('steps', (t) => { const v = numberIn(t); return v !== null && Number.isInteger(v) && v >= 1 && v <= MAX_STEPS ? v : null; }, 'fit.stepsBad');
  const startText = el('span', { class: 'fit-start' });
  const resetStart = say(el('button', { type: 'button', class: 'control-button' }), 'fit.resetStart');
  resetStart.addEventListener('click', () => store.update((s) => ({ fit: Object.assign({}, s.fit, { start: [0, 0] }) })));
  const optimiser = el('fieldset', { class: 'fit-optimiser' }, say(el('legend'), 'fit.training'),
    el('div', { class: 'fit-settings' },
      el('div', { class: 'fit-setting' }, say(el('label', { for: optSelect.id }), 'fit.optimizer'), optSelect),
      lrField.field, stepsField.field),
    el('p', { class: 'fit-start-row' }, startText, resetStart));
  const status = el('p', { class: 'fit-status', role: 'status', 'aria-live': 'polite' });
  const sideCard = el('section', { class: 'card fit-side' },
    say(el('h2', { class: 'card-title' }), 'fit.results'), tableHost, status,
    el('fieldset', { class: 'fit-loss-set' }, say(el('legend'), 'fit.losses'), lossGroups), optimiser);

  // ---- the chart, the landscapes, the code ----
  const linesHost = el('div', { class: 'fit-lines' });
  const playerHost = el('div', { class: 'fit-player' });
  const lesson = el('p', { class: 'fit-lesson', role: 'status', 'aria-live': 'polite' });
  const moveRow = el('p', { class: 'fit-moved' });
  // (the chart titles itself: the card's heading is for the page's outline only)
  const chartCard = el('section', { class: 'card fit-chart' }, say(el('h2', { class: 'visually-hidden' }), 'fit.chart'), linesHost, playerHost, lesson, moveRow);
  const landscapesHost = el('div', { class: 'fit-landscape-list' });
  const gridNote = el('p', { class: 'fit-info' });
  const landCard = el('section', { class: 'card fit-landscapes' }, say(el('h2', { class: 'card-title' }), 'fit.landscapes'),
    say(el('p', { class: 'hint' }), 'fit.landscapesHint'), gridNote, landscapesHost);
  const codeHost = el('div', { class: 'fit-code-host' });
  const codeCard = el('section', { class: 'card fit-code' }, say(el('h2', { class: 'card-title' }), 'fit.code'), codeHost);

  const lab = el('div', { class: `fit-lab${embed ? ' fit-embed' : ''}` }, say(el('p', { class: 'fit-intro' }), 'fit.intro'),
    el('div', { class: 'fit-top' }, dataCard, sideCard, chartCard), landCard, codeCard);
  panel.append(lab);

  // ---- the views of CHARTS and CODE ----
  let results = null; // the last FitResults shown
  let frame = null; // the player's step (null: the paths' ends)
  let before = null; // the fit when a drag started: the lesson compares against it
  let dragging = false;
  let playedKey = null; // the paths the player last started
  const lines = linesView.createFitLines(linesHost, {
    tr,
    onMove(index, y) {
      if (!dragging) {
        dragging = true;
        if (!before) before = results;
      }
      store.update((s) => ({ fit: Object.assign({}, s.fit, { moved: { index, y } }) }), 'frame');
    },
    onMoveEnd() {
      dragging = false;
    },
  });
  const player = playerView.createPlayer(playerHost, { tr, onFrame(k) { frame = k; drawFrame(); } });
  const table = tableView.createFitTable(tableHost, { tr });
  const code = codeView.createFitCode(codeHost, { tr });
  const landscapes = new Map(); // loss -> {node, view}

  function drawFrame() {
    if (!results) return;
    lines.render(results, frame);
    table.render(results, frame);
    for (const f of results.fits) {
      const l = landscapes.get(f.loss);
      if (l) l.view.render(f, frame);
    }
  }

  function syncLandscapes(fits) {
    const want = new Set(fits.map((f) => f.loss));
    for (const [loss, l] of landscapes) {
      if (want.has(loss)) continue;
      l.view.destroy();
      l.node.remove();
      landscapes.delete(loss);
    }
    for (const f of fits) {
      if (landscapes.has(f.loss)) continue;
      const node = el('div', { class: 'fit-landscape', 'data-loss': f.loss });
      const view = landscapeView.createLandscape(node, { tr, onStart: (w, b) => store.update((s) => ({ fit: Object.assign({}, s.fit, { start: [w, b] }) })) });
      landscapes.set(f.loss, { node, view });
    }
    // In the order of the losses.
    for (const f of fits) landscapesHost.append(landscapes.get(f.loss).node);
  }

  // ---- rendering from the state ----
  function showErrors(data) {
    const e = (data && data.errors) || {};
    xBox.error.textContent = e.x ? tr.error(e.x) : '';
    yBox.error.textContent = e.y ? tr.error(e.y) : '';
    pairError.textContent = e.pair ? tr.error(e.pair) : '';
    const n = data && data.x && !e.x && !e.pair ? data.x.length : null;
    xBox.info.textContent = data && data.x && !e.x && !data.table ? tr.t('fit.read', { n: data.x.length }) : '';
    yBox.info.textContent = data && data.y && !e.y && !data.table ? tr.t('fit.read', { n: data.y.length }) : '';
    tableNote.textContent = !data || !data.table ? '' : data.table.setAside ? tr.t('fit.splitAside', { box: data.table.from }) : tr.t('fit.split');
    gridNote.textContent = n && gridSize(n) < GRID ? tr.t('fit.smallGrid', { n: gridSize(n) }) : '';
  }

  function showFile() {
    if (!fileSaid) { fileStatus.textContent = ''; return; }
    fileStatus.classList.toggle('is-error', Boolean(fileSaid.error));
    fileStatus.textContent = fileSaid.error
      ? tr.t('fit.fileFailed', { name: fileSaid.name, message: tr.error(fileSaid.error) })
      : tr.t('fit.fileRead', { name: fileSaid.name, n: lastData && lastData.x ? lastData.x.length : 0 });
  }

  function showControls(fit) {
    if (xBox.area.value !== fit.x) xBox.area.value = fit.x;
    if (yBox.area.value !== fit.y) yBox.area.value = fit.y;
    for (const [name, check] of checks) check.checked = fit.losses.includes(name);
    for (const o of optionBoxes) {
      if (root.activeElement === o.input) continue; // the box being typed in keeps its text
      const given = fit.options[o.loss] && fit.options[o.loss][o.opt.name];
      o.input.value = String(given !== undefined ? given : o.opt.default);
      o.error.textContent = '';
    }
    optSelect.value = fit.optimizer;
    if (root.activeElement !== lrField.input) lrField.input.value = String(fit.lr);
    if (root.activeElement !== stepsField.input) stepsField.input.value = String(fit.steps);
    startText.textContent = tr.t('fit.start', { w: round(fit.start[0]), b: round(fit.start[1]) });
    if (fit.moved) {
      moveRow.replaceChildren(el('span', { text: tr.t('fit.moved', { n: fit.moved.index + 1, y: round(fit.moved.y) }) }), ' ',
        el('button', { type: 'button', class: 'control-button', text: tr.t('fit.undoMove'), onclick: () => store.update((s) => ({ fit: Object.assign({}, s.fit, { moved: null }) })) }));
    } else moveRow.replaceChildren();
  }

  function showResults(fit) {
    if (!results) return;
    syncLandscapes(results.fits);
    const longest = results.fits.reduce((m, f) => Math.max(m, f.path ? f.path.w.length : 0), 0);
    player.setLength(longest);
    if (frame !== null && frame >= longest) frame = null;
    drawFrame();
    // New paths (other data, losses or settings; not a dragged point, whose lesson is the lines'
    // move): the player plays them from the start, or shows their ends when motion is reduced.
    const key = JSON.stringify([fit.x, fit.y, fit.losses, fit.options, fit.optimizer, fit.lr, fit.steps, fit.start]);
    if (key !== playedKey) {
      playedKey = key;
      player.reset(); // draws through onFrame
    }
    code.render(fit, results);
    lesson.textContent = before && fit.moved ? describeShift(before, results, tr) || '' : '';
    status.textContent = !fit.losses.length ? tr.t('fit.noLoss') : '';
  }

  // ---- computing ----
  let lastData = null;
  let timer = 0;
  let runs = 0;
  async function compute() {
    clearTimeout(timer);
    timer = 0;
    const fit = store.get().fit;
    const mine = ++runs;
    const data = readFitData(lp, fit, readData);
    lastData = data;
    showErrors(data);
    showFile();
    const meta = {};
    for (const name of fit.losses) {
      const entry = lp.loss(name);
      if (entry) meta[name] = { label: tr.shortName(entry), color: colorOf(name) };
    }
    lab.setAttribute('aria-busy', 'true');
    try {
      const next = await runner.run(data, fit, meta);
      if (!next || mine !== runs) return; // stale: a newer change is on its way
      results = next;
      showResults(store.get().fit);
    } catch (e) {
      console.error(e);
      status.textContent = tr.error(e);
    } finally {
      if (mine === runs && !timer) lab.removeAttribute('aria-busy');
    }
  }

  function relabel() {
    cur = translator(store.get().lang);
    for (const [node, key, params] of texts) node.textContent = typeof key === 'function' ? key() : tr.t(key, params);
    showErrors(lastData);
    showFile();
    showControls(store.get().fit);
    // The views word everything from tr as they draw: draw them again.
    if (results) showResults(store.get().fit);
  }

  const unsubscribe = store.subscribe((state, keys, how) => {
    if (keys.has('lang')) relabel();
    else if (keys.has('theme') && results) drawFrame();
    if (!keys.has('fit') || !state.fit) return;
    showControls(state.fit);
    lab.setAttribute('aria-busy', 'true'); // from the change on, until its fit is shown
    if (how === 'typing') {
      clearTimeout(timer);
      timer = setTimeout(compute, TYPING_MS);
    } else compute();
  });

  // The first state: a link's or an embed's fit, else the outlier lesson.
  if (!store.get().fit) {
    store.update({ fit: presetFit(FIT_PRESETS.find((p) => p.id === DEFAULT_PRESET) || FIT_PRESETS[0], lp) });
  } else {
    showControls(store.get().fit);
    compute();
  }
  return {
    destroy() {
      unsubscribe();
      runner.destroy();
      lines.destroy();
      player.destroy();
      for (const l of landscapes.values()) l.view.destroy();
      lab.remove();
    },
  };
}

const round = (v) => String(Math.round(v * 1000) / 1000);
