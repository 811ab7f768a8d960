/* The playground on one page or in one <loss-playground> element: builds
 * the layout, creates the state store, reads the first state (a share
 * link, embed parameters or the note's first example), and on every batch
 * of patches runs compute() and hands its results to the views: small data
 * right here, large data (kept as bytes, or long text) through the
 * pipeline's worker, with progress, Cancel and stale runs dropped. The
 * share link and the embed's "open in full" link are written from the
 * state. */
import { load } from '../core/lossplay.js';
import { createStore, initialState } from '../state/store.js';
import { toLink, fromLink, presetPatch, embedPatch } from '../state/serialize.js';
import { readFromUrl, writeToUrl, linkFor } from '../state/share-link.js';
import { PRESETS } from '../state/presets.js';
import { compute, createCache, COLORS } from '../compute/compute.js';
import { sameRun } from '../compute/same-run.js';
import { loadData } from '../pipeline/load.js';
import { hasBig, liveIds, PASTE_LIMIT } from '../pipeline/limits.js';
import { translator, detect, applyTo, normalize, addStrings } from '../i18n/translate.js';
import { buildLayout } from '../views/layout.js';
import { el } from '../views/dom.js';
import { createDataPanel } from '../views/data-panel.js';
import { createLossPicker } from '../views/loss-picker.js';
import { createOutlier } from '../views/outlier.js';
import { createPageControls } from '../views/page-controls.js';
import { renderAlerts } from '../views/alerts.js';
import { renderResults } from '../views/results.js';
import { renderHints } from '../views/hints.js';
import { WATCHED } from '../compute/hint-watch.js';
import { renderFormulas } from '../views/formulas.js';
import { LossCharts } from '../views/charts/index.js';
import { reportHeight } from '../embed/height.js';
import { loadLater } from '../later/load.js';
import { errorTextsMissing, addErrorStrings, shareTextsMissing } from '../i18n/error-strings.js';
import { createViewTabs } from '../views/view-tabs.js';

const DEBOUNCE_MS = 150;
const PANELS = { data: 'card-data', losses: 'card-losses', results: 'card-results', charts: 'card-chart', formulas: 'card-formulas' };
// What compute() reads: a change to any of these computes again.
const DATA_KEYS = ['texts', 'big', 'extra', 'losses', 'options', 'reduction', 'columns', 'outlier', 'split', 'commas'];

// Data this large go through the worker: on the main thread they would block it.
const needsPipeline = (state) => hasBig(state) || state.texts.predictions.length + state.texts.targets.length > PASTE_LIMIT;

const cores = new Map(); // one loaded core per site, however many widgets
function sharedLossPlay(base) {
  if (!cores.has(base)) cores.set(base, load({ base }));
  return cores.get(base);
}

/**
 * where: {root (document or a shadow root), frame (the .lp-app element),
 * themeHost (what carries data-theme), params (URLSearchParams of embed
 * settings), element (the <loss-playground> host, if any), site (URL of
 * index.html), base (URL of the folder of the site's files)}.
 */
export async function startApp(where) {
  buildLayout(where.frame);
  const $ = (id) => where.root.getElementById(id);
  const isPage = !where.element;
  let lp;
  try {
    lp = await sharedLossPlay(where.base);
  } catch (e) {
    const lang = detect(typeof location !== 'undefined' ? location : null, typeof navigator !== 'undefined' ? navigator : null);
    $('alert').textContent = translator(lang).t('error.startFailed', { message: e.message });
    throw e;
  }
  const params = where.params;
  const embed = Boolean(where.element) || params.get('embed') === '1' || params.get('embed') === 'true';
  const store = createStore(initialState(detect(typeof location !== 'undefined' ? location : null, navigator)));
  const ctx = { root: where.root, $, store, lp, later: () => loadLater(where.base).then((later) => { addErrorStrings(later); return later; }), loadData: () => loadData(where.base) };
  let tr = translator(store.get().lang);

  const charts = new LossCharts($('charts'), lp, {
    lang: tr.lang, stepwise: true, loadScale: () => ctx.later().then((later) => later.chartsScale),
    onLogScale: (on) => store.update({ logScale: on }), // the state (and so the link) holds it
  });
  const picker = createLossPicker(ctx, charts);
  const data = createDataPanel(ctx);
  const outlier = createOutlier(ctx);
  let out = null; // the last computation
  let embedLink = null;
  const cache = createCache(); // small data's readings and results, between runs
  // The pipeline, its worker and the progress view come with the data chunk.
  let pipeline = null;
  let progress = null;
  const withPipeline = () => ctx.loadData().then((chunk) => {
    if (!pipeline) {
      pipeline = chunk.createPipeline(lp, where.base);
      progress = chunk.createProgress(where.root.querySelector('.inputs'), () => cancelRun());
    }
    return chunk;
  });
  let runId = 0; // the newest run: any other's result is stale
  // The hints' finder and texts come with the later chunk, once a loss they watch is selected.
  let findHints = null;
  let hintsAsked = false;
  function askHints() {
    if (findHints || hintsAsked || !out || out.hints !== null || !out.chosen.some((l) => WATCHED.has(l.name))) return;
    hintsAsked = true;
    ctx.later().then((later) => {
      addStrings(later.hintStrings);
      findHints = later.findHints;
      computeNow();
    }, () => { hintsAsked = false; });
  }
  let held = new Set(); // the ids of large data the state refers to

  const notice = (message, alert) => store.update({ notice: message ? { message, alert: Boolean(alert) } : null });

  // The link's state: large data kept as bytes cannot travel in a link.
  function linkState(state) {
    const link = toLink(state, lp, linkDerived());
    return hasBig(state) ? Object.assign(link, { data: null }) : link;
  }

  async function copyLink() {
    const state = store.get();
    const { url, truncated } = await linkFor(linkState(state));
    try {
      await navigator.clipboard.writeText(url);
      notice({ key: hasBig(state) || truncated ? 'page.linkNoData' : 'page.linkCopied' });
    } catch (e) {
      notice({ text: url }); // no clipboard (file://, permissions): show it to copy by hand
    }
  }

  function exportAs(kind) {
    const results = (out && out.results) || [];
    ctx.later().then((later) => {
      const X = later.exportResults;
      const lang = store.get().lang;
      const model = X.model(results, { lang, prediction: out && out.prediction, target: out && out.target });
      if (kind === 'csv') X.download('lossplay-results.csv', X.csvBlob(X.toCsv(model)), { lang });
      else if (kind === 'json') X.download('lossplay-results.json', X.jsonBlob(X.toJson(model)), { lang });
      else {
        // One figure: title, the data's size, the losses' values, each chart with its heading and legend.
        const P = out && out.prediction;
        const n = !P ? 0 : P.shape && P.shape.length ? P.shape[0] : P.data.length; // samples: rows of a matrix
        const canvas = charts.plots.length ? later.chartFigure(charts, X.figureMeta(results, n, out && out.colors, lang)) : null;
        const theme = store.get().theme;
        if (canvas) X.canvasToPng(canvas, { lang, theme: theme === 'auto' ? undefined : theme }).then((blob) => X.download('lossplay-charts.png', blob, { lang }));
      }
    });
  }

  const controls = createPageControls(ctx, { copyLink, exportAs });
  // The fit lab: its tab, and its chunk mounted into its panel on first view.
  const tabs = createViewTabs(ctx, where, {
    tr: () => tr,
    mount: (chunk, panel) => chunk.mountFit({ root: where.root, panel, store, lp, base: where.base, embed, colors: COLORS }),
  });

  // What a hint's button does: its fix (compute/hints.js), as a patch.
  function hintAction(fix) {
    store.update((s) => {
      const { predictions: p, targets: y } = s.texts;
      if (fix.kind === 'swap') return { texts: { predictions: y, targets: p }, big: { predictions: s.big.targets || null, targets: s.big.predictions || null } };
      if (fix.kind === 'zero-labels' && !s.big.targets) return { texts: { predictions: p, targets: y.replace(/(^|[\s,;，；、])0(?:\.0*)?(?=$|[\s,;，；、])/g, '$1-1') } };
      // The new loss takes the old one's place; its options stay as they were.
      const switched = ({ from, to }) => {
        const chosen = new Set(s.losses.filter((n) => n !== from).concat([to]));
        return lp.losses.filter((l) => chosen.has(l.name)).map((l) => l.name);
      };
      if (fix.kind === 'texts' && !hasBig(s)) {
        const texts = { predictions: fix.predictions !== undefined ? fix.predictions : p, targets: fix.targets !== undefined ? fix.targets : y };
        return fix.loss ? { texts, losses: switched(fix.loss) } : { texts };
      }
      if (fix.kind === 'loss') return { losses: switched(fix) };
      return null;
    });
  }

  const linkDerived = () => ({ columnsShown: Boolean(out && out.table), columns: out && out.table ? out.table.columns : null });

  // ---- rendering ----

  function applyLanguage(state) {
    tr = translator(state.lang);
    if (isPage) {
      document.documentElement.lang = tr.lang === 'zh' ? 'zh-CN' : 'en';
      applyTo(document, tr.lang);
    } else applyTo(where.root, tr.lang);
    picker.relabel(tr);
    data.relabel(tr);
    if (progress) progress.relabel(tr.lang);
    outlier.relabel(tr);
    if (embedLink) embedLink.textContent = tr.t('embed.open');
  }

  function applyTheme(state) {
    if (state.theme === 'light' || state.theme === 'dark') where.themeHost.dataset.theme = state.theme;
    else delete where.themeHost.dataset.theme;
  }

  function chartModel() {
    return {
      prediction: out.prediction,
      target: out.target,
      // Why a chart may be empty: the selection, the losses the core refused, the boxes in error.
      selected: out.chosen.length,
      failed: out.results.filter((r) => !r.result).map((r) => ({ spec: r.loss, error: r.failure || r.error })),
      errors: out.errors,
      outlierIndex: Number.isInteger(out.outlierIndex) ? out.outlierIndex : null, // the outlier's sample in prediction/target
      losses: out.results.filter((r) => r.result).map((r) => ({
        spec: r.loss, options: r.options, args: r.args, reduction: r.reduction,
        color: out.colors.get(r.loss.name), result: r.result, perSample: r.perSample, outlierIndex: r.outlierIndex,
      })),
    };
  }

  let chartsTimer = 0;
  function renderCharts() {
    clearTimeout(chartsTimer);
    chartsTimer = 0;
    charts.setLanguage(tr.lang); // no render of its own: update() renders once
    charts.update(chartModel());
  }

  // Everything drawn from the last computation; the charts only when asked,
  // and for large data in a task of their own, after the results showed.
  // The first error shown fetches the core's error templates (the later
  // chunk) and draws again in the page's language.
  let errorStringsAsked = false;
  function askErrorStrings() {
    if (errorStringsAsked || !errorTextsMissing(out)) return;
    errorStringsAsked = true;
    // (the chunk's strings are added as it arrives: ctx.later)
    ctx.later().then(() => {
      // The charts only when they show a loss's own error (no loss drew,
      // no box is at fault: the charts then name the box, not the error; and
      // no second run is coming with the lazily loaded readers).
      const chartsToo = out && !out.needsMore && out.results.length > 0 && !out.results.some((r) => r.result) && !out.errors.some((e) => e && e.field);
      if (out) renderComputed(store.get(), chartsToo);
    }, (e) => console.warn(e.message));
  }

  function renderComputed(state, chartsToo, chartsLater) {
    data.render(state, out, tr);
    outlier.setData(out.prediction, out.target, out.outlierIndex);
    renderAlerts($('alert'), out.errors, tr, data.fieldFor);
    renderHints(ctx, state, out.hints, tr, hintAction);
    askHints();
    renderResults(ctx, state, out, tr);
    renderFormulas(ctx, out, tr);
    askErrorStrings();
    if (chartsToo && chartsLater) {
      clearTimeout(chartsTimer);
      // After the next frame: the results paint before the charts' work starts.
      requestAnimationFrame(() => {
        clearTimeout(chartsTimer);
        chartsTimer = setTimeout(renderCharts, 0);
      });
    } else if (chartsToo) renderCharts();
  }

  let linked = false;
  async function writeLink() {
    const state = store.get();
    if (embedLink) {
      // The widget's "open in full" link carries its state; the URL stays as it is.
      const { url } = await linkFor(linkState(state), where.site);
      embedLink.href = url;
      return;
    }
    if (!linked) return;
    try {
      const r = await writeToUrl(linkState(state));
      if (r && r.written !== false) {
        const now = store.get().notice;
        if (hasBig(state) || r.truncated) {
          if (!now || now.message.key !== 'page.linkNoData') notice({ key: 'page.linkNoData' });
        } else if (now) notice(null);
      }
    } catch (e) {
      // A state the schema refuses is a bug of ours, not the user's: keep the page working.
      console.error(e);
    }
  }

  let timer = 0;
  let frame = 0;
  // Data that need the lazily loaded readers (a Python literal, commas,
  // ŷ and y that do not fit): load them, then compute again.
  let forMore = false; // this run came because the readers did: the charts may stay
  const moreIfNeeded = () => {
    if (out.needsMore) {
      data.loadMore().then(() => {
        forMore = true;
        computeNow();
      }, (e) => console.warn(e.message));
    }
  };

  let chartsOwed = false; // a run left the charts to the next one
  function computed(next, state) {
    // A loss failed while the lazily loaded readers are still to come: the
    // run they bring may say why otherwise (ŷ and y do not fit, in the page's
    // language), so the charts wait for it rather than draw twice.
    const wait = Boolean(next.needsMore) && next.results.some((r) => !r.result);
    const chartsToo = !wait && (chartsOwed || !(forMore && sameRun(out, next)));
    chartsOwed = wait || (chartsOwed && !chartsToo);
    forMore = false;
    out = next;
    moreIfNeeded();
    out.bigIds = {};
    for (const [box, e] of Object.entries(state.big)) if (e) out.bigIds[box] = e.id;
    renderComputed(store.get(), chartsToo, needsPipeline(state));
    writeLink();
  }

  // A Cancel: the run stops at its next step; the data and the last results stay.
  function cancelRun() {
    runId++;
    pipeline.cancel();
    progress.end({ key: 'bigdata.progress.cancelled' }, tr.lang);
  }

  async function computeNow() {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    timer = 0;
    frame = 0;
    const state = store.get();
    const mine = ++runId;
    if (!needsPipeline(state)) {
      if (pipeline) {
        pipeline.cancel(); // a running one is stale now
        progress.end(null, tr.lang);
      }
      // Marked, so a test (and the browser's profiler) can see what a step costs.
      const t0 = performance.now();
      computed(compute(state, lp, { cache, findHints }), state);
      performance.measure('lossplay:run', { start: t0, end: performance.now() });
      return;
    }
    await withPipeline();
    if (mine !== runId) return;
    progress.start(tr.lang);
    try {
      const next = await pipeline.run(state, (step) => {
        if (mine !== runId) return;
        const loss = step.loss && lp.loss(step.loss);
        progress.step(loss ? Object.assign({}, step, { loss: loss.shortName }) : step, tr.lang);
      });
      if (mine !== runId || !next) return; // stale: a newer run or a Cancel
      progress.end(null, tr.lang);
      computed(next, state);
    } catch (e) {
      if (mine !== runId) return;
      console.error(e);
      progress.end({ key: 'bigdata.progress.failed', params: { message: e.message } }, tr.lang);
    }
  }

  function onChange(state, keys, how) {
    const has = (k) => keys.has(k);
    if (has('lang')) applyLanguage(state);
    if (has('theme')) applyTheme(state);
    if (has('big') || has('lang')) data.renderData(state, out, tr);
    if (has('big')) {
      // Data no box holds any more are let go; data kept but not yet in
      // the state (a file still being previewed) are left alone.
      const now = liveIds(state);
      const dropped = [...held].filter((id) => !now.has(id));
      held = now;
      if (dropped.length) ctx.loadData().then((chunk) => chunk.forget(dropped));
    }
    controls.render(state, tr);
    picker.render(state);
    outlier.render(state);
    if (DATA_KEYS.some(has)) {
      // A computation renders everything, the charts once, in the new
      // language and theme; until a deferred one runs, the boxes show what
      // was typed and the rest stays.
      if (how === 'frame') {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(computeNow);
      } else if (how === 'typing') {
        clearTimeout(timer);
        timer = setTimeout(computeNow, DEBOUNCE_MS);
      } else {
        computeNow();
        return;
      }
      if (has('lang') || has('dismissed')) renderComputed(state, false);
      return;
    }
    if (has('lang') || has('dismissed') || has('digits')) renderComputed(state, false);
    // One change, one render of the charts.
    if (has('logScale')) charts.setLogScale(state.logScale);
    if (has('lang')) charts.setLang(state.lang);
    else if (has('theme')) charts.restyle();
    if (has('view')) tabs.render(state);
    if (has('lang') || has('theme') || has('logScale') || has('dismissed') || has('digits') || has('view') || has('fit')) writeLink();
  }

  // ---- the first state ----

  const first = store.get();
  const patch = {};
  let firstNotice = null;
  let openedLink = false;
  if (embed) {
    where.frame.classList.add('embed');
    if (isPage) document.documentElement.classList.add('embed');
    const r = embedPatch(params, first, lp, true);
    Object.assign(patch, r.patch);
    for (const [name, cls] of Object.entries(PANELS)) {
      for (const card of where.root.querySelectorAll(`.${cls}`)) card.hidden = !patch.panels.includes(name);
    }
    // Errors must stay visible when the data card is not shown.
    const firstCard = where.root.querySelector('.card:not([hidden])');
    if (!patch.panels.includes('data') && firstCard) firstCard.prepend($('alert'));
    embedLink = el('a', { class: 'embed-open', target: '_blank', rel: 'noopener', href: where.site });
    where.root.querySelector('.layout').after(embedLink);
    if (r.unknown.length) firstNotice = { message: { key: 'embed.unknownLoss', params: { name: r.unknown.join(', ') } }, alert: true };
  } else {
    let link = null;
    try {
      link = await readFromUrl(location, lp);
    } catch (e) {
      Object.assign(patch, presetPatch(PRESETS[0], first, lp));
      firstNotice = { message: e, alert: true };
    }
    if (link) {
      openedLink = true;
      Object.assign(patch, fromLink(link));
      if (!link.data) firstNotice = { message: { key: 'page.openedNoData' }, alert: true };
    } else if (!firstNotice && ['preset', 'losses', 'data'].some((k) => params.has(k))) {
      const r = embedPatch(params, first, lp, false); // e.g. an embed's no-script link
      Object.assign(patch, r.patch);
      if (r.unknown.length) firstNotice = { message: { key: 'embed.unknownLoss', params: { name: r.unknown.join(', ') } }, alert: true };
    } else if (!firstNotice) {
      Object.assign(patch, presetPatch(PRESETS[0], first, lp));
    }
    if (!link && params.get('view') === 'fit') patch.view = 'fit'; // ?view=fit opens the fit lab
  }
  if (patch.lang) patch.lang = normalize(patch.lang) || first.lang;
  patch.notice = firstNotice;
  store.update(patch);
  const state = store.get();
  applyLanguage(state);
  applyTheme(state);
  controls.render(state, tr);
  picker.render(state);
  outlier.render(state);
  tabs.render(state);
  out = compute(state, lp, { cache, findHints });
  out.bigIds = {};
  charts.setLogScale(state.logScale, false); // a link's log axis, drawn by the render below
  moreIfNeeded();
  renderComputed(state, true);
  await null; // the first patch's batch is flushed: it is rendered above
  store.subscribe(onChange);
  if (embedLink) writeLink();
  else {
    linked = true;
    // A link opened is written back as this page reads it: the URL then
    // shows the view as restored, and copying it gives the same view again.
    if (openedLink) writeLink();
  }
  if (embed && isPage) reportHeight(params.get('id'));
  // A damaged link's words come with the later chunk: the notice is worded again when they arrive.
  if (shareTextsMissing(store.get().notice)) ctx.later().then(() => controls.render(store.get(), tr), (e) => console.warn(e.message));

  where.themeHost.dataset.ready = 'true';
  if (where.element) where.element.dataset.ready = 'true';
  // The data chunk and its worker (outside the first load's budget) start as
  // soon as the reader reaches for the data: pointer over or focus in the
  // data card, or a file dragged over the page; so it is warm when a large
  // paste or file comes. A large run starts it anyway.
  const warm = () => {
    for (const [target, type] of warmers) target.removeEventListener(type, warm);
    withPipeline().then(() => pipeline.start(), (e) => console.warn(e.message));
  };
  const card = where.root.querySelector('.card-data');
  // (a file chosen or a paste without a pointer or focus first: at once)
  const warmers = [[card, 'pointerover'], [card, 'focusin'], [card, 'change'], [card, 'paste'], [window, 'dragenter']];
  for (const [target, type] of warmers) target.addEventListener(type, warm, { passive: true });
  return { store, lp };
}
