// Node's console: every line formatted by util.format, recorded by the engine.
// Methods Node builds on console.log/warn (table, count, assert, trace…)
// are built on them here too, so they land at the same level.
'use strict';
const util = require('util');
const table = require('console-table');

const console = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = function (...args) {
    native.log(level, util.format(...args));
  };
}
// Node writes dir/dirxml straight to stdout, past console.log; the reference
// runtime's log capture (like HubSpot's log panel capture of console methods)
// does not see them, so neither do we.
console.dir = function () {};
console.dirxml = function () {};
console.table = function (data, properties) {
  if (data === null || typeof data !== 'object') return console.log(data);
  return console.log(table.render(data, properties, util.inspect));
};
console.trace = function (...args) {
  const err = { name: 'Trace', message: util.format(...args) };
  Error.captureStackTrace(err, console.trace);
  console.error(err.stack);
};
console.assert = function (condition, ...args) {
  if (condition) return;
  if (args.length && typeof args[0] === 'string') {
    args[0] = `Assertion failed: ${args[0]}`;
    console.warn(...args);
  } else {
    console.warn('Assertion failed', ...args);
  }
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
function elapsed(label) {
  const ms = Number(process.hrtime.bigint() - timers.get(label)) / 1e6;
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${ms.toFixed(3)}ms`;
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
