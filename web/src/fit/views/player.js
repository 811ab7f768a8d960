/* The player of the optimiser's paths: one frame index for every chart.
 * Play/pause (one button whose name changes), a step back and forward, a
 * speed (0.5× to 4×) and a slider "step k of n"; all native controls, so the
 * keyboard works. With prefers-reduced-motion it never starts by itself.
 *   createPlayer(container, { tr, onFrame(k) }) -> { setLength(n), reset(), destroy() }
 * setLength(n): n is the longest path's length in points (steps + 1), so
 * frames run 0 … n − 1; reset() starts the paths over (or, with reduced
 * motion, shows their ends). */
import { el } from '../../views/dom.js';
import css from '../css/charts.css';
import { playbackRate } from '../charts/player-maths.js';

export { css };

const SPEEDS = [0.5, 1, 2, 4];

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createPlayer(container, options) {
  let { tr } = options;
  const { onFrame = () => {} } = options;
  const play = el('button', { type: 'button', class: 'fitc-play' });
  const back = el('button', { type: 'button', class: 'fitc-back', text: '◀' });
  const forward = el('button', { type: 'button', class: 'fitc-forward', text: '▶' });
  const speed = el('select', { class: 'fitc-speed' }, ...SPEEDS.map((s) => el('option', { value: s, text: `${s}×`, selected: s === 1 })));
  const speedLabel = el('label', {}, el('span'), speed);
  const slider = el('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', class: 'fitc-frame' });
  const out = el('output', { 'aria-hidden': 'true' });
  const sliderRow = el('div', { class: 'fitc-slider' }, slider, out);
  const root = el('div', { class: 'fitc-player', role: 'group' }, play, back, forward, speedLabel, sliderRow);
  container.append(root);

  let length = 0; // frames 0 … length − 1
  let k = 0;
  let playing = false;
  let raf = 0;
  let lastTime = 0;
  let carry = 0; // fractions of a frame between animation frames

  function words() {
    root.setAttribute('aria-label', tr.t('fitCharts.player'));
    play.textContent = tr.t(playing ? 'fitCharts.pause' : 'fitCharts.play');
    back.setAttribute('aria-label', tr.t('fitCharts.back'));
    back.title = tr.t('fitCharts.back');
    forward.setAttribute('aria-label', tr.t('fitCharts.forward'));
    forward.title = tr.t('fitCharts.forward');
    speedLabel.firstChild.textContent = tr.t('fitCharts.speed');
    slider.setAttribute('aria-label', tr.t('fitCharts.frame'));
    const text = tr.t('fitCharts.stepOf', { k, n: Math.max(0, length - 1) });
    slider.setAttribute('aria-valuetext', text);
    out.textContent = text;
  }

  function show(next, tell = true) {
    k = Math.max(0, Math.min(Math.max(0, length - 1), next));
    slider.value = String(k);
    back.disabled = k <= 0;
    forward.disabled = k >= length - 1;
    words();
    if (tell) onFrame(k);
  }

  function tick(time) {
    raf = 0;
    if (!playing) return;
    const dt = lastTime ? Math.min(250, time - lastTime) : 0;
    lastTime = time;
    carry += (dt / 1000) * playbackRate(length, Number(speed.value));
    const whole = Math.floor(carry);
    carry -= whole;
    if (whole > 0) show(k + whole);
    if (k >= length - 1) { stop(); return; }
    raf = requestAnimationFrame(tick);
  }

  function start() {
    if (length < 2) return;
    if (k >= length - 1) show(0);
    playing = true;
    lastTime = 0;
    carry = 0;
    words();
    if (!raf) raf = requestAnimationFrame(tick);
  }

  function stop() {
    playing = false;
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    words();
  }

  play.addEventListener('click', () => (playing ? stop() : start()));
  back.addEventListener('click', () => { stop(); show(k - 1); });
  forward.addEventListener('click', () => { stop(); show(k + 1); });
  slider.addEventListener('input', () => { stop(); show(Number(slider.value)); });
  speed.addEventListener('change', () => { carry = 0; });

  show(0, false);

  return {
    /** n: the longest path's length in points; the frame is kept inside it. */
    setLength(n) {
      length = Math.max(0, Math.floor(n) || 0);
      slider.max = String(Math.max(0, length - 1));
      slider.disabled = length < 2;
      play.disabled = length < 2;
      if (k > length - 1) show(length - 1);
      else show(k, false);
    },
    /** Starts the paths over: plays from step 0, or shows their ends when motion is reduced. */
    reset() {
      stop();
      if (reducedMotion()) { show(length - 1); return; }
      show(0);
      start();
    },
    /** Extension: the page's language changed. */
    retranslate(next) {
      tr = next;
      words();
    },
    destroy() {
      stop();
      root.remove();
    },
  };
}
