// V8's error surface over boa's: `stack` headed "Name: message" and
// Error.captureStackTrace; JSON.parse failures worded as Node 20 words them;
// boa's wording of common runtime errors rewritten to V8's where it surfaces.
'use strict';

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

  require('json-parse').install();
  require('json-stringify').install();
}

// Where the engine says an error happened in the action: [line, column].
// (The column as written: the compiled action has the hooks of module/rewrite/.)
function actionPosition(err) {
  const m = /\/var\/task\/index\.js:(\d+):(\d+)/.exec(framesOf(err));
  return m ? [Number(m[1]), native.actionColumn(Number(m[1]), Number(m[2]))] : null;
}

// The callee of the call at [line, column], named as V8 names it.
function calleeText(pos) {
  if (!pos) return null;
  return native.calleeAt(pos[0], pos[1]) || scannedCallee(pos);
}

// The callee expression written just before the call's "(" at [line, column],
// read off the text: for calls the syntax tree's finder does not visit
// (an optional call `a.f?.()`, a tagged template).
function scannedCallee(pos) {
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

// boa's wording → V8's (Node 20's message templates), where boa's message
// carries what V8's needs. Checked by tests/v8_messages.rs.
const WORDING = [
  [/^cannot mix BigInt and other types, use explicit conversions$/, 'Cannot mix BigInt and other types, use explicit conversions'],
  [/^cannot serialize bigint to JSON$/, 'Do not know how to serialize a BigInt'],
  [/^argument must not be a bigint$/, 'Cannot convert a BigInt value to a number'],
  [/^argument must not be a symbol$/, 'Cannot convert a Symbol value to a number'],
  [/^cannot convert object to primitive value$/, 'Cannot convert object to primitive value'],
  [/^The number (undefined|null) cannot be converted to a BigInt because it is not an integer$/, 'Cannot convert $1 to a BigInt'],
  [/^cannot convert string '(.*)' to bigint primitive$/, 'Cannot convert $1 to a BigInt'],
  [/^BigInt division by zero$/, 'Division by zero'],
  [/^cannot call `(\w+)` constructor without `?new`?$/, "Constructor $1 requires 'new'"],
  [/^calling a builtin (\w+) constructor without new is forbidden$/, "Constructor $1 requires 'new'"],
  [/^(\w+): cannot call constructor without `new`$/, "Constructor $1 requires 'new'"],
  [/^(\w+)\.constructor called with undefined new target$/, "Constructor $1 requires 'new'"],
  [/^Promise NewTarget cannot be undefined$/, "Promise constructor cannot be invoked without 'new'"],
  [/^cannot bind `this` without a `\[\[Call\]\]` internal method$/, 'Bind must be called on a function'],
  [/^Object\.(\w+): expected 'this' to be an Object$/, 'Object.$1 called on non-object'],
  [/^method `([\w.]+)` called on incompatible receiver$/, null],
  [/^Generator should not be executing$/, 'Generator is already running'],
  [/^`this` is not a typed array object$/, 'this is not a typed array.'],
  [/^'this' is not a Date$/, 'this is not a Date object.'],
  [/^cannot redefine property: (.*)$/, 'Cannot redefine property: $1'],
  [/^Property descriptor getter must be callable$/, null],
  [/^right-hand side of 'instanceof' is not callable$/, "Right-hand side of 'instanceof' is not callable"],
  [/^right-hand side of 'instanceof' should be an object, got `\w+`$/, "Right-hand side of 'instanceof' is not an object"],
  [/^next value should be an object$/, null],
  [/^returned iterator is not an object$/, 'Result of the Symbol.iterator method is not an object'],
  [/^no promise in Promise\.any was fulfilled\.$/, 'All promises were rejected'],
  [/^Proxy constructor called with non-object (target|handler)$/, 'Cannot create proxy with a non-object as target or handler'],
  [/^Proxy trap result contains duplicate string property keys$/, "'ownKeys' on proxy: trap returned duplicate entries"],
  [/^Proxy trap result is neither object nor null$/, "'getPrototypeOf' on proxy: trap returned neither object nor null"],
  [/^property 'constructor' is not an object$/, 'The .constructor property is not an object'],
  [/^Symbol\.species must be a constructor$/, 'object.constructor[Symbol.species] is not a constructor'],
  [/^regexp exec returned neither object nor null$/, 'RegExp exec method returned something other than an Object or null'],
  [/^buffer must be an ArrayBuffer$/, 'First argument to DataView constructor must be an ArrayBuffer'],
  [/^WeakMap\.set: expected target argument of type `object`.*$/, 'Invalid value used as weak map key'],
  [/^WeakSet\.add: expected target argument of type `object`.*$/, 'Invalid value used in weak set'],
  [/^cannot reinitialize `this` binding$/, 'Super constructor may only be called once'],
  [/^derived constructor can only return an Object or undefined$/, 'Derived constructors may only return object or undefined'],
  [/^bad length for array$/, 'Invalid array length'],
  [/^String\.prototype\.repeat: count must be less than infinity$/, 'Invalid count value: Infinity'],
  [/^codepoint `(.*)` (outside of Unicode range|is not an integer)$/, 'Invalid code point $1'],
  [/^precision must be an integer at least 1 and no greater than 100$/, 'toPrecision() argument must be between 1 and 100'],
  [/^radix must be an integer at least 2 and no greater than 36$/, 'toString() radix argument must be between 2 and 36'],
  [/^(invalid escape character found|non-terminated escape character found|trying to encode an invalid string|invalid hexadecimal digit found)$/, 'URI malformed'],
  [/^illegal break statement at line \d+, col \d+$/, 'Illegal break statement'],
  [/^illegal continue statement at line \d+, col \d+$/, 'Illegal continue statement: no surrounding iteration statement'],
  [/^undefined break target: (.*) at line \d+, col \d+$/, "Undefined label '$1'"],
  [/^Expected initializer for (const|let) declaration at line \d+, col \d+$/, 'Missing initializer in $1 declaration'],
  [/^implicit octal literals are not allowed in strict mode at line \d+, col \d+$/, 'Octal literals are not allowed in strict mode.'],
  [/^cannot delete variables in strict mode at line \d+, col \d+$/, 'Delete of an unqualified identifier in strict mode.'],
  [/^with statement not allowed in strict mode at line \d+, col \d+$/, 'Strict mode code may not include a with statement'],
  [/^binding identifier `(eval|arguments)` not allowed in strict mode at line \d+, col \d+$/, 'Unexpected eval or arguments in strict mode'],
  [/^unexpected token '\w+', strict reserved word cannot be an identifier at line \d+, col \d+$/, 'Unexpected strict mode reserved word'],
  [/^Duplicate parameter name not allowed in this context at line \d+, col \d+$/, 'Duplicate parameter name not allowed in this context'],
  [/^unexpected token 'line terminator', throw statement at line \d+, col \d+$/, 'Illegal newline after throw'],
  [/^invalid regular expression flag \w at line \d+, col \d+$/, 'Invalid regular expression flags'],
  [/^abrupt end on regular expression at line \d+, col \d+$/, 'Invalid regular expression: missing /'],
  [/^invalid Hexadecimal escape sequence at line \d+, col \d+$/, 'Invalid hexadecimal escape sequence'],
  [/^invalid Unicode escape sequence at line \d+, col \d+$/, 'Invalid Unicode escape sequence'],
  [/^unexpected token 'return', statement at line \d+, col \d+$/, 'Illegal return statement'],
  [/^unexpected token '([^']+)', primary expression at line \d+, col \d+$/, "Unexpected token '$1'"],
  [/^unexpected token ',', rest parameter must be the last formal parameter at line \d+, col \d+$/, 'Rest parameter must be last formal parameter'],
  [/^unexpected token 'default', more than one switch default at line \d+, col \d+$/, 'More than one default clause in switch statement'],
  [/^(abrupt end|unterminated template literal)$/, 'Unexpected end of input'],
  [/^unterminated string literal$/, 'Invalid or unexpected token'],
  [/^Invalid left-hand side in assignment at line \d+, col \d+$/, 'Invalid left-hand side in assignment'],
].filter(([, to]) => to !== null).map(([from, to]) => [from, (m) => m[0].replace(from, to)]);

const REWRITES = [
  ...WORDING,
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
  // (Property accesses in the action throw V8's own wording: module/rewrite/.
  // What is left is a built-in given null or undefined.)
  [/^cannot convert 'null' or 'undefined' to object$/, () => 'Cannot convert undefined or null to object'],
];

const normalized = new WeakSet();
// Rewrites boa's wording of an engine-made error to V8's, once, in place.
function normalize(err) {
  if (err === null || typeof err !== 'object' || normalized.has(err)) return err;
  if (!(err instanceof Error)) return err;
  normalized.add(err);
  const desc = Object.getOwnPropertyDescriptor(err, 'message');
  if (!desc || !('value' in desc) || typeof desc.value !== 'string') return err;
  for (const [pattern, rewrite] of REWRITES) {
    const m = pattern.exec(desc.value);
    if (!m) continue;
    const message = rewrite(m, err);
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
