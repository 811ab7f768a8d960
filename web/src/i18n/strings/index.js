/* Every string table of the page, by area. Each table maps a key to
 * {en, zh}; keys are unique across tables (tested). errors.js (the core's
 * error templates, 'error.<code>') is written from the C++ registry side and comes with
 * the later chunk (i18n/error-strings.js), and so do share.js's (why a link
 * cannot be opened: only a damaged link needs them) and api.js's (the JS
 * facade's argument checks, which the page's own calls never fail). */
import { pageStrings } from './page.js';
import { inputStrings } from './input.js';
import { inputErrorStrings } from './input-errors.js';
import { chartsStrings } from './charts.js';
import { outlierStrings } from './outlier.js';
import { wordStrings } from './words.js';
import { loadStrings } from './api.js';
import { fitTabStrings } from './fit-shell.js';

// The page's tables (examples.html adds its own, and lossplay-later.js those of
// the PyTorch code, the exports and the hints: they stay out of the page's bundle).
export const PAGE_TABLES = {
  page: pageStrings,
  input: inputStrings,
  inputErrors: inputErrorStrings,
  charts: chartsStrings,
  outlier: outlierStrings,
  load: loadStrings,
  words: wordStrings,
  fitTab: fitTabStrings, // the fit lab's tabs (its own words come with lossplay-fitlab.js)
};

