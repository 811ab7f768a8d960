/* Loads lossplay-data.js (large data: their preview, the pipeline and its
 * worker) on first use, through the page's one chunk loader. */
import { loadChunk } from '../later/load.js';

/** Resolves to {createPipeline, keep, forget, blobOf, textOf, createBigPreview, createProgress}. */
export const loadData = (base) => loadChunk('lossplay-data.js', base, 'lossplay:data');
