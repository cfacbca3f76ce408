// Pre-initialises the wasm at build time (`make wasm`, between cargo and
// wasm-bindgen): instantiates cargo's output in Node, calls its
// `gwlint_prewarm` export (src/wasm.rs: builds the rule tables every check
// needs), and writes a wasm whose memory starts as that call left it. The page
// (and every other front end) then skips that work on its first check: it
// was 20-40 ms of the worker's start-up in Chromium. Like Wizer, for a module
// without threads whose only mutable global is the stack pointer (back at its
// start value when the call returns); the call may not reach JS: every import
// throws here.
//
//   node scripts/prewarm-wasm.mjs IN.wasm OUT.wasm
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: prewarm-wasm.mjs IN.wasm OUT.wasm');
const bytes = readFileSync(input);
const EXPORT = 'gwlint_prewarm';

// ---- reading and writing the binary format ------------------------------
function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at.p++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}
function u32(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
function i32Const(n) {
  // Signed LEB128 of a 32-bit value (data segment offsets).
  const out = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) {
      out.push(b);
      break;
    }
    out.push(b | 0x80);
  }
  return Buffer.from([0x41, ...out, 0x0b]);
}
const section = (id, body) => Buffer.concat([Buffer.from([id]), u32(body.length), body]);
const name = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);

/** [{id, body, name?}] */
function sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100 || buf.readUInt32LE(4) !== 1) throw new Error(`${input}: not a wasm module`);
  const out = [];
  const at = { p: 8 };
  while (at.p < buf.length) {
    const id = buf[at.p++];
    const size = readU32(buf, at);
    const body = buf.subarray(at.p, at.p + size);
    at.p += size;
    const s = { id, body };
    if (id === 0) {
      const q = { p: 0 };
      const n = readU32(body, q);
      s.name = body.subarray(q.p, q.p + n).toString();
    }
    out.push(s);
  }
  return out;
}

// ---- run the call ------------------------------------------------------
const module = new WebAssembly.Module(bytes);
if (!WebAssembly.Module.exports(module).some((e) => e.name === EXPORT)) throw new Error(`${input}: no ${EXPORT} export`);
const imports = {};
for (const imp of WebAssembly.Module.imports(module)) {
  if (imp.kind !== 'function') throw new Error(`${input}: imports a ${imp.kind} (${imp.module}.${imp.name}); only functions are handled`);
  (imports[imp.module] ??= {})[imp.name] = () => {
    throw new Error(`${EXPORT} called into JS (${imp.module}.${imp.name}): it must stay in Rust`);
  };
}
const instance = new WebAssembly.Instance(module, imports);
instance.exports[EXPORT]();
const memory = new Uint8Array(instance.exports.memory.buffer);

// ---- the new module ----------------------------------------------------
// The memory as data segments: its non-zero runs (zero gaps shorter than a
// segment's own cost are kept inside a segment).
const GAP = 32;
const segments = [];
for (let i = 0; i < memory.length; ) {
  while (i < memory.length && memory[i] === 0) i++;
  if (i >= memory.length) break;
  const start = i;
  let end = i;
  let zeros = 0;
  for (; i < memory.length; i++) {
    if (memory[i] !== 0) {
      end = i + 1;
      zeros = 0;
    } else if (++zeros >= GAP) break;
  }
  segments.push([start, end]);
}
const data = Buffer.concat([
  u32(segments.length),
  ...segments.map(([s, e]) => Buffer.concat([Buffer.from([0]), i32Const(s), u32(e - s), Buffer.from(memory.subarray(s, e))])),
]);
const pages = memory.length / 65536;

/** The module with memory = the snapshot; without the prewarm export if `dropExport`. */
function rewrite(dropExport) {
  let sawMemory = false;
  let sawData = false;
  const out = [];
  for (const s of sections(bytes)) {
    if (s.id === 5) {
      // One memory: its initial size becomes what the call grew it to.
      const q = { p: 0 };
      if (readU32(s.body, q) !== 1) throw new Error(`${input}: more than one memory`);
      const flags = readU32(s.body, q);
      if (flags & ~1) throw new Error(`${input}: shared or 64-bit memory`);
      readU32(s.body, q);
      const max = flags & 1 ? readU32(s.body, q) : null;
      out.push(section(5, Buffer.concat([u32(1), u32(flags), u32(pages), ...(max === null ? [] : [u32(max)])])));
      sawMemory = true;
    } else if (s.id === 11) {
      out.push(section(11, data));
      sawData = true;
    } else if (s.id === 12) {
      out.push(section(12, u32(segments.length)));
    } else if (s.id === 7 && dropExport) {
      // Drop the prewarm export (wasm-bindgen then drops the function).
      const q = { p: 0 };
      const n = readU32(s.body, q);
      const kept = [];
      for (let i = 0; i < n; i++) {
        const from = q.p;
        const len = readU32(s.body, q);
        const exportName = s.body.subarray(q.p, q.p + len).toString();
        q.p += len + 1;
        readU32(s.body, q);
        if (exportName !== EXPORT) kept.push(s.body.subarray(from, q.p));
      }
      out.push(section(7, Buffer.concat([u32(kept.length), ...kept])));
    } else if (s.id === 0 && s.name === 'name') {
      // The name section names data segments (subsection 9): those are gone.
      const q = { p: 0 };
      q.p += readU32(s.body, q);
      const parts = [name('name')];
      while (q.p < s.body.length) {
        const sub = s.body[q.p++];
        const len = readU32(s.body, q);
        if (sub !== 9) parts.push(Buffer.from([sub]), u32(len), s.body.subarray(q.p, q.p + len));
        q.p += len;
      }
      out.push(section(0, Buffer.concat(parts)));
    } else {
      out.push(section(s.id, s.body));
    }
  }
  if (!sawMemory || !sawData) throw new Error(`${input}: no memory or data section`);
  return Buffer.concat([bytes.subarray(0, 8), ...out]);
}

// Check: the new module starts where the call left the old one, so calling
// it again there changes nothing (its tables are built): memory byte for byte.
const again = new WebAssembly.Instance(new WebAssembly.Module(rewrite(false)), imports);
again.exports[EXPORT]();
if (Buffer.compare(Buffer.from(again.exports.memory.buffer), Buffer.from(memory)) !== 0) {
  throw new Error(`${EXPORT} is not a fixed point of the prewarmed module: its state is not all in memory`);
}
const result = rewrite(true);
new WebAssembly.Module(result); // validates
writeFileSync(output, result);
const nonZero = segments.reduce((a, [s, e]) => a + e - s, 0);
console.log(`prewarm: ${input} → ${output}: memory ${pages} pages, ${segments.length} data segments (${nonZero} bytes), ${bytes.length} → ${result.length} bytes`);
