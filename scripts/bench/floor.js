// The floor of scripts/bench.sh's kernel lines: the least any wasm core can
// take end to end from Float64Array, measured on this machine in the same
// run. Its inputs are copied into a wasm memory, one pass two lanes at a
// time reads them and writes x - y into each output (the least a loss's
// pass does), and the outputs are copied out into new Float64Arrays. A
// target below it cannot be met by computing faster.
'use strict';

const leb = (v) => {
  const bytes = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    bytes.push(b);
  } while (v);
  return bytes;
};
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const get = (local) => [0x20, local];
const at = (base) => [...get(base), ...get(5), 0x6a]; // base + i
const load = [0xfd, 0x00, 0x03, 0x00]; // v128.load, align 8
const store = [0xfd, 0x0b, 0x03, 0x00]; // v128.store, align 8

/**
 * A wasm module of `pages` 64 KB pages, assembled here (no toolchain):
 * exports m (its memory) and f(x, y, out1, out2, bytes), which writes x - y
 * into out1 over `bytes` bytes, two doubles at a time, and into out2 as well
 * when out2 is not 0.
 */
function floorModule(pages) {
  const body = [
    0x02, 0x01, 0x7f, 0x01, 0x7b, // locals: i (i32, local 5), d (v128, local 6)
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(5), ...get(4), 0x4f, 0x0d, 0x01, // i >= bytes: done
    ...at(0), ...load, ...at(1), ...load, 0xfd, 0xf1, 0x01, 0x21, 0x06, // d = x[i] - y[i] (f64x2.sub)
    ...at(2), ...get(6), ...store, // out1[i] = d
    ...get(3), 0x04, 0x40, ...at(3), ...get(6), ...store, 0x0b, // if out2: out2[i] = d
    ...get(5), 0x41, 0x10, 0x6a, 0x21, 0x05, // i += 16
    0x0c, 0x00, 0x0b, 0x0b, 0x0b, // again; end loop, block, function
  ];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]), // (i32 × 5) -> ()
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, ...leb(pages)]),
    ...section(7, [0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x66, 0x00, 0x00]), // "m" memory 0, "f" function 0
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ];
  return new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports;
}

/**
 * The floor for one case: a function that copies c.input and c.target in,
 * runs the pass over the input's length (cross-entropy's class indices are
 * shorter: the pass then reads the input twice) writing `outputs` (1 or 2)
 * arrays of that length, and copies them out.
 */
function floor(c, outputs) {
  const n = c.input.length;
  const m = c.target.length;
  const inBytes = 8 * (n + m);
  const { m: memory, f } = floorModule(Math.ceil((inBytes + 16 * n + 16) / 65536));
  const heap = new Float64Array(memory.buffer);
  const out1 = inBytes + (inBytes % 16);
  const out2 = outputs > 1 ? out1 + 8 * n : 0;
  const y = m === n ? 8 * n : 0;
  return () => {
    heap.set(c.input, 0);
    heap.set(c.target, n);
    f(0, y, out1, out2, 8 * (n & ~1));
    for (let k = 0; k < outputs; k++) {
      const start = (k ? out2 : out1) / 8;
      new Float64Array(heap.subarray(start, start + n));
    }
  };
}

/** Checks the pass: x - y into both outputs, for an even count. */
function selfCheck() {
  const n = 10;
  const c = { input: Float64Array.from({ length: n }, (_, i) => i * 1.5), target: Float64Array.from({ length: n }, (_, i) => i * i) };
  const { m: memory, f } = floorModule(1);
  const heap = new Float64Array(memory.buffer);
  heap.set(c.input, 0);
  heap.set(c.target, n);
  f(0, 8 * n, 16 * n, 24 * n, 8 * n);
  for (let i = 0; i < n; i++) {
    const want = c.input[i] - c.target[i];
    if (heap[2 * n + i] !== want || heap[3 * n + i] !== want) throw new Error(`the floor's pass is wrong at ${i}`);
  }
}

module.exports = { floor, selfCheck };
