/* The fit lab's panel: the data (data-card.js) and, beside them, the
 * results table, the losses and the optimiser (settings.js); below, the
 * fitted lines with the path's player, one loss landscape per loss and the
 * PyTorch code (the views of CHARTS and CODE, mounted here). Everything it
 * shows comes from state.fit in the page's one store: every control is a
 * patch to it, and a change reads the boxes on the page (compute-fit.js's
 * readFitData, the loss core's reader) and fits in the worker
 * (worker-client.js), a newer change making the older run stale. User text
 * stays data: textContent and values only. */
import { el } from '../views/dom.js';
import { readData } from '../input/read.js';
import { readFitData, gridSize, GRID } from './compute-fit.js';
import { createFitRunner } from './worker-client.js';
import { FIT_KINDS } from './labels.js';
import { FIT_PRESETS } from './presets.js';
import { describeShift } from './sentence.js';
import { createWording } from './wording.js';
import { createDataCard, presetFit } from './data-card.js';
import { createSettings } from './settings.js';
import * as linesView from './views/lines.js';
import * as landscapeView from './views/landscape.js';
import * as playerView from './views/player.js';
import * as tableView from './views/results-table.js';
import * as codeView from './views/code-view.js';
import shellCss from './css/shell.css';
// The fit worker's bundle as a string (scripts/bundle.js), started from a Blob URL.
import fitWorkerCode from 'lossplay-fit-worker-code';

export { presetFit };

const TYPING_MS = 150;
const DEFAULT_PRESET = 'outlier'; // the lesson of the issue: one outlier, MSE against MAE
const round = (v) => String(Math.round(v * 1000) / 1000);

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

/**
 * Mounts the fit lab into `panel`. where: {root (document or shadow root),
 * panel, store, lp, base (the site's folder), embed, colors (compute.js's
 * COLORS: a loss has the same colour in both views)}. Returns {destroy}.
 */
export function mountFit({ root, panel, store, lp, base, embed, colors }) {
  addStyles(root, [shellCss, linesView.css, landscapeView.css, playerView.css, tableView.css, codeView.css]);
  const wording = createWording(store.get().lang);
  const { tr, say } = wording;
  const runner = createFitRunner(base, fitWorkerCode);
  const colorOf = (name) => colors[lp.losses.findIndex((l) => l.name === name) % colors.length];
  const patch = (fn, how) => store.update((s) => ({ fit: Object.assign({}, s.fit, fn(s.fit)) }), how);

  let before = null; // the fit when a drag started: the outlier lesson compares against it
  const data = createDataCard({ store, lp, wording, onNewData: () => { before = null; } });
  const settings = createSettings({ root, store, wording, fitLosses: lp.losses.filter((l) => FIT_KINDS[l.name]), colorOf });

  // ---- the cards ----
  const tableHost = el('div', { class: 'fit-table-host' }); // the table says how each classifier's labels were read
  const status = el('p', { class: 'fit-status', role: 'status', 'aria-live': 'polite' });
  const sideCard = el('section', { class: 'card fit-side' },
    say(el('h2', { class: 'card-title' }), 'fit.results'), tableHost, status, settings.losses, settings.optimiser);
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
    el('div', { class: 'fit-top' }, data.element, sideCard, chartCard), landCard, codeCard);
  panel.append(lab);

  // ---- the views of CHARTS and CODE ----
  let results = null; // the last FitResults shown
  let frame = null; // the player's step (null: the paths' ends)
  let dragging = false;
  let movedBefore = null; // the state's moved point when a drag began: Escape restores it
  let playedKey = null; // the paths the player last started
  const lines = linesView.createFitLines(linesHost, {
    tr,
    onMove(index, y) {
      if (!dragging) {
        dragging = true;
        movedBefore = store.get().fit.moved || null;
        if (!before) before = results;
      }
      patch(() => ({ moved: { index, y } }), 'frame');
    },
    onMoveEnd() {
      dragging = false;
    },
    onMoveCancel() {
      if (dragging) patch(() => ({ moved: movedBefore }), 'frame');
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
      const view = landscapeView.createLandscape(node, { tr, onStart: (w, b) => patch(() => ({ start: [w, b] })) });
      landscapes.set(f.loss, { node, view });
    }
    for (const f of fits) landscapesHost.append(landscapes.get(f.loss).node); // in the order of the losses
  }

  // ---- rendering from the state ----
  function showControls(fit) {
    data.show(fit);
    settings.show(fit);
    if (fit.moved) {
      moveRow.replaceChildren(el('span', { text: tr.t('fit.moved', { n: fit.moved.index + 1, y: round(fit.moved.y) }) }), ' ',
        el('button', { type: 'button', class: 'control-button', text: tr.t('fit.undoMove'), onclick: () => patch(() => ({ moved: null })) }));
    } else moveRow.replaceChildren();
  }

  function showData(read) {
    data.showData(read);
    const e = (read && read.errors) || {};
    const n = read && read.x && !e.x && !e.pair ? read.x.length : null;
    gridNote.textContent = n && gridSize(n) < GRID ? tr.t('fit.smallGrid', { n: gridSize(n) }) : '';
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
    lastData = readFitData(lp, fit, readData);
    showData(lastData);
    const meta = {};
    for (const name of fit.losses) {
      const entry = lp.loss(name);
      if (entry) meta[name] = { label: tr.shortName(entry), color: colorOf(name) };
    }
    lab.setAttribute('aria-busy', 'true');
    try {
      const next = await runner.run(lastData, fit, meta);
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

  function relabel(lang) {
    wording.setLang(lang);
    showData(lastData);
    showControls(store.get().fit);
    if (results) showResults(store.get().fit); // the views word everything from tr as they draw
  }

  const unsubscribe = store.subscribe((state, keys, how) => {
    if (keys.has('lang')) relabel(state.lang);
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
