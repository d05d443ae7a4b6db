// Trunk post_build hook: the engine worker's wasm starts with its first
// context already made. The worker binary exports `snapshot_prepare`
// (web/src/bin/worker.rs), which prepares that context as the worker would
// when it starts. This script calls it in Node with every import refusing
// (so nothing of the host can end up in the snapshot: no clock reading, no
// random seed, no JS object), then stores each part of the memory it changed
// as an active data segment of the wasm and raises the memory's initial size
// to what it grew to. The browser's instantiation copies those bytes in; the
// worker finds the context there and is ready as soon as it is compiled,
// with no JavaScript of the Node layer parsed on the first result's path.
//
// Trunk runs a stage's hooks at once: this one reads and writes
// worker_bg.wasm only, which the others do not touch.
//
// The sections are patched in place (LEB128 counts and sizes) rather than the
// module read and written again by binaryen: the code must stay the bytes
// wasm-opt made.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("snapshot-worker.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
const wasmPath = join(dir, "worker_bg.wasm");
const original = new Uint8Array(await readFile(wasmPath));

/** Instantiates `bytes` with imports that throw, so any call out of the wasm fails loudly. */
async function instantiateRefusing(bytes) {
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== "function") throw new Error(`the worker imports a ${kind} (${from}.${name}); the snapshot handles functions only`);
    (imports[from] ??= {})[name] = () => {
      throw new Error(`the first context's preparation called out of the wasm (${name}): what it read would be frozen into every page load`);
    };
  }
  return (await WebAssembly.instantiate(module, imports)).exports;
}

const exports = await instantiateRefusing(original);
if (typeof exports.snapshot_prepare !== "function") throw new Error("worker_bg.wasm has no snapshot_prepare export");
const before = new Uint8Array(exports.memory.buffer).slice();
exports.snapshot_prepare();
const after = new Uint8Array(exports.memory.buffer);

// The changed bytes, in runs of CHUNK-byte blocks (bytes past the initial
// memory count as changed only where they are not zero).
const CHUNK = 256;
const segments = [];
for (let at = 0; at < after.length; at += CHUNK) {
  const end = Math.min(at + CHUNK, after.length);
  let changed = false;
  for (let i = at; i < end && !changed; i++) changed = after[i] !== (i < before.length ? before[i] : 0);
  if (!changed) continue;
  const last = segments.at(-1);
  if (last && last.end === at) last.end = end;
  else segments.push({ start: at, end });
}

// --- the binary format: LEB128 and sections ---
function readU32(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function u32(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}
function i32(value) {
  const out = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}
const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
};
const section = (id, body) => concat([Uint8Array.of(id, ...u32(body.length)), body]);

/** The constant expression at `at` (i32/i64/f32/f64.const, global.get, ref.null, ref.func), up to its `end`. */
function skipConstExpr(bytes, at) {
  for (;;) {
    const op = bytes[at++];
    if (op === 0x0b) return at;
    if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) while (bytes[at++] & 0x80);
    else if (op === 0x43) at += 4;
    else if (op === 0x44) at += 8;
    else if (op === 0xd0) at += 1;
    else throw new Error(`unexpected opcode 0x${op.toString(16)} in a constant expression`);
  }
}

const pages = after.length / 65536;
const newSegments = segments.map(({ start, end }) =>
  concat([Uint8Array.of(0x00, 0x41, ...i32(start), 0x0b, ...u32(end - start)), after.subarray(start, end)]));
const parts = [original.subarray(0, 8)];
let mutableGlobals = 0;
let hasData = false;
for (let at = 8; at < original.length; ) {
  const id = original[at];
  const [size, bodyAt] = readU32(original, at + 1);
  const body = original.subarray(bodyAt, bodyAt + size);
  const whole = original.subarray(at, bodyAt + size);
  at = bodyAt + size;
  if (id === 5) {
    // One memory: its limits' minimum becomes the grown size (a maximum, if any, stays).
    const [count, limitsAt] = readU32(body, 0);
    if (count !== 1) throw new Error(`expected one memory, found ${count}`);
    const flags = body[limitsAt];
    let [, next] = readU32(body, limitsAt + 1);
    parts.push(section(5, concat([Uint8Array.of(1, flags, ...u32(pages)), body.subarray(next)])));
  } else if (id === 6) {
    // Only the stack pointer may be a mutable global: it is back at its
    // start when snapshot_prepare returns; another one's value would be lost.
    let [count, g] = readU32(body, 0);
    for (let i = 0; i < count; i++) {
      const mutable = body[g + 1] === 1;
      mutableGlobals += mutable ? 1 : 0;
      g = skipConstExpr(body, g + 2);
    }
    parts.push(whole);
  } else if (id === 11) {
    hasData = true;
    const [count, rest] = readU32(body, 0);
    parts.push(section(11, concat([Uint8Array.from(u32(count + newSegments.length)), body.subarray(rest), ...newSegments])));
  } else if (id === 12) {
    const [count] = readU32(body, 0);
    parts.push(section(12, Uint8Array.from(u32(count + newSegments.length))));
  } else {
    parts.push(whole);
  }
}
if (!hasData) throw new Error("worker_bg.wasm has no data section to add the snapshot to");
if (mutableGlobals > 1) throw new Error(`the worker has ${mutableGlobals} mutable globals; only the stack pointer is expected`);
const patched = concat(parts);

// The patched module must start with exactly the memory snapshot_prepare left.
const check = new Uint8Array((await instantiateRefusing(patched)).memory.buffer);
if (check.length !== after.length || check.some((byte, i) => byte !== after[i])) throw new Error("the patched wasm does not start with the prepared memory");
await writeFile(wasmPath, patched);
const changed = segments.reduce((n, s) => n + s.end - s.start, 0);
console.log(`snapshot-worker: first context stored in worker_bg.wasm (${segments.length} segments, ${(changed / 1024).toFixed(0)} KB; memory ${pages} pages)`);
