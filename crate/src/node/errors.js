// V8's error surface over boa's: `stack` headed "Name: message" and
// Error.captureStackTrace; JSON.parse failures worded as Node 20 words them;
// boa's wording of common runtime errors rewritten to V8's where it surfaces.
'use strict';
const jsonMessages = require('json-errors');

const boaStack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');

function header(err) {
  const name = err.name === undefined ? 'Error' : String(err.name);
  const message = err.message === undefined ? '' : String(err.message);
  if (!name) return message;
  if (!message) return name;
  return `${name}: ${message}`;
}

function framesOf(err) {
  const frames = boaStack && boaStack.get ? boaStack.get.call(err) : undefined;
  return typeof frames === 'string' ? frames.replace(/\n$/, '') : '';
}

function install(global) {
  Object.defineProperty(Error.prototype, 'stack', {
    configurable: true,
    enumerable: false,
    get() {
      normalize(this);
      const frames = framesOf(this);
      return frames ? `${header(this)}\n${frames}` : header(this);
    },
    set(value) {
      Object.defineProperty(this, 'stack', { value, writable: true, configurable: true, enumerable: false });
    },
  });
  const errorToString = Error.prototype.toString;
  Object.defineProperty(Error.prototype, 'toString', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function toString() {
      normalize(this);
      return errorToString.call(this);
    },
  });
  // A rejection handler sees V8's wording too (an engine error thrown in an
  // async function reaches `.catch(e => e.message)` as the reason).
  const then = Promise.prototype.then;
  Object.defineProperty(Promise.prototype, 'then', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function then_(onFulfilled, onRejected) {
      const handler = typeof onRejected === 'function' ? (reason) => onRejected(normalize(reason)) : onRejected;
      return then.call(this, onFulfilled, handler);
    },
  });
  Object.defineProperty(Promise.prototype.then, 'name', { value: 'then' });
  Error.stackTraceLimit = 10;
  Error.captureStackTrace = function captureStackTrace(target) {
    const frames = framesOf(new Error()).split('\n').slice(1).join('\n');
    const value = frames ? `${header(target)}\n${frames}` : header(target);
    Object.defineProperty(target, 'stack', { value, writable: true, configurable: true, enumerable: false });
  };

  // V8's longest string (String::kMaxLength on 64-bit): past it, a
  // RangeError instead of boa trying to allocate the whole string.
  const MAX_STRING = 2 ** 29 - 24;
  for (const name of ['repeat', 'padStart', 'padEnd']) {
    const original = String.prototype[name];
    const limited = {
      [name](count, ...rest) {
        if (this !== null && this !== undefined && typeof count !== 'object') {
          const length = name === 'repeat' ? String(this).length * Number(count) : Number(count);
          if (length > MAX_STRING && Number.isFinite(length)) throw new RangeError('Invalid string length');
        }
        return original.call(this, count, ...rest);
      },
    }[name];
    require('function-source').markNative(limited);
    Object.defineProperty(String.prototype, name, { value: limited, writable: true, configurable: true, enumerable: false });
  }

  const parse = JSON.parse;
  Object.defineProperty(JSON, 'parse', {
    configurable: true,
    writable: true,
    value: function parseJSON(text, reviver) {
      try {
        return parse(text, reviver);
      } catch (err) {
        if (err instanceof SyntaxError) {
          const message = jsonMessages.describe(String(text));
          if (message) throw new SyntaxError(message);
        }
        throw err;
      }
    },
  });
}

// Where the engine says an error happened in the action: [line, column].
function actionPosition(err) {
  const m = /\/var\/task\/index\.js:(\d+):(\d+)/.exec(framesOf(err));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// The callee expression written just before the call's "(" at [line, column].
function calleeText(pos) {
  if (!pos) return null;
  const lines = native.actionSource().split('\n');
  const line = lines[pos[0] - 1];
  if (line === undefined) return null;
  let end = pos[1] - 1;
  if (line[end] !== '(') {
    const open = line.indexOf('(', end);
    if (open < 0) return null;
    end = open;
  }
  let i = end;
  let depth = 0;
  while (i > 0) {
    const c = line[i - 1];
    if (depth > 0) {
      if (c === ']' || c === ')') depth++;
      if (c === '[' || c === '(') depth--;
      i--;
      continue;
    }
    if (/[\w$.?]/.test(c)) { i--; continue; }
    if (c === ']' || c === ')') { depth++; i--; continue; }
    break;
  }
  let text = line.slice(i, end).replace(/^\?\./, '').replace(/\?\.$/, '');
  text = text.replace(/\([^()]*\)/g, '(...)');
  return /^[\w$]/.test(text) ? text : null;
}

const REWRITES = [
  [/^cannot mutate an immutable binding '.*'$/, () => 'Assignment to constant variable.'],
  [/^Array\.prototype\.reduce: called on an empty array and with no initial value$/, () => 'Reduce of empty array with no initial value'],
  [/^Array\.prototype\.reduceRight: called on an empty array and with no initial value$/, () => 'Reduce of empty array with no initial value'],
  [/^String\.prototype\.repeat: count must be non-negative$/, () => 'Invalid count value: -1'],
  [/^invalid array length$/, () => 'Invalid array length'],
  [/^can't convert symbol to string$/, () => 'Cannot convert a Symbol value to a string'],
  [/^cannot convert (.*) to a BigInt$/, (m) => `The number ${m[1]} cannot be converted to a BigInt because it is not an integer`],
  [/^class constructor cannot be invoked without 'new'$/, (m, err) => `Class constructor ${calleeText(actionPosition(err)) || ''} cannot be invoked without 'new'`],
  [/^not a callable function$/, (m, err) => {
    const callee = calleeText(actionPosition(err));
    return callee ? `${callee} is not a function` : null;
  }],
  [/^not a constructor$/, (m, err) => {
    const callee = calleeText(actionPosition(err));
    return callee ? `${callee} is not a constructor` : null;
  }],
  [/^cannot convert 'null' or 'undefined' to object$/, (m, err, lines) => require('property-errors').describe(err, actionPosition(err), lines)],
];

const normalized = new WeakSet();
// Rewrites boa's wording of an engine-made error to V8's, once, in place.
// `lines` ([first, last]) bound where the failing code is, when known (a catch).
function normalize(err, lines) {
  if (err === null || typeof err !== 'object' || normalized.has(err)) return err;
  if (!(err instanceof Error)) return err;
  normalized.add(err);
  const desc = Object.getOwnPropertyDescriptor(err, 'message');
  if (!desc || !('value' in desc) || typeof desc.value !== 'string') return err;
  for (const [pattern, rewrite] of REWRITES) {
    const m = pattern.exec(desc.value);
    if (!m) continue;
    const message = rewrite(m, err, lines);
    if (message) Object.defineProperty(err, 'message', { ...desc, value: message });
    break;
  }
  return err;
}

// `{ name, message }` of a thrown value, as the reference runner reports it.
function describe(err) {
  normalize(err);
  let name = 'Error';
  let message;
  try { name = (err && err.name) || 'Error'; } catch (_) { /* hostile getter */ }
  try { message = (err && err.message) || String(err); } catch (_) { message = 'Error'; }
  return { name: String(name), message: String(message) };
}

module.exports = { install, normalize, describe, header };
