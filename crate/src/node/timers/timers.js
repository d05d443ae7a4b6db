// Node's timers over the engine's virtual-clock timers. Node returns Timeout
// objects (with ref/unref/hasRef/refresh); the ids stay usable for clears.
'use strict';
const { engineSetTimeout, engineSetInterval, Timeout, delayOf, timeout, clear } = require('timers-engine');

// The action's timers are noted on the run's timeline (the network's waits
// for mock answers use engine.afterLatency instead).
function setTimeout(fn, ms, ...args) {
  if (typeof fn !== 'function') throw invalidCallback(fn);
  native.noteTimer(delayOf(ms), false);
  return timeout(fn, ms, args);
}

function setInterval(fn, ms, ...args) {
  if (typeof fn !== 'function') throw invalidCallback(fn);
  native.noteTimer(delayOf(ms), true);
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
