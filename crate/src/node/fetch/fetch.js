// Node's global fetch (undici's surface) over the engine's mock network.
'use strict';
const { Buffer } = require('buffer');

const STATUS_TEXT = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

class Headers {
  constructor(init) {
    this._map = new Map();
    if (init instanceof Headers) init.forEach((v, k) => this.append(k, v));
    else if (Array.isArray(init)) init.forEach(([k, v]) => this.append(k, v));
    else if (init && typeof init === 'object') Object.keys(init).forEach((k) => this.append(k, init[k]));
  }
  append(name, value) {
    const key = String(name).toLowerCase();
    const prev = this._map.get(key);
    this._map.set(key, prev === undefined ? String(value) : `${prev}, ${value}`);
  }
  set(name, value) { this._map.set(String(name).toLowerCase(), String(value)); }
  get(name) { const v = this._map.get(String(name).toLowerCase()); return v === undefined ? null : v; }
  has(name) { return this._map.has(String(name).toLowerCase()); }
  delete(name) { this._map.delete(String(name).toLowerCase()); }
  forEach(fn, thisArg) { for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this); }
  *entries() { yield* [...this._map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); }
  *keys() { for (const [k] of this.entries()) yield k; }
  *values() { for (const [, v] of this.entries()) yield v; }
  [Symbol.iterator]() { return this.entries(); }
  getSetCookie() { const v = this.get('set-cookie'); return v === null ? [] : [v]; }
}

function bodyText(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return String(body);
}

class Body {
  _consume() {
    if (this.bodyUsed) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.bodyUsed = true;
    return Promise.resolve(this._text === null ? '' : this._text);
  }
  text() { return this._consume(); }
  json() { return this._consume().then((t) => JSON.parse(t)); }
  arrayBuffer() { return this._consume().then((t) => { const b = Buffer.from(t); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }); }
  blob() { return this.arrayBuffer(); }
  formData() { return Promise.reject(new TypeError('Response.formData: not supported in the playground')); }
}

class Request extends Body {
  constructor(input, init = {}) {
    super();
    const base = input instanceof Request ? input : null;
    this.url = base ? base.url : new URL(String(input)).href;
    this.method = String(init.method || (base && base.method) || 'GET').toUpperCase();
    this.headers = new Headers(init.headers || (base && base.headers) || {});
    this._text = bodyText(init.body !== undefined ? init.body : base ? base._text : null);
    this.signal = init.signal || (base && base.signal) || null;
    this.bodyUsed = false;
    if (typeof init.body === 'string' && !this.headers.has('content-type')) this.headers.set('content-type', 'text/plain;charset=UTF-8');
    if (init.body instanceof URLSearchParams && !this.headers.has('content-type')) this.headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
  }
  clone() { return new Request(this); }
}

class Response extends Body {
  constructor(body, init = {}) {
    super();
    this._text = bodyText(body);
    this.status = init.status === undefined ? 200 : init.status;
    this.statusText = init.statusText !== undefined ? init.statusText : '';
    this.headers = new Headers(init.headers || {});
    this.ok = this.status >= 200 && this.status < 300;
    this.redirected = false;
    this.type = 'default';
    this.url = init.url || '';
    this.bodyUsed = false;
  }
  get body() { return this._text === null ? null : { locked: false }; }
  clone() {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new Response(this._text, { status: this.status, statusText: this.statusText, headers: this.headers, url: this.url });
  }
  static json(data, init = {}) {
    const headers = new Headers(init.headers || {});
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(data), { ...init, headers });
  }
  static error() { return new Response(null, { status: 0 }); }
}

function abortError(signal) {
  const reason = signal && signal.reason;
  if (reason !== undefined) return reason;
  const err = new Error('This operation was aborted');
  err.name = 'AbortError';
  err.code = 20;
  return err;
}

// The engine's answer to a request (recorded there, headers included, for
// the panel); callers deliver it after its latency on the run's clock.
function exchange(method, url, body, headers) {
  const pairs = {};
  if (headers) {
    const entries = typeof headers.forEach === 'function' && !Array.isArray(headers)
      ? (() => { const list = []; headers.forEach((v, k) => list.push([k, v])); return list; })()
      : Object.entries(headers);
    for (const [k, v] of entries) if (v !== undefined && v !== null && typeof v !== 'function') pairs[String(k).toLowerCase()] = String(v);
  }
  return native.httpRequest(method, url, body, JSON.stringify(pairs));
}

function fetch(input, init) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return Promise.reject(new TypeError('Failed to parse URL from ' + input, { cause: e }));
  }
  return new Promise((resolve, reject) => {
    const signal = request.signal;
    if (signal && signal.aborted) return reject(abortError(signal));
    const answer = exchange(request.method, request.url, request._text, request.headers);
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      if (answer.error) {
        const cause = new Error(answer.message);
        cause.code = answer.error === 'timeout' ? 'UND_ERR_CONNECT_TIMEOUT' : answer.error === 'network' ? 'ECONNREFUSED' : 'ERR_NO_MOCK';
        reject(new TypeError('fetch failed', { cause }));
        return;
      }
      resolve(new Response(answer.status === 204 ? null : answer.body, {
        status: answer.status,
        statusText: STATUS_TEXT[answer.status] || '',
        headers: answer.headers,
        url: request.url,
      }));
    }, answer.delayMs);
    if (signal && typeof signal.addEventListener === 'function') {
      signal.addEventListener('abort', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(abortError(signal));
      });
    }
  });
}

module.exports = { fetch, Headers, Request, Response, exchange, STATUS_TEXT };
