/* The page's markup, built into the full page (index.html) or into the
 * shadow root of a <loss-playground> element, so both share one structure.
 * A constant of our own: no user or URL text ever goes into it. Its words
 * come from the string table (data-i18n), filled in English at once and in
 * the reader's language when the app starts: one copy of each text. */
import { applyTo } from '../i18n/translate.js';

const MARKUP = `
<nav class="skip-links">
<a class="skip-link" href="#data-heading" data-i18n="skip.data"></a>
<a class="skip-link" href="#results-heading" data-i18n="skip.results"></a>
<a class="skip-link" href="#chart-heading" data-i18n="skip.charts"></a>
</nav>
<header class="masthead">
<div class="masthead-inner">
<h1 class="brand"><span class="brand-mark" aria-hidden="true">L</span>lossplay</h1>
<p class="tagline" data-i18n="page.tagline"></p>
<div class="page-controls">
<div><label for="lang" data-i18n="page.language"></label><select id="lang"><option value="en" lang="en">English</option><option value="zh" lang="zh-CN">中文</option></select></div>
<div><label for="theme" data-i18n="page.theme"></label><select id="theme"><option value="auto" data-i18n="theme.auto"></option><option value="light" data-i18n="theme.light"></option><option value="dark" data-i18n="theme.dark"></option></select></div>
<button type="button" id="copy-link" class="control-button" data-i18n="page.copyLink"></button>
</div>
</div>
</header>
<p id="link-notice" class="link-notice" role="status" hidden></p>
<div class="view-tabs" role="tablist" data-i18n-aria-label="view.tabs">
<button type="button" role="tab" id="tab-scores" class="view-tab" aria-selected="true" aria-controls="scores-view" data-i18n="view.scores"></button>
<button type="button" role="tab" id="tab-fit" class="view-tab" aria-selected="false" aria-controls="fit-view" tabindex="-1" data-i18n="view.fit"></button>
</div>
<section id="fit-view" class="fit-view" role="tabpanel" aria-labelledby="tab-fit" hidden></section>
<main class="layout" id="scores-view" aria-labelledby="tab-scores">
<section class="card card-data" aria-labelledby="data-heading">
<h2 id="data-heading" class="card-title" tabindex="-1" data-i18n="data.heading"></h2>
<div class="presets" role="group" aria-labelledby="presets-label">
<span id="presets-label" class="presets-label" data-i18n="data.presets"></span>
<div id="preset-buttons" class="preset-buttons"></div>
</div>
<div class="inputs">
<div class="field">
<label for="predictions" data-i18n="data.predictions"></label>
<textarea id="predictions" rows="4" spellcheck="false" autocomplete="off" aria-describedby="predictions-info data-hint"></textarea>
<p id="predictions-info" class="understood"></p>
</div>
<div class="field">
<label for="targets" data-i18n="data.targets"></label>
<textarea id="targets" rows="4" spellcheck="false" autocomplete="off" aria-describedby="targets-info data-hint"></textarea>
<p id="targets-info" class="understood"></p>
</div>
</div>
<p id="result-strip" class="result-strip" aria-hidden="true"></p>
<div id="column-picker"></div>
<p id="data-hint" class="hint" data-i18n="data.hint"></p>
<div id="extra-inputs" class="extra-inputs" hidden></div>
<div id="outlier" class="outlier"></div>
<div id="alert" class="alert" role="alert"></div>
</section>
<section class="card card-results" aria-labelledby="results-heading">
<div class="card-head">
<h2 id="results-heading" class="card-title" tabindex="-1" data-i18n="results.heading"></h2>
<div class="setting setting-reduction">
<label for="reduction" data-i18n="losses.reduction"></label>
<select id="reduction">
<option value="mean" data-i18n="reduction.mean"></option>
<option value="sum" data-i18n="reduction.sum"></option>
<option value="none" data-i18n="reduction.none"></option>
<option value="batchmean" data-i18n="reduction.batchmean"></option>
</select>
</div>
<div class="setting setting-digits"><label for="digits" data-i18n="page.digits"></label><select id="digits"><option value="sig" data-i18n="digits.sig"></option><option value="fixed" data-i18n="digits.fixed"></option></select></div>
</div>
<div id="hints" class="hints" hidden></div>
<div class="table-scroll">
<table id="results" class="results">
<thead>
<tr></tr>
</thead>
<tbody></tbody>
</table>
</div>
<p id="results-empty" class="empty" data-i18n="results.empty"></p>
<div class="export-buttons">
<button type="button" id="export-csv" class="control-button" data-i18n="results.exportCsv"></button>
<button type="button" id="export-json" class="control-button" data-i18n="results.exportJson"></button>
<button type="button" id="export-png" class="control-button" data-i18n="results.exportPng"></button>
</div>
<p id="status" class="visually-hidden" aria-live="polite"></p>
</section>
<section class="card card-losses" aria-labelledby="losses-heading">
<h2 id="losses-heading" class="card-title" data-i18n="losses.heading"></h2>
<div id="loss-picker" class="loss-picker"></div>
</section>
<section class="card card-chart" aria-labelledby="chart-heading">
<h2 id="chart-heading" class="card-title" tabindex="-1" data-i18n="chart.heading"></h2>
<div id="options" class="options chart-options"></div>
<div id="charts"></div>
</section>
<section class="card card-formulas" aria-labelledby="formulas-heading">
<h2 id="formulas-heading" class="card-title" data-i18n="formulas.heading"></h2>
<div id="formulas" class="formulas"></div>
</section>
</main>
<footer class="footer">
<p data-i18n="footer.text"></p>
</footer>
`;

/** Appends the page's structure to `target` (an element or a shadow root). */
export function buildLayout(target) {
  const template = document.createElement('template');
  template.innerHTML = MARKUP; // static, trusted markup (see above)
  applyTo(template.content, 'en');
  target.append(template.content);
}
