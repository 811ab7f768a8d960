/* Every string table, examples.html's too: what the tests check. The page's
 * bundle imports index.js instead, so examples.html's strings stay out of it. */
import { PAGE_TABLES } from './index.js';
import { examplesStrings } from './examples.js';
import { dataStrings } from './data.js';
import { codeStrings } from './code.js';
import { exportStrings } from './export.js';
import { chartsLongStrings } from './charts-long.js';
import { hintStrings } from './hints.js';
import { errorStrings } from './errors.js';
import { inputMoreStrings } from './input-more.js';
import { fitShellStrings, fitShareStrings } from './fit-shell.js';
import { shareStrings } from './share.js';
import { apiStrings } from './api.js';
import { fitChartsStrings } from './fit-charts.js';
import { fitTextStrings } from './fit-text.js';

export const TABLES = { ...PAGE_TABLES, examples: examplesStrings, bigdata: dataStrings, code: codeStrings, export: exportStrings, chartsLater: chartsLongStrings, hints: hintStrings, errors: errorStrings, inputMore: inputMoreStrings, fitShell: fitShellStrings, share: shareStrings, fitShare: fitShareStrings, api: apiStrings, fitCharts: fitChartsStrings, fitText: fitTextStrings };
