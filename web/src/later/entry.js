/* Entry of lossplay-later.js: what the first view does not show (the
 * PyTorch code generator and its listing, the export files, the charts'
 * drawing for long data, the formulas of the losses no preset picks). The page fetches it as a classic script on first
 * use (later/load.js); it hands its exports over to the <script> element
 * that loaded it, through an event, so no global is involved. */
import { build } from './pytorch-code.js';
import { CodeBlock } from './code-block.js';
import * as exportResults from './export.js';
import { chartFigure } from './figure.js';
import * as chartsScale from '../views/charts/scale.js';
// The formulas of the losses no preset picks (views/formulas.js shows the others at once).
import moreFormulas from 'lossplay-formulas-more';
// Every formula's words for a screen reader, TeX -> [English, Chinese].
import spokenFormulas from 'lossplay-formulas-spoken';
// The learner hints' texts: only a view with a hint needs them.
import { hintStrings } from '../i18n/strings/hints.js';
import { findHints } from '../compute/hints.js';
// The core's error templates: only a view with an error needs them.
import { errorStrings as coreErrorStrings } from '../i18n/strings/errors.js';
// The facade's argument checks: templates of the same 'error.<code>' kind.
import { apiStrings } from '../i18n/strings/api.js';

const errorStrings = Object.assign({}, coreErrorStrings, apiStrings);
// Why a share link cannot be opened: only a damaged link needs them.
import { shareStrings } from '../i18n/strings/share.js';
import { fitShareStrings } from '../i18n/strings/fit-shell.js';

// The readers and views of the data boxes the first view does not need.
import { readers, inputMoreStrings } from '../input/more.js';
import { createBoxMessages } from '../views/box-messages.js';
import { createSplitNotice } from '../views/split-notice.js';
import { ColumnPicker } from '../views/column-picker.js';

const input = { readers, strings: inputMoreStrings, createBoxMessages, createSplitNotice, ColumnPicker };
const exports = { buildCode: build, CodeBlock, exportResults, chartFigure, chartsScale, moreFormulas, hintStrings, findHints, spokenFormulas, errorStrings, shareStrings: Object.assign({}, shareStrings, fitShareStrings), input };
const script = typeof document !== 'undefined' ? document.currentScript : null;
if (script) script.dispatchEvent(new CustomEvent('lossplay:chunk', { detail: exports }));
