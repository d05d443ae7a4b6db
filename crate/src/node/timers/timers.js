// Node's timers over the engine's virtual-clock timers. Node returns Timeout
// objects (with ref/unref/hasRef/refresh); the ids stay usable for clears.
'use strict';
const engineSetTimeout = globalThis.setTimeout;
const engineSetInterval = globalThis.setInterval;
const engineClear = globalThis.clearTimeout;

class Timeout {
  constructor(id, delay, repeat) {
    this._idleTimeout = delay;
    this._onTimeout = null;
    this._repeat = repeat ? delay : null;
    this._destroyed = false;
    Object.defineProperty(this, 'id', { value: id, writable: true });
  }
  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }
  refresh() { return this; }
  close() { clear(this); return this; }
  [Symbol.toPrimitive]() { return this.id; }
}

function delayOf(ms) {
  const n = Number(ms);
  return n >= 1 && n <= 2147483647 ? Math.trunc(n) : 1;
}

function setTimeout(fn, ms, ...args) {
  if (typeof fn !== 'function') throw invalidCallback(fn);
  const t = new Timeout(0, delayOf(ms), false);
  t.id = engineSetTimeout(() => { t._destroyed = true; fn.apply(t, args); }, delayOf(ms));
  return t;
}

function setInterval(fn, ms, ...args) {
  if (typeof fn !== 'function') throw invalidCallback(fn);
  const t = new Timeout(0, delayOf(ms), true);
  t.id = engineSetInterval(() => fn.apply(t, args), delayOf(ms));
  return t;
}

class Immediate {
  constructor(id) { Object.defineProperty(this, 'id', { value: id, writable: true }); }
  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }
}

function setImmediate(fn, ...args) {
  if (typeof fn !== 'function') throw invalidCallback(fn);
  // Immediates run after pending I/O and before later timers: a 0 ms slot.
  const im = new Immediate(0);
  im.id = engineSetTimeout(() => fn(...args), 0);
  return im;
}

function clear(handle) {
  if (handle === null || handle === undefined) return;
  const id = typeof handle === 'object' ? handle.id : handle;
  if (typeof id === 'number' || typeof id === 'string') engineClear(Number(id));
  if (typeof handle === 'object') handle._destroyed = true;
}

function invalidCallback(fn) {
  const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === undefined ? 'undefined' : require('util').inspect(fn)}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

const promises = {
  setTimeout: (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
  setImmediate: (value) => new Promise((resolve) => setImmediate(() => resolve(value))),
};

module.exports = {
  setTimeout, setInterval, setImmediate,
  clearTimeout: clear, clearInterval: clear, clearImmediate: clear,
  promises,
};
