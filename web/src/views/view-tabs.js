/* The two views' tabs ("Scores" / "Fit lab"): in the first load, and small.
 * A tab is a patch to state.view; render() shows that view's panel. The fit
 * lab itself (lossplay-fitlab.js) is fetched the first time its view shows,
 * by a tab, a link or an embed with view=fit, and mounted into #fit-view. */
import { loadChunk } from '../later/load.js';
import * as translate from '../i18n/translate.js';

const VIEWS = ['scores', 'fit'];

/** ctx: {$, store}; where: startApp's; mount(chunk, panel): starts the lab once it arrived. */
export function createViewTabs(ctx, where, { mount, tr }) {
  const { $, store } = ctx;
  const tabs = { scores: $('tab-scores'), fit: $('tab-fit') };
  const panels = { scores: $('scores-view'), fit: $('fit-view') };
  let asked = null;

  const choose = (view, focus) => {
    store.update({ view });
    if (focus) tabs[view].focus();
  };
  for (const view of VIEWS) {
    tabs[view].addEventListener('click', () => choose(view, false));
    // Arrows, Home and End move between the tabs (and show the tab reached), as a tablist does.
    tabs[view].addEventListener('keydown', (e) => {
      const i = VIEWS.indexOf(view);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      choose(VIEWS[(to + VIEWS.length) % VIEWS.length], true);
    });
  }

  function open() {
    if (asked) return asked;
    const panel = panels.fit;
    panel.setAttribute('aria-busy', 'true');
    panel.textContent = tr().t('view.loading');
    asked = loadChunk('lossplay-fitlab.js', where.base, 'lossplay:chunk', { translate }).then((chunk) => {
      panel.textContent = '';
      panel.removeAttribute('aria-busy');
      return mount(chunk, panel);
    }, (e) => {
      asked = null; // the next visit tries again
      panel.removeAttribute('aria-busy');
      panel.textContent = tr().t('view.loadFailed', { message: e.message });
      throw e;
    });
    return asked;
  }

  return {
    /** Shows state.view's panel (and fetches the fit lab the first time it shows). */
    render(state) {
      for (const view of VIEWS) {
        const on = state.view === view;
        tabs[view].setAttribute('aria-selected', String(on));
        tabs[view].tabIndex = on ? 0 : -1;
        panels[view].hidden = !on;
      }
      if (state.view === 'fit') open().catch((e) => console.warn(e.message));
    },
    /** Resolves when the fit lab is mounted (tests, and a second visit). */
    open,
  };
}
