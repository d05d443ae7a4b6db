// Node's console: every line formatted by util.format, recorded by the engine.
// Methods Node builds on console.log/warn (table, count, assert, trace…)
// are built on them here too, so they land at the same level.
'use strict';
const util = require('util');

const console = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = function (...args) {
    native.log(level, util.format(...args));
  };
}
// Node writes dir straight to stdout, and dirxml is the original
// console.log: the reference runtime's log capture (like HubSpot's, which
// replaces the log methods) sees neither, so neither do we.
console.dir = function () {};
console.dirxml = function () {};
console.table = function (data, properties) {
  if (properties !== undefined && !Array.isArray(properties)) {
    const err = new TypeError(`The "properties" argument must be an instance of Array.${util.format(' Received %s', describe(properties))}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (data === null || typeof data !== 'object') return console.log(data);
  // Loaded on first use: few actions draw tables, and every context would
  // parse it before its run otherwise.
  return console.log(require('console-table').render(data, properties, util.inspect));
};
function describe(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') return value.constructor && value.constructor.name ? `an instance of ${value.constructor.name}` : util.inspect(value, { depth: -1 });
  let shown = util.inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}
console.trace = function (...args) {
  const err = { name: 'Trace', message: util.format(...args) };
  Error.captureStackTrace(err, console.trace);
  console.error(err.stack);
};
console.assert = function (condition, ...args) {
  if (condition) return;
  args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
  console.warn(...args);
};
const counts = new Map();
console.count = function (label = 'default') {
  label = `${label}`;
  const n = (counts.get(label) || 0) + 1;
  counts.set(label, n);
  console.log(`${label}: ${n}`);
};
console.countReset = function (label = 'default') {
  counts.delete(`${label}`);
};
const timers = new Map();
// Node's formatTime: plain milliseconds (no trailing zeros), seconds with
// three decimals, then m:ss.mmm and h:mm:ss.mmm.
function elapsed(label) {
  let ms = Number(process.hrtime.bigint() - timers.get(label)) / 1e6;
  const pad = (n) => String(n).padStart(2, '0');
  if (ms >= 60000) {
    const hours = Math.floor(ms / 3600000);
    ms %= 3600000;
    const minutes = Math.floor(ms / 60000);
    const [seconds, millis] = ((ms % 60000) / 1000).toFixed(3).split('.');
    return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}.${millis} (h:mm:ss.mmm)` : `${minutes}:${pad(seconds)}.${millis} (m:ss.mmm)`;
  }
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
console.time = function (label = 'default') {
  timers.set(`${label}`, process.hrtime.bigint());
};
console.timeEnd = function (label = 'default') {
  label = `${label}`;
  if (!timers.has(label)) return;
  console.log(`${label}: ${elapsed(label)}`);
  timers.delete(label);
};
console.timeLog = function (label = 'default', ...data) {
  label = `${label}`;
  if (!timers.has(label)) return;
  console.log(`${label}: ${elapsed(label)}`, ...data);
};
console.group = function (...data) {
  if (data.length) console.log(...data);
};
console.groupCollapsed = console.group;
console.groupEnd = function () {};

module.exports = console;
