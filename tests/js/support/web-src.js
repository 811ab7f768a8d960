'use strict';
// Shared by the JS tests: imports a module of web/src/ (ES modules) from a
// CommonJS test, e.g. `const { readData } = await importWeb('input/read.js')`.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const SRC = path.join(__dirname, '..', '..', '..', 'web', 'src');

/** The module web/src/<file> (a promise). */
function importWeb(file) {
  return import(pathToFileURL(path.join(SRC, file)).href);
}

module.exports = { importWeb, SRC };
