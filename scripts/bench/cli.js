// The command line every bench script reads: --quick (the short run the test
// suite makes), --out FILE (its JSON, build/bench/<name>[-quick].json by
// default), --native BIN (the native peer) and any other --name value.
'use strict';
const path = require('node:path');

const BENCH = path.join(__dirname, '..', '..', 'build', 'bench');

/** {quick, out, native, option(name, fallback)} for the script whose JSON is `name`. */
function benchArgs(name, argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick');
  const option = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
  return {
    quick,
    option,
    out: option('--out', path.join(BENCH, `${name}${quick ? '-quick' : ''}.json`)),
    native: option('--native', path.join(BENCH, 'lossplay_native_bench')),
  };
}

module.exports = { benchArgs };
