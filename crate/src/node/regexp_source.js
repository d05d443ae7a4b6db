// RegExp.prototype.source as V8 gives it. boa 0.22 escapes every '/' of a
// pattern, an escaped one and one in a character class too (/a\/b/ gives
// 'a\\/b', which as a pattern means a backslash then a slash), so a regex
// rebuilt from its source (`new RegExp(re.source)`) stopped matching what
// the original matched, and logged regexes read differently from Node's.
// The getter takes boa's text, drops the backslash boa put before each '/'
// and escapes as V8's EscapeRegExpSource does: a '/' outside a character
// class and not already escaped. RegExp.prototype.toString reads `source`.
'use strict';

// Captured at install: the action may replace Reflect.apply and every
// String method before this getter first runs; it calls none of them.
const apply = Reflect.apply;

function v8Source(boaText) {
  let i = 0;
  // The next character of the pattern boa was given (its added '\' before a '/' dropped).
  const next = () => {
    const c = boaText[i++];
    if (c === '\\' && boaText[i] === '/') {
      i++;
      return '/';
    }
    return c;
  };
  let out = '';
  let inClass = false;
  while (i < boaText.length) {
    const c = next();
    if (c === '\\') {
      out += c;
      if (i < boaText.length) out += next();
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c === '/' && !inClass ? '\\/' : c;
    }
  }
  return out;
}

function install(markNative) {
  const boaSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
  const get = Object.getOwnPropertyDescriptor({
    get source() {
      return v8Source(apply(boaSource, this, []));
    },
  }, 'source').get;
  markNative(get);
  Object.defineProperty(RegExp.prototype, 'source', { get, set: undefined, enumerable: false, configurable: true });
}

module.exports = { install };
