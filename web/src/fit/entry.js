/* Entry of lossplay-fitlab.js: the fit lab (issue 11), fetched as a classic
 * script when the fit view first shows (views/view-tabs.js, later/load.js).
 * It adds its string tables to the page's translator, which the page hands
 * it (fit/shared-translate.js): its own, the charts', the texts' and the
 * core's error templates (a fit shows the fit_* errors)
 * and hands mountFit to the <script> element that loaded it, through an
 * event, so no global is involved. */
import { addStrings } from '../i18n/translate.js';
import { fitShellStrings } from '../i18n/strings/fit-shell.js';
import { fitChartsStrings } from '../i18n/strings/fit-charts.js';
import { fitTextStrings } from '../i18n/strings/fit-text.js';
import { errorStrings, facadeErrorStrings } from '../i18n/strings/errors.js';
import { mountFit } from './view.js';

addStrings(errorStrings);
addStrings(facadeErrorStrings);
addStrings(fitShellStrings);
addStrings(fitChartsStrings);
addStrings(fitTextStrings);

const exports = { mountFit };
const script = typeof document !== 'undefined' ? document.currentScript : null;
if (script) script.dispatchEvent(new CustomEvent('lossplay:chunk', { detail: exports }));
