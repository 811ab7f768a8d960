/* Entry of lossplay-data.js, the data chunk: what large data need and the
 * first view does not (the registry of kept data, their preview, the
 * progress of a long run, the pipeline and its worker's code as a string).
 * The page loads it as a classic script when large data come or the reader
 * reaches for the data card (pipeline/load.js); it hands its exports to the
 * <script> element that loaded it, through an event, so no global is
 * involved. */
import WORKER_CODE from 'lossplay-worker-code';
import { addStrings } from '../i18n/translate.js';
import { dataStrings } from '../i18n/strings/data.js';
import { createPipeline } from './pipeline.js';
import { keep, forget, blobOf, textOf } from './big-data.js';
import { createBigPreview } from '../views/big-preview.js';
import { createProgress } from '../views/progress.js';

import { installHere } from '../input/more.js';

addStrings(dataStrings); // this chunk's own translator
installHere(); // the pipeline's main-thread fallback reads as the worker does

const exports = {
  createPipeline: (lp, base) => createPipeline(lp, base, WORKER_CODE),
  keep, forget, blobOf, textOf, createBigPreview, createProgress,
};
const script = typeof document !== 'undefined' ? document.currentScript : null;
if (script) script.dispatchEvent(new CustomEvent('lossplay:data', { detail: exports }));
