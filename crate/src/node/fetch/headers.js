// The Fetch standard's Headers as Node's undici has it: name and value
// checks worded as undici words them, combined values, set-cookie kept
// apart, sorted iteration, and undici's util.inspect output.
'use strict';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_VALUE = /[\0\r\n]/;
const trimHttp = (v) => v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

// name (lowercase) -> { name (first spelling), value }, plus set-cookie values.
const lists = new WeakMap();

function listOf(headers) {
  const list = lists.get(headers);
  if (!list) throw new TypeError('Illegal invocation');
  return list;
}

function checkName(method, name) {
  if (!TOKEN.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
}

function checkValue(method, value) {
  if (INVALID_VALUE.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
}

class Headers {
  constructor(init = undefined) {
    lists.set(this, { map: new Map(), cookies: [] });
    if (init === undefined || init === null) return;
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Headers constructor: Expected init to be an object.");
    }
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const entry = [...pair];
        if (entry.length !== 2) throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${entry.length}.`);
        this.append(entry[0], entry[1]);
      }
    } else {
      for (const key of Reflect.ownKeys(init)) {
        const desc = Reflect.getOwnPropertyDescriptor(init, key);
        if (desc && desc.enumerable) this.append(key, init[key]);
      }
    }
  }

  append(name, value) {
    const list = listOf(this);
    name = `${name}`;
    value = trimHttp(`${value}`);
    checkName('append', name);
    checkValue('append', value);
    const key = name.toLowerCase();
    const entry = list.map.get(key);
    list.map.set(key, entry ? { name: entry.name, value: `${entry.value}, ${value}` } : { name, value });
    if (key === 'set-cookie') list.cookies.push(value);
  }

  set(name, value) {
    const list = listOf(this);
    name = `${name}`;
    value = trimHttp(`${value}`);
    checkName('set', name);
    checkValue('set', value);
    const key = name.toLowerCase();
    list.map.set(key, { name, value });
    if (key === 'set-cookie') list.cookies = [value];
  }

  delete(name) {
    const list = listOf(this);
    name = `${name}`;
    checkName('delete', name);
    const key = name.toLowerCase();
    list.map.delete(key);
    if (key === 'set-cookie') list.cookies = [];
  }

  get(name) {
    const list = listOf(this);
    name = `${name}`;
    checkName('get', name);
    const entry = list.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    name = `${name}`;
    checkName('has', name);
    return listOf(this).map.has(name.toLowerCase());
  }

  getSetCookie() { return listOf(this).cookies.slice(); }

  keys() { return sortedPairs(this).map(([k]) => k)[Symbol.iterator](); }
  values() { return sortedPairs(this).map(([, v]) => v)[Symbol.iterator](); }
  entries() { return sortedPairs(this)[Symbol.iterator](); }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') throw new TypeError("Headers.forEach: Expected callback to be a function.");
    for (const [k, v] of sortedPairs(this)) callback.call(thisArg, v, k, this);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const shown = {};
    for (const { name, value } of listOf(this).map.values()) shown[name] = value;
    return `Headers ${(inspect || require('util').inspect)(shown, { ...options, depth: options.depth ?? depth })}`;
  }
}
Object.defineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, configurable: true });
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

// The standard's "sort and combine": names lowercased and sorted, each
// set-cookie value its own entry.
function sortedPairs(headers) {
  const list = listOf(headers);
  const pairs = [];
  for (const key of [...list.map.keys()].sort()) {
    if (key === 'set-cookie') for (const v of list.cookies) pairs.push([key, v]);
    else pairs.push([key, list.map.get(key).value]);
  }
  return pairs;
}

module.exports = { Headers };
