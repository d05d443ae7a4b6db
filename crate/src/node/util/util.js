// Node's `util`: inspect/format from node-inspect-extracted (Node's own code,
// extracted), the rest written against Node's documented behaviour.
'use strict';
const extracted = require('node-inspect-extracted');
const errors = require('errors');

const inspect = function inspect(value, ...rest) {
  errors.normalize(value);
  return extracted.inspect(value, ...rest);
};
Object.assign(inspect, extracted.inspect);
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = extracted.inspect.defaultOptions;

function normalizeArgs(args) {
  for (const a of args) errors.normalize(a);
  return args;
}
const format = (...args) => extracted.format(...normalizeArgs(args));
const formatWithOptions = (options, ...args) => extracted.formatWithOptions(options, ...normalizeArgs(args));

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  if (typeof original !== 'function') {
    const err = new TypeError(`The "original" argument must be of type function. Received ${inspect(original)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (original[kCustomPromisify]) return original[kCustomPromisify];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, ...values) => {
        if (err) return reject(err);
        resolve(values.length > 1 ? values : values[0]);
      });
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  return function (...args) {
    const cb = args.pop();
    original.apply(this, args).then((v) => process.nextTick(cb, null, v), (e) => process.nextTick(cb, e));
  };
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate(fn) {
  return fn;
}

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const types = {
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isPromise: (v) => v instanceof Promise,
  isNativeError: (v) => v instanceof Error,
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v) => v instanceof Uint8Array,
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isAsyncFunction: (v) => tag(v) === 'AsyncFunction',
  isGeneratorFunction: (v) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
  isBoxedPrimitive: (v) => ['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(tag(v)) && typeof v === 'object',
};

function isDeepStrictEqual(a, b) {
  return require('assert').isDeepStrictEqualInternal(a, b);
}

module.exports = {
  inspect, format, formatWithOptions, promisify, callbackify, inherits, deprecate, types, isDeepStrictEqual,
  isArray: Array.isArray,
  isString: (v) => typeof v === 'string',
  isNumber: (v) => typeof v === 'number',
  isObject: (v) => v !== null && typeof v === 'object',
  isFunction: (v) => typeof v === 'function',
  isUndefined: (v) => v === undefined,
  isNullOrUndefined: (v) => v === null || v === undefined,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
  debuglog: () => () => {},
  stripVTControlCharacters: (s) => String(s).replace(/\u001b\[[0-9;]*m/g, ''),
};
