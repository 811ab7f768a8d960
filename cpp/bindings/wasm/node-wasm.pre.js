// node-wasm.pre.js: an Emscripten --pre-js that hands the glue its wasm
// bytes when it runs in Node. Emscripten 3.1.6's glue fetch()es the .wasm
// whenever a global fetch exists, and Node 18+ has one that cannot read a
// file path; so in Node (and only there, unless the caller already passed
// wasmBinary or instantiateWasm) read lossplay-core.wasm from beside the
// script that holds this code.
if (typeof process === 'object' && process.versions && process.versions.node &&
    typeof window === 'undefined' && typeof importScripts === 'undefined' &&
    !Module['wasmBinary'] && !Module['instantiateWasm']) {
  Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'lossplay-core.wasm'));
}
