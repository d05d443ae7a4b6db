// Node's `querystring`: parse into a null-prototype object (repeated keys
// become arrays, `+` is a space), stringify with Node's escaping (the
// unreserved set plus !'()*~ stays as is).
'use strict';

const KEEP = /[A-Za-z0-9\-_.!~*'()]/;

function escape(text) {
  let out = '';
  for (const ch of String(text)) {
    out += KEEP.test(ch) ? ch : encodeURIComponent(ch);
  }
  return out;
}

function unescape(text) {
  try {
    return decodeURIComponent(text);
  } catch (_) {
    return text.replace(/%([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  }
}

function primitive(v) {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep = '&', eq = '=', options) {
  const encode = (options && options.encodeURIComponent) || escape;
  if (obj === null || typeof obj !== 'object') return '';
  const parts = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const k = encode(primitive(key)) + eq;
    if (Array.isArray(value)) for (const v of value) parts.push(k + encode(primitive(v)));
    else parts.push(k + encode(primitive(value)));
  }
  return parts.join(sep);
}

function parse(text, sep = '&', eq = '=', options) {
  const out = Object.create(null);
  if (typeof text !== 'string' || text.length === 0) return out;
  const decode = (options && options.decodeURIComponent) || unescape;
  let pairs = text.split(sep);
  const max = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
  if (max > 0) pairs = pairs.slice(0, max);
  for (const pair of pairs) {
    if (!pair) continue;
    const at = pair.indexOf(eq);
    const key = decode((at >= 0 ? pair.slice(0, at) : pair).replace(/\+/g, ' '));
    const value = at >= 0 ? decode(pair.slice(at + eq.length).replace(/\+/g, ' ')) : '';
    if (!(key in out)) out[key] = value;
    else if (Array.isArray(out[key])) out[key].push(value);
    else out[key] = [out[key], value];
  }
  return out;
}

module.exports = { parse, stringify, escape, unescape, decode: parse, encode: stringify };
