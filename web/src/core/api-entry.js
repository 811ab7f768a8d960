/* Entry of dist/lossplay.js, the public JS API: global LossPlay in a page,
 * module.exports in Node (scripts/bundle.js adds the CommonJS footer). */
export { load, LossPlay, LossPlayError, TensorHandle } from './lossplay.js';
