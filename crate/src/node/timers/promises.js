// Node's `timers/promises`: the timers as promises, on the run's clock.
'use strict';
const timers = require('timers');

module.exports = {
  setTimeout: (ms, value) => new Promise((resolve) => timers.setTimeout(() => resolve(value), ms)),
  setImmediate: (value) => new Promise((resolve) => timers.setImmediate(() => resolve(value))),
  async *setInterval(ms, value) {
    for (;;) yield await new Promise((resolve) => timers.setTimeout(() => resolve(value), ms));
  },
  scheduler: { wait: (ms) => new Promise((resolve) => timers.setTimeout(resolve, ms)) },
};
