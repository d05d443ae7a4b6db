// The engine's virtual-clock timers, captured before Node's timers replace
// the globals, and Node's Timeout object over them. timers.js builds Node's
// API on these; `afterLatency` is the network layers' wait for a mock answer:
// not one of the action's timers, so the run's timeline shows it as the
// request's latency, not as a timer.
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

function timeout(fn, ms, args) {
  const t = new Timeout(0, delayOf(ms), false);
  t.id = engineSetTimeout(() => { t._destroyed = true; fn.apply(t, args); }, delayOf(ms));
  return t;
}

function afterLatency(fn, ms) {
  return timeout(fn, ms, []);
}

function clear(handle) {
  if (handle === null || handle === undefined) return;
  const id = typeof handle === 'object' ? handle.id : handle;
  if (typeof id === 'number' || typeof id === 'string') engineClear(Number(id));
  if (typeof handle === 'object') handle._destroyed = true;
}

module.exports = { engineSetTimeout, engineSetInterval, Timeout, delayOf, timeout, afterLatency, clear };
