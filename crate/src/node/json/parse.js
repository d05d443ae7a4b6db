// JSON.parse as V8 has it: an iterative parser (native.jsonParse, so deep
// nesting parses as in Node), V8's wording for invalid text (json_errors.js),
// and the reviver walk of the spec (InternalizeJSONProperty).
'use strict';

// V8's wording is needed only for invalid text: loaded then (engine/preload.rs
// loads it ahead for code that parses JSON).
const jsonMessages = () => require('json-errors');

// The reviver walk recurses as V8's does; past this depth V8's stack would
// have run out, so the same catchable RangeError ends it here.
const REVIVER_DEPTH_LIMIT = 5000;

function internalize(holder, name, reviver, depth) {
  if (depth > REVIVER_DEPTH_LIMIT) throw new RangeError('Maximum call stack size exceeded');
  const value = holder[name];
  if (value !== null && typeof value === 'object') {
    const keys = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => String(i)) : Object.keys(value);
    for (const key of keys) {
      const element = internalize(value, key, reviver, depth + 1);
      if (element === undefined) delete value[key];
      else Object.defineProperty(value, key, { value: element, writable: true, enumerable: true, configurable: true });
    }
  }
  return reviver.call(holder, name, value);
}

function install() {
  const parse = { parse(text, reviver) {
    const source = String(text);
    const value = native.jsonParse(source);
    if (value === undefined) throw new SyntaxError(jsonMessages().describe(source) || `"${source}" is not valid JSON`);
    return typeof reviver === 'function' ? internalize({ '': value }, '', reviver, 0) : value;
  } }.parse;
  require('function-source').markNative(parse);
  Object.defineProperty(JSON, 'parse', { value: parse, configurable: true, writable: true, enumerable: false });
}

module.exports = { install };
