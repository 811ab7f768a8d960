// Where the JS fuzz harnesses find what they fuzz: the one file to change
// when the page's modules move.
'use strict';
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

/** {lp, readData(lp, text), isReadError(e)}: the table reader and the core. */
async function loadReader() {
  const LossPlay = require(path.join(ROOT, 'dist', 'lossplay.js'));
  const lp = await LossPlay.load();
  const input = require(path.join(ROOT, 'web', 'input.js'));
  return {
    lp,
    readData: input.readData,
    isReadError: (e) => e instanceof input.ReadError || e instanceof LossPlay.LossPlayError,
  };
}

/** {decode(param, lp), encode(state), isLinkError(e), lp}: the share-link codec. */
async function loadShare() {
  const LossPlay = require(path.join(ROOT, 'dist', 'lossplay.js'));
  const lp = await LossPlay.load();
  require(path.join(ROOT, 'web', 'share.js'));
  const ui = globalThis.LossPlayUI;
  return {
    lp,
    decode: (param) => ui.share.decode(param, lp),
    encode: (state) => ui.share.encode(state),
    isLinkError: (e) => e && e.name === 'ShareLinkError',
  };
}

module.exports = { loadReader, loadShare };
