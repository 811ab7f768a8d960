// A seeded generator and byte-level mutator for the JS fuzz harnesses:
// runs repeat exactly for a seed, so a finding is replayed by its seed.
'use strict';

/** mulberry32: small, fast, good enough to drive mutations. */
function generator(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

// Characters people and attackers paste: separators (ASCII and full-width),
// signs, quotes, brackets, markup, controls, surrogates and the like.
const ATOMS = [
  ' ', '\t', '\n', '\r\n', '\r', ',', ';', '，', '；', '、', '\u3000', '.', '-', '+', 'e', 'E', '１', '．', '－',
  '"', "'", '[', ']', '{', '}', ':', '<', '>', '/', '\\', '\u0000', '\ufeff', '\u200b', '\ud800', '\udfff', '😀',
  'NaN', 'Infinity', '-inf', '1e309', '1e-400', '0x10', '1_000', '1,5', 'null', 'true', 'y_true', 'ŷ', '<b>x</b>',
  '__proto__', 'constructor', 'prototype', '9'.repeat(400),
];

/** A mutation of `text`: insertions, deletions, swaps, repeats, splices. */
function mutate(rand, text, others) {
  let s = text;
  const rounds = 1 + rand.int(6);
  for (let k = 0; k < rounds; k++) {
    const at = s.length ? rand.int(s.length + 1) : 0;
    switch (rand.int(7)) {
      case 0: s = s.slice(0, at) + rand.pick(ATOMS) + s.slice(at); break;
      case 1: s = s.slice(0, at) + s.slice(at + 1 + rand.int(8)); break;
      case 2: s = s.slice(0, at) + String(rand.next() * 10 ** (rand.int(40) - 20)) + s.slice(at); break;
      case 3: { const piece = s.slice(at, at + 1 + rand.int(30)); s = s.slice(0, at) + piece.repeat(1 + rand.int(5)) + s.slice(at); break; }
      case 4: if (others.length) { const o = rand.pick(others); s = s.slice(0, at) + o.slice(rand.int(o.length + 1)); } break;
      case 5: s = s.slice(0, at) + String.fromCharCode(rand.int(0x3000)) + s.slice(at); break;
      default: s = s.slice(0, at) + s.slice(at).split('').reverse().join('').slice(0, 20) + s.slice(at + 20);
    }
  }
  return s;
}

/** Runs `one(rand)` until `seconds` pass; resolves to the count of runs. */
async function forSeconds(seconds, seed, one) {
  const rand = generator(seed);
  const end = Date.now() + seconds * 1000;
  let runs = 0;
  while (Date.now() < end) {
    for (let k = 0; k < 50; k++) await one(rand, runs++);
  }
  return runs;
}

module.exports = { generator, mutate, forSeconds, ATOMS };
