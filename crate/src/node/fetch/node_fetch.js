// node-fetch v2's Response and Headers (what @hubspot/api-client's
// apiRequest resolves with): own `size`/`timeout` and symbol-keyed internals
// as node-fetch lays them out (so JSON.stringify and util.inspect read as in
// Node), its methods and its FetchError wording.
// `fromAnswer({ status, statusText?, headers: [[name, value]…], body, url })`
// builds one from the mock network's answer.
'use strict';
const { Buffer } = require('buffer');
const { STATUS_TEXT } = require('fetch');

const MAP = Symbol('map');
const BODY = Symbol('Body internals');
const INTERNALS = Symbol('Response internals');

function findKey(map, name) {
  const lower = `${name}`.toLowerCase();
  return Object.keys(map).find((k) => k.toLowerCase() === lower);
}

class Headers {
  constructor(init = undefined) {
    this[MAP] = Object.create(null);
    if (init instanceof Headers) {
      for (const [k, values] of Object.entries(init.raw())) for (const v of values) this.append(k, v);
    } else if (init && typeof init[Symbol.iterator] === 'function') {
      for (const [k, v] of init) this.append(k, v);
    } else if (init && typeof init === 'object') {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
  }
  get(name) { const key = findKey(this[MAP], name); return key === undefined ? null : this[MAP][key].join(', '); }
  has(name) { return findKey(this[MAP], name) !== undefined; }
  set(name, value) { const key = findKey(this[MAP], name); this[MAP][key !== undefined ? key : `${name}`] = [`${value}`]; }
  append(name, value) {
    const key = findKey(this[MAP], name);
    if (key !== undefined) this[MAP][key].push(`${value}`);
    else this[MAP][`${name}`] = [`${value}`];
  }
  delete(name) { const key = findKey(this[MAP], name); if (key !== undefined) delete this[MAP][key]; }
  raw() { return this[MAP]; }
  forEach(callback, thisArg = undefined) { for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this); }
  entries() { return Object.keys(this[MAP]).sort().map((k) => [k.toLowerCase(), this[MAP][k].join(', ')])[Symbol.iterator](); }
  keys() { return [...this.entries()].map(([k]) => k)[Symbol.iterator](); }
  values() { return [...this.entries()].map(([, v]) => v)[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
}
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

class FetchError extends Error {
  constructor(message, type) {
    super(message);
    this.type = type;
    Error.captureStackTrace && Error.captureStackTrace(this, this.constructor);
  }
}
Object.defineProperty(FetchError.prototype, 'name', { value: 'FetchError', configurable: true, writable: true });

class Response {
  constructor(body = null, opts = {}) {
    this.size = opts.size || 0;
    this.timeout = opts.timeout || 0;
    const text = body === null || body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    this[BODY] = { body: text, disturbed: false, error: null };
    const status = opts.status || 200;
    this[INTERNALS] = { url: opts.url, status, statusText: opts.statusText || STATUS_TEXT[status] || '', headers: new Headers(opts.headers), counter: opts.counter || 0 };
  }
  get url() { return this[INTERNALS].url || ''; }
  get status() { return this[INTERNALS].status; }
  get ok() { return this.status >= 200 && this.status < 300; }
  get redirected() { return this[INTERNALS].counter > 0; }
  get statusText() { return this[INTERNALS].statusText; }
  get headers() { return this[INTERNALS].headers; }
  get body() { return this[BODY].body; }
  get bodyUsed() { return this[BODY].disturbed; }
  buffer() {
    if (this[BODY].disturbed) return Promise.reject(new TypeError(`body used already for: ${this.url}`));
    this[BODY].disturbed = true;
    return Promise.resolve(this[BODY].body || Buffer.alloc(0));
  }
  text() { return this.buffer().then((b) => b.toString()); }
  json() {
    return this.buffer().then((b) => {
      try {
        return JSON.parse(b.toString());
      } catch (err) {
        throw new FetchError(`invalid json response body at ${this.url} reason: ${err.message}`, 'invalid-json');
      }
    });
  }
  arrayBuffer() { return this.buffer().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); }
  clone() {
    if (this.bodyUsed) throw new Error('cannot clone body after it is used');
    return new Response(this[BODY].body, { url: this.url, status: this.status, statusText: this.statusText, headers: this.headers, size: this.size, timeout: this.timeout });
  }
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
for (const name of ['url', 'status', 'ok', 'redirected', 'statusText', 'headers', 'body', 'bodyUsed']) {
  Object.defineProperty(Response.prototype, name, { ...Object.getOwnPropertyDescriptor(Response.prototype, name), enumerable: true });
}

function fromAnswer({ status, statusText, headers, body, url }) {
  return new Response(status === 204 ? null : body, { url, status, statusText, headers: new Headers(headers) });
}

module.exports = { Headers, Response, FetchError, fromAnswer };
