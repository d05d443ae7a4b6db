// JSON.stringify with V8's message for a cycle: boa says "cyclic object
// value"; V8 names the objects of the circle (JsonStringifier's
// ConstructCircularStructureErrorMessage: the first object of the circle,
// up to two links after it, an ellipsis, the last link, the closing key).
'use strict';

const PREFIX_LINKS = 2;
const POSTFIX_LINKS = 1;

function constructorName(object) {
  try {
    const ctor = object.constructor;
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name) return ctor.name;
  } catch (_) { /* a hostile getter: V8 reads the map, not the property */ }
  return 'Object';
}

const keyText = (key) => (typeof key === 'number' ? `index ${key}` : key === '' ? '<anonymous>' : `property '${key}'`);

function circleMessage(stack, start, closingKey) {
  let text = `Converting circular structure to JSON\n    --> starting at object with constructor '${constructorName(stack[start][1])}'`;
  let index = start + 1;
  const line = ([key, object]) => `\n    |     ${keyText(key)} -> object with constructor '${constructorName(object)}'`;
  const prefixEnd = Math.min(stack.length, index + PREFIX_LINKS);
  for (; index < prefixEnd; index++) text += line(stack[index]);
  if (stack.length > index + POSTFIX_LINKS) text += '\n    |     ...';
  for (index = Math.max(index, stack.length - POSTFIX_LINKS); index < stack.length; index++) text += line(stack[index]);
  return `${text}\n    --- ${keyText(closingKey)} closes the circle`;
}

// Walks the value as SerializeJSONProperty does (toJSON, the replacer, the
// keys serialized) and returns V8's message for the first circle met.
function findCircle(value, replacer) {
  const keysOf = Array.isArray(replacer) ? () => replacer.map(String) : (object) => Object.keys(object);
  const stack = [];
  function visit(holder, key, shownKey) {
    let v = holder[key];
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(String(key));
    if (typeof replacer === 'function') v = replacer.call(holder, String(key), v);
    if (v === null || typeof v !== 'object') return null;
    const seen = stack.findIndex(([, object]) => object === v);
    if (seen >= 0) return circleMessage(stack, seen, shownKey);
    stack.push([shownKey, v]);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = visit(v, i, i);
        if (found) return found;
      }
    } else {
      for (const k of keysOf(v)) {
        const found = visit(v, k, k);
        if (found) return found;
      }
    }
    stack.pop();
    return null;
  }
  return visit({ '': value }, '', '');
}

function install() {
  const original = JSON.stringify;
  const stringify = { stringify(value, replacer, space) {
    try {
      return original(value, replacer, space);
    } catch (err) {
      if (err instanceof TypeError && err.message === 'cyclic object value') {
        let message = null;
        try { message = findCircle(value, replacer); } catch (_) { /* the first error stands */ }
        if (message) throw new TypeError(message);
      }
      throw err;
    }
  } }.stringify;
  require('function-source').markNative(stringify);
  Object.defineProperty(JSON, 'stringify', { value: stringify, configurable: true, writable: true, enumerable: false });
}

module.exports = { install };
