// fit-node-wasm.pre.js: node-wasm.pre.js for the fit module. In Node (and
// only there, unless the caller passed wasmBinary or instantiateWasm) read
// lossplay-fit.wasm from beside the script that holds this code, since the
// glue would fetch() it and Node's fetch cannot read a file path.
if (typeof process === 'object' && process.versions && process.versions.node &&
    typeof window === 'undefined' && typeof importScripts === 'undefined' &&
    !Module['wasmBinary'] && !Module['instantiateWasm']) {
  Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'lossplay-fit.wasm'));
}
