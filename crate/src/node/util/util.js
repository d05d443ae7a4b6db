// Node's `util`: inspect/format from node-inspect-extracted (Node's own code,
// extracted), the rest written against Node's documented behaviour.
'use strict';
const errors = require('errors');

// The inspector (51 KB, most of a fresh context's parsing) is loaded by
// `engine::prepare` before any action runs, as Node has it (it captures the
// built-ins it uses as it loads). A context made by `prepare_lean` (the
// browser's first, to answer the first Test sooner) loads it on first need.
let extracted;
function lib() {
  if (extracted === undefined) {
    extracted = require('node-inspect-extracted');
    for (const key of LAZY_INSPECT_KEYS) delete inspect[key];
    Object.assign(inspect, extracted.inspect);
    inspect.custom = Symbol.for('nodejs.util.inspect.custom');
    inspect.defaultOptions = extracted.inspect.defaultOptions;
  }
  return extracted;
}

const inspect = function inspect(value, ...rest) {
  errors.normalize(value);
  return lib().inspect(value, ...rest);
};
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
// In the order Object.assign gives them once the inspector is loaded.
const LAZY_INSPECT_KEYS = ['colors', 'styles', 'defaultOptions'];
for (const key of LAZY_INSPECT_KEYS) {
  Object.defineProperty(inspect, key, {
    configurable: true,
    enumerable: true,
    get() { lib(); return inspect[key]; },
    set(value) { lib(); inspect[key] = value; },
  });
}

function normalizeArgs(args) {
  for (const a of args) errors.normalize(a);
  return args;
}
// Node's formatWithOptions returns string arguments as they are, joined by
// spaces, when the first has no '%' (or is alone): the common log line needs
// no inspector. Built-ins captured now, as Node's primordials are.
const StringPrototypeIndexOf = Function.prototype.call.bind(String.prototype.indexOf);
function plainStrings(args) {
  let text = '';
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== 'string') return undefined;
    text += i === 0 ? args[i] : ' ' + args[i];
  }
  return args.length > 1 && StringPrototypeIndexOf(args[0], '%') !== -1 ? undefined : text;
}
const format = (...args) => plainStrings(args) ?? lib().format(...normalizeArgs(args));
const formatWithOptions = (options, ...args) => lib().formatWithOptions(options, ...normalizeArgs(args));

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
