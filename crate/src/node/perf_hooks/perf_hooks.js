// `perf_hooks` and the global `performance`: Node's high-resolution time on
// the run's clock (virtual time plus the CPU the run has used), so
// `performance.now()` deltas agree with `Date.now()` and `process.hrtime`.
'use strict';

// hrtime counts from the run's start (a context may be prepared before it).
class Performance {
  get timeOrigin() { return Date.now() - this.now(); }
  now() { return native.hrtimeNs() / 1e6; }
  toJSON() { return { timeOrigin: this.timeOrigin }; }
}
const performance = new Performance();

module.exports = { performance, Performance };
