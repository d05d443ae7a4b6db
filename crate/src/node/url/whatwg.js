// The WHATWG URL and URLSearchParams as Node 20 has them: parsing, setters
// and form encoding by the engine's one URL implementation (the `url` crate,
// through `native`), Node's errors and Node's util.inspect output.
'use strict';

function nodeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}
const missingArgs = (names) => nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${names.map((n) => `"${n}"`).join(' and ')} argument${names.length > 1 ? 's' : ''} must be specified`);
const invalidThis = (type) => nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
const toUSVString = (value) => `${value}`.toWellFormed();
const FIELDS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];

// A URL's fields (by FIELDS order) and its URLSearchParams live here, out of
// the action's reach, as Node keeps them in private fields.
const states = new WeakMap();
const paramsLists = new WeakMap();
const paramsOwners = new WeakMap();

function stateOf(url) {
  const state = states.get(url);
  if (!state) throw new TypeError('Receiver must be an instance of class URL');
  return state;
}

function listOf(params) {
  const list = paramsLists.get(params);
  if (!list) throw invalidThis('URLSearchParams');
  return list;
}

function invalidUrl(input, base) {
  const err = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs(['url']);
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const fields = native.urlParse(input, base);
    if (fields === null) throw invalidUrl(input, base);
    states.set(this, { fields, params: null });
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs(['url']);
    return native.urlParse(toUSVString(input), base === undefined ? undefined : toUSVString(base)) !== null;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs(['url']);
    try {
      return new URL(input, base);
    } catch (_) {
      return null;
    }
  }

  get searchParams() {
    const state = stateOf(this);
    if (!state.params) {
      state.params = new URLSearchParams(state.fields[9]);
      paramsOwners.set(state.params, this);
    }
    return state.params;
  }

  toString() { return stateOf(this).fields[0]; }
  toJSON() { return stateOf(this).fields[0]; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = {};
    for (const name of [...FIELDS.slice(0, 10), 'searchParams', 'hash']) shown[name] = this[name];
    return `${this.constructor.name} ${(inspect || require('util').inspect)(shown, options)}`;
  }
}

function setField(url, index, value) {
  const state = stateOf(url);
  const next = native.urlSet(state.fields[0], FIELDS[index], toUSVString(value));
  if (next === null) throw invalidUrl(toUSVString(value));
  state.fields = next;
  if (state.params) paramsLists.set(state.params, native.formParse(next[9].slice(1)));
}

FIELDS.forEach((name, index) => {
  const get = { [name]() { return stateOf(this).fields[index]; } }[name];
  const set = name === 'origin' ? undefined : { [name](value) { setField(this, index, value); } }[name];
  Object.defineProperty(URL.prototype, name, { get, set, enumerable: true, configurable: true });
});
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });

// The associated URL's query follows every change of its URLSearchParams.
function update(params) {
  const url = paramsOwners.get(params);
  if (!url) return;
  const state = stateOf(url);
  state.fields = native.urlSet(state.fields[0], 'search', native.formSerialize(listOf(params)));
}

function pairsFromIterable(init, method) {
  if (typeof method !== 'function') throw nodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
  const pairs = [];
  for (const pair of init) {
    if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') {
      throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
    }
    pairs.push(Array.from(pair, toUSVString));
  }
  const list = [];
  for (const pair of pairs) {
    if (pair.length !== 2) throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
    list.push(pair[0], pair[1]);
  }
  return list;
}

function pairsFromRecord(init) {
  const list = [];
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc !== undefined && desc.enumerable) list.push(toUSVString(key), toUSVString(init[key]));
  }
  return list;
}

class URLSearchParams {
  constructor(init = undefined) {
    let list;
    if (init === null || init === undefined) list = [];
    else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (paramsLists.has(init) && method === URLSearchParams.prototype[Symbol.iterator]) list = paramsLists.get(init).slice();
      else if (method !== null && method !== undefined) list = pairsFromIterable(init, method);
      else list = pairsFromRecord(init);
    } else {
      const text = toUSVString(init);
      list = native.formParse(text[0] === '?' ? text.slice(1) : text);
    }
    paramsLists.set(this, list);
  }

  get size() { return listOf(this).length / 2; }

  append(name, value) {
    const list = listOf(this);
    if (arguments.length < 2) throw missingArgs(['name', 'value']);
    list.push(toUSVString(name), toUSVString(value));
    update(this);
  }

  delete(name, value = undefined) {
    const list = listOf(this);
    if (arguments.length < 1) throw missingArgs(['name']);
    name = toUSVString(name);
    const kept = [];
    const match = value === undefined ? () => true : ((v) => (w) => w === v)(toUSVString(value));
    for (let i = 0; i < list.length; i += 2) if (!(list[i] === name && match(list[i + 1]))) kept.push(list[i], list[i + 1]);
    paramsLists.set(this, kept);
    update(this);
  }

  get(name) {
    const list = listOf(this);
    if (arguments.length < 1) throw missingArgs(['name']);
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    const list = listOf(this);
    if (arguments.length < 1) throw missingArgs(['name']);
    name = toUSVString(name);
    const values = [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) values.push(list[i + 1]);
    return values;
  }

  has(name, value = undefined) {
    const list = listOf(this);
    if (arguments.length < 1) throw missingArgs(['name']);
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    return false;
  }

  set(name, value) {
    const list = listOf(this);
    if (arguments.length < 2) throw missingArgs(['name', 'value']);
    name = toUSVString(name);
    value = toUSVString(value);
    const next = [];
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) next.push(list[i], list[i + 1]);
      else if (!found) { found = true; next.push(name, value); }
    }
    if (!found) next.push(name, value);
    paramsLists.set(this, next);
    update(this);
  }

  sort() {
    const list = listOf(this);
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Array.prototype.sort is stable; names compare by UTF-16 code units.
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    paramsLists.set(this, pairs.flat());
    update(this);
  }

  forEach(callback, thisArg = undefined) {
    listOf(this);
    if (typeof callback !== 'function') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback === 'object' ? 'an instance of Object' : typeof callback === 'undefined' ? 'undefined' : `type ${typeof callback} (${String(callback)})`}`);
    }
    for (let i = 0; i < listOf(this).length; i += 2) {
      const list = listOf(this);
      callback.call(thisArg, list[i + 1], list[i], this);
    }
  }

  entries() { return new ParamsIterator(this, 'key+value'); }
  keys() { return new ParamsIterator(this, 'key'); }
  values() { return new ParamsIterator(this, 'value'); }
  toString() { return native.formSerialize(listOf(this)); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const list = listOf(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const show = innerInspect(depth, options, inspect);
    const parts = [];
    for (let i = 0; i < list.length; i += 2) parts.push(`${show(list[i])} => ${show(list[i + 1])}`);
    const length = parts.reduce((sum, p) => sum + p.length + 2, -2);
    if (!parts.length) return `${this.constructor.name} {}`;
    if (length > options.breakLength) return `${this.constructor.name} {\n  ${parts.join(',\n  ')} }`;
    return `${this.constructor.name} { ${parts.join(', ')} }`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { value: URLSearchParams.prototype.entries, writable: true, configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

function innerInspect(depth, options, inspect) {
  const inner = { ...options };
  if (depth !== null) inner.depth = depth - 1;
  const show = inspect || require('util').inspect;
  return (v) => show(v, inner);
}

const iterators = new WeakMap();
class ParamsIterator {
  constructor(target, kind) { iterators.set(this, { target, kind, index: 0 }); }
  next() {
    const it = iterators.get(this);
    if (!it) throw invalidThis('URLSearchParamsIterator');
    const list = listOf(it.target);
    if (it.index >= list.length) return { value: undefined, done: true };
    const [name, value] = [list[it.index], list[it.index + 1]];
    it.index += 2;
    return { value: it.kind === 'key' ? name : it.kind === 'value' ? value : [name, value], done: false };
  }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const it = iterators.get(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const list = listOf(it.target);
    const items = [];
    for (let i = it.index; i < list.length; i += 2) items.push(it.kind === 'key' ? list[i] : it.kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
    const show = innerInspect(depth, options, inspect);
    const shown = items.map(show);
    const broken = show(items).includes('\n');
    return `URLSearchParams Iterator {${broken ? `\n  ${shown.join(',\n  ')}` : ` ${shown.join(', ')}`} }`;
  }
}
Object.setPrototypeOf(ParamsIterator.prototype, Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperty(ParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });

module.exports = { URL, URLSearchParams };
