#!/usr/bin/env node
// Fuzzes the share-link decoder with a seeded generator: links made by the
// encoder from states in tests/fuzz/corpus/share/, then (a) the link's text
// mutated and (b) the state's JSON mutated and re-encoded with a valid
// check code, so that mutations reach the schema and not just the checksum.
// Every link must decode to a state that encodes and decodes to itself, or
// be refused by a ShareLinkError; nothing may touch Object.prototype.
//   node tests/fuzz/share-link-fuzz.js SECONDS [SEED]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { mutate, forSeconds, ATOMS } = require('./random.js');
const { loadShare } = require('./targets.js');
const { report } = require('./table-reader-fuzz.js');
const { linkOf } = require('./link-check.js');

// A structural mutation of a state: a field retyped, removed, added or nested.
function mutateState(rand, state) {
  const copy = structuredClone(state);
  const holders = [];
  const walk = (v) => {
    if (v && typeof v === 'object') {
      holders.push(v);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(copy);
  const VALUES = [null, true, 0, -1, 1e308, 'en', 'zh', '', [], {}, ['mse_loss', 'mse_loss'], { __proto__: null },
    'x'.repeat(5000), [[[[]]]], NaN, rand.pick(ATOMS)];
  for (let k = 0; k < 1 + rand.int(3); k++) {
    const h = rand.pick(holders);
    const keys = Object.keys(h);
    const key = keys.length && rand.int(3) ? rand.pick(keys) : rand.pick(['__proto__', 'constructor', 'extra', 'x', '0', 'v']);
    if (rand.int(4) === 0) delete h[key];
    else h[key] = rand.pick(VALUES);
  }
  let json = JSON.stringify(copy);
  if (rand.int(4) === 0) json = json.replace('"x"', '"__proto__"');
  return json;
}

async function main() {
  const seconds = Number(process.argv[2] || 20);
  const seed = Number(process.argv[3] || 1);
  const { decode, encode, isLinkError } = await loadShare();
  const dir = path.join(__dirname, 'corpus', 'share');
  const states = fs.readdirSync(dir).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const links = [];
  for (const s of states) links.push(await encode(s));
  const findings = [];
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).join();
  const before = protoKeys();
  const check = async (param) => {
    let state;
    try {
      state = await decode(param);
    } catch (e) {
      if (!isLinkError(e)) return `threw ${e && e.name}: ${e && e.message}`;
      if (!e.message || e.message.length < 12) return `a bare message: ${JSON.stringify(e.message)}`;
      return null;
    }
    if (!state || typeof state !== 'object') return `decoded to ${String(state)}`;
    // What decodes must survive its own round trip unchanged.
    const again = await decode(await encode(state));
    if (JSON.stringify(again) !== JSON.stringify(state)) return 'the decoded state does not round-trip';
    if (protoKeys() !== before || {}.polluted !== undefined) return 'Object.prototype was changed';
    return null;
  };
  for (const l of links) {
    const why = await check(l);
    if (why) findings.push({ text: l, why: `seed link: ${why}` });
  }
  const runs = await forSeconds(seconds, seed, async (rand) => {
    const param = rand.int(2)
      ? mutate(rand, rand.pick(links), links)
      : linkOf(mutateState(rand, rand.pick(states)));
    const why = await check(param);
    if (why && findings.length < 20) findings.push({ text: param, why });
  });
  report('share-link decoder', runs, seconds, findings);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
