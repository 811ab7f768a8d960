'use strict';
// Shared by the JS tests: imports a module of web/src/ (ES modules) from a
// CommonJS test, e.g. `const { readData } = await importWeb('input/read.js')`.
const path = require('node:path');
const { register } = require('node:module');
const { pathToFileURL } = require('node:url');

const SRC = path.join(__dirname, '..', '..', '..', 'web', 'src');
register(pathToFileURL(path.join(__dirname, 'missing-errors-hook.mjs')));

/** The module web/src/<file> (a promise). */
function importWeb(file) {
  return import(pathToFileURL(path.join(SRC, file)).href);
}

module.exports = { importWeb, SRC };
