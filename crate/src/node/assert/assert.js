// Node's `assert`: the functions actions use, AssertionError with Node's
// code and properties, and the deep equality `util.isDeepStrictEqual` shares.
'use strict';
const util = require('util');

class AssertionError extends Error {
  constructor(options) {
    super(options.message);
    this.generatedMessage = !options.userMessage;
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
  }
  get name() {
    return 'AssertionError';
  }
  toString() {
    return `AssertionError [ERR_ASSERTION]: ${this.message}`;
  }
}

function deepEqual(a, b, strict, seen = new Map()) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    if (a instanceof Set) return [...a].every((x) => [...b].some((y) => deepEqual(x, y, strict, seen)));
    return [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k), strict, seen));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k], strict, seen));
}

const show = (v) => util.inspect(v);

function fail(actual, expected, message, operator, generated) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message: message !== undefined ? message : generated, userMessage: message !== undefined, actual, expected, operator });
}

function ok(value, message) {
  if (!value) fail(value, true, message, '==', arguments.length === 0 ? 'No value argument passed to `assert.ok()`' : 'The expression evaluated to a falsy value');
}

const assert = function assert(value, message) {
  if (!value) fail(value, true, message, '==', arguments.length === 0 ? 'No value argument passed to `assert.ok()`' : 'The expression evaluated to a falsy value');
};
Object.assign(assert, {
  AssertionError,
  ok,
  fail: (message = 'Failed') => fail(undefined, undefined, message, 'fail'),
  equal: (a, b, m) => a == b || (a !== a && b !== b) || fail(a, b, m, '==', `${show(a)} == ${show(b)}`), // eslint-disable-line eqeqeq
  notEqual: (a, b, m) => a != b || fail(a, b, m, '!=', `${show(a)} != ${show(b)}`), // eslint-disable-line eqeqeq
  strictEqual: (a, b, m) => Object.is(a, b) || fail(a, b, m, 'strictEqual', `Expected values to be strictly equal:\n\n${show(a)} !== ${show(b)}\n`),
  notStrictEqual: (a, b, m) => !Object.is(a, b) || fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(b)}`),
  deepEqual: (a, b, m) => deepEqual(a, b, false) || fail(a, b, m, 'deepEqual', `Expected values to be loosely deep-equal:\n\n${show(a)}\n\nshould loosely deep-equal\n\n${show(b)}`),
  deepStrictEqual: (a, b, m) => deepEqual(a, b, true) || fail(a, b, m, 'deepStrictEqual', `Expected values to be strictly deep-equal:\n${show(a)}\n\nshould equal\n\n${show(b)}`),
  notDeepStrictEqual: (a, b, m) => !deepEqual(a, b, true) || fail(a, b, m, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${show(b)}`),
  match: (s, re, m) => re.test(s) || fail(s, re, m, 'match', `The input did not match the regular expression ${re}. Input:\n\n${show(s)}\n`),
  throws(fn, expected, message) {
    try {
      fn();
    } catch (e) {
      if (typeof expected === 'function' && expected.prototype !== undefined && !(e instanceof expected)) throw e;
      return;
    }
    fail(undefined, expected, typeof expected === 'string' ? expected : message, 'throws', 'Missing expected exception.');
  },
  async rejects(promise, expected, message) {
    try {
      await (typeof promise === 'function' ? promise() : promise);
    } catch (e) {
      return;
    }
    fail(undefined, expected, typeof expected === 'string' ? expected : message, 'rejects', 'Missing expected rejection.');
  },
  isDeepStrictEqualInternal: (a, b) => deepEqual(a, b, true),
});
assert.strict = assert;

module.exports = assert;
