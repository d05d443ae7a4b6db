// console methods as the action's log capture sees them: Node's console
// built on the captured console.log/warn (as HubSpot's runtime and the
// reference runner capture them). Each case returns the captured lines.
const capture = `
  const lines = [];
  const saved = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    saved[level] = console[level];
    console[level] = (...args) => lines.push(level + ' ' + require('util').format(...args));
  }
  const done = () => { Object.assign(console, saved); return lines; };
  try { run(); } catch (e) { done(); throw e; }
  return done();
  function run() {`;
const table = (code) => `${capture} ${code} }`;
const data = [
  "[{ a: 1, b: 'xyz' }, { a: 'longer value', c: { x: 1, y: 2, z: 3 } }, 5]",
  "[[1, 2], [3, 4, 5]]",
  "{ r1: { c: [1, 2, 3, 4, 5] }, r2: 'prim' }",
  "new Map([['k', { a: 1 }], [{ o: 1 }, 2]])",
  "new Set(['a', 1, null])",
  "['日本語', 'ab', 'émoji 😀', 'e\\u0301']",
  "[]",
  "{}",
  "[{ nested: { deep: { deeper: 1 } }, list: [[1, [2]]], fn() {}, sym: Symbol('s'), big: 10n, date: new Date(0), re: /x/g, u: undefined, n: null }]",
  "{ alice: { age: 30, city: 'Oslo' }, bob: { age: 4, email: 'b@x.io', city: 'Åre' } }",
  "[1, 'two', true]",
  "'not an object'",
  "5",
  "null",
  "[new Error('boom').message, { a: { b: 1, c: 2 } }, { a: { b: 1, c: 2, d: 3 } }]",
];
module.exports = [
  ...data.map((d) => table(`console.table(${d});`)),
  table("console.table([{ a: 1, b: 2, c: 3 }, { a: 4, d: 5 }], ['a', 'd']);"),
  table("console.table({ x: 1, y: { a: 2 } }, ['a']);"),
  table("console.table([{ a: 1 }], 'a');"),
  table("console.assert(true, 'no'); console.assert(false); console.assert(false, 'msg %s', 'x'); console.assert(0, { o: 1 }, 2); console.assert(null, 5);"),
  table("console.count(); console.count(); console.count('x'); console.countReset(); console.count(); console.count('x'); console.countReset('missing'); console.count(undefined); console.count(null); console.count({ toString() { return 'obj'; } });"),
  table("console.group('g1', { a: 1 }); console.log('in'); console.group(); console.log('in2'); console.groupEnd(); console.groupCollapsed('c'); console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('out');"),
  table("console.dirxml('x', { a: 1 }, [2]); console.dir({ a: 1 }); console.dir('s', { depth: 0 });"),
  table("console.info('i %d', 3); console.debug('d'); console.warn('w'); console.error(new Error('e').message);"),
  // Strings only: formatted without the inspector (util.js's plainStrings), '%' or not.
  table("console.log('100%'); console.log('a', 'b c', ''); console.log('%s is %d%%', 'x', '42'); console.log('50%', 'off'); console.log('x', '%s'); console.log(); console.log('', 'y'); console.log('%', 'a'); console.log('a%', 'b'); console.log('%%'); console.log('%%', 'z'); console.log('%o', 'q');"),
  table("console.time(); console.time('t'); console.timeEnd('nope'); console.timeLog('nope'); console.time('t'); return lines.length;"),
];
