// Where the JS fuzz harnesses find what they fuzz: the one file to change
// when the page's modules move. The page's sources are ES modules
// (web/src/), imported here from CommonJS.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.join(__dirname, '..', '..');
const importWeb = (file) => import(pathToFileURL(path.join(ROOT, 'web', 'src', file)).href);

/** {lp, readData(lp, text), isReadError(e)}: the table reader and the core. */
async function loadReader() {
  const LossPlay = require(path.join(ROOT, 'dist', 'lossplay.js'));
  const lp = await LossPlay.load();
  const input = await importWeb('input/read.js');
  // Every reader, as the worker has them: the lazily loaded ones (Python
  // literals, JSON error positions, comma readings) are fuzzed too.
  (await importWeb('input/more.js')).installHere();
  return {
    lp,
    readData: input.readData,
    isReadError: (e) => e instanceof input.ReadError || (e && e.name === 'LossPlayError'),
  };
}

/** {decode(param), encode(state), isLinkError(e), lp}: the share-link codec. */
async function loadShare() {
  const LossPlay = require(path.join(ROOT, 'dist', 'lossplay.js'));
  const lp = await LossPlay.load();
  const share = await importWeb('state/share-link.js');
  return {
    lp,
    decode: (param) => share.decode(param, lp),
    encode: (state) => share.encode(state),
    isLinkError: (e) => e instanceof share.ShareLinkError,
  };
}

module.exports = { loadReader, loadShare };
