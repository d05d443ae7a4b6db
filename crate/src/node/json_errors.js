// The message Node 20's JSON.parse (V8 11.3) throws for invalid text: a
// scanner that stops where V8's parser stops and words it the same way.
'use strict';

const WS = new Set([' ', '\t', '\n', '\r']);

function tokenMessage(text, pos) {
  const ch = text[pos];
  if (ch === undefined) return 'Unexpected end of JSON input';
  if (ch === '"') return `Unexpected string in JSON at position ${pos}`;
  if (/[0-9-]/.test(ch)) return `Unexpected number in JSON at position ${pos}`;
  const MAX = 10;
  let snippet;
  if (text.length <= MAX * 2) {
    snippet = `"${text}"`;
  } else {
    const start = Math.max(0, pos - MAX);
    const end = Math.min(text.length, pos + MAX);
    snippet = `${start > 0 ? '...' : ''}"${text.slice(start, end)}"${end < text.length ? '...' : ''}`;
  }
  return `Unexpected token '${ch}', ${snippet} is not valid JSON`;
}

class Failure {
  constructor(message) { this.message = message; }
}

// Texts V8 names whole rather than pointing at a token.
const SPECIAL = new Set(['undefined', 'NaN', 'Infinity', '[object Object]']);

function describe(text) {
  if (SPECIAL.has(text)) return `"${text}" is not valid JSON`;
  let i = 0;
  const fail = (message) => { throw new Failure(message); };
  const skip = () => { while (WS.has(text[i])) i++; };
  const unexpected = () => fail(tokenMessage(text, i));

  function literal(word) {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) { i += k; unexpected(); }
    }
    i += word.length;
  }

  function string() {
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined) fail(`Unterminated string in JSON at position ${i}`);
      if (c === '"') { i++; return; }
      if (c < ' ') fail(`Bad control character in string literal in JSON at position ${i}`);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] || '')) fail(`Bad Unicode escape in JSON at position ${i + k}`);
          }
          i += 6;
          continue;
        }
        if (e === undefined) fail(`Unterminated string in JSON at position ${i + 1}`);
        if (!'"\\/bfnrt'.includes(e)) fail(`Bad escaped character in JSON at position ${i + 1}`);
        i += 2;
        continue;
      }
      i++;
    }
  }

  function number() {
    if (text[i] === '-') {
      i++;
      if (!/[0-9]/.test(text[i] || '')) fail(`No number after minus sign in JSON at position ${i}`);
    }
    if (text[i] === '0') {
      i++;
      if (/[0-9]/.test(text[i] || '')) unexpected();
    } else {
      while (/[0-9]/.test(text[i] || '')) i++;
    }
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] || '')) fail(`Unterminated fractional number in JSON at position ${i}`);
      while (/[0-9]/.test(text[i] || '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] || '')) fail(`Exponent part is missing a number in JSON at position ${i}`);
      while (/[0-9]/.test(text[i] || '')) i++;
    }
  }

  // `"key":` of an object; `first` right after its '{'.
  function key(first) {
    skip();
    if (text[i] !== '"') {
      fail(first ? `Expected property name or '}' in JSON at position ${i}` : `Expected double-quoted property name in JSON at position ${i}`);
    }
    string();
    skip();
    if (text[i] !== ':') {
      if (text[i] === undefined) unexpected();
      fail(`Expected ':' after property name in JSON at position ${i}`);
    }
    i++;
  }

  // The whole text, with the containers around the current value on an
  // explicit stack: V8's parser is iterative, so deep nesting only fails
  // where the text is wrong.
  function value() {
    const open = [];
    for (;;) {
      skip();
      const c = text[i];
      if (c === '{') {
        i++;
        skip();
        if (text[i] === '}') i++;
        else { open.push('{'); key(true); continue; }
      } else if (c === '[') {
        i++;
        skip();
        if (text[i] === ']') i++;
        else { open.push('['); continue; }
      } else if (c === '"') string();
      else if (c === '-' || /[0-9]/.test(c || '')) number();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else unexpected();
      // The value is complete: close what it completes, up to the next value.
      for (;;) {
        if (!open.length) return;
        skip();
        const inArray = open[open.length - 1] === '[';
        if (text[i] === ',') {
          i++;
          if (!inArray) key(false);
          break;
        }
        if (text[i] === (inArray ? ']' : '}')) {
          i++;
          open.pop();
          continue;
        }
        fail(inArray ? `Expected ',' or ']' after array element in JSON at position ${i}` : `Expected ',' or '}' after property value in JSON at position ${i}`);
      }
    }
  }

  try {
    value();
    skip();
    if (i < text.length) fail(`Unexpected non-whitespace character after JSON at position ${i}`);
    return null;
  } catch (e) {
    if (e instanceof Failure) return e.message;
    throw e;
  }
}

module.exports = { describe };
