// Node's global fetch (undici's surface) over the engine's mock network:
// Request and Response per the Fetch standard (state out of reach, undici's
// errors and util.inspect output); Headers in headers.js.
'use strict';
const { afterLatency } = require('timers-engine');
const { Buffer } = require('buffer');
const { Headers } = require('fetch-headers');
const { mockFailure } = require('mock-failure');

const STATUS_TEXT = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'];
const NULL_BODY_STATUSES = [101, 204, 205, 304];
const inspectKey = Symbol.for('nodejs.util.inspect.custom');

// A body as the text the mock network carries, and the content type the
// standard gives it by its kind.
function extractBody(body) {
  if (body === undefined || body === null) return { text: null, type: null };
  if (typeof body === 'string') return { text: body, type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { text: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return { text: Buffer.from(body).toString('utf8'), type: null };
  return { text: String(body), type: 'text/plain;charset=UTF-8' };
}

// What util.inspect shows as a body: undici's ReadableStream state.
class ReadableStream {
  constructor(used) {
    this.locked = used;
    this.state = used ? 'closed' : 'readable';
    this.supportsBYOB = true;
  }
  // undici inspects its state freshly (one line where it fits).
  [inspectKey](depth, options, inspect) {
    return `ReadableStream ${(inspect || require('util').inspect)({ ...this }, options)}`;
  }
}

// What util.inspect shows for a request made without a signal (undici
// always gives it one).
class AbortSignal {
  constructor() { this.aborted = false; }
}

const bodies = new WeakMap();
function bodyOf(owner) {
  const body = bodies.get(owner);
  if (!body) throw new TypeError('Illegal invocation');
  return body;
}

class Body {
  get body() { const b = bodyOf(this); return b.text === null ? null : new ReadableStream(b.used); }
  get bodyUsed() { return bodyOf(this).used; }
  text() {
    const b = bodyOf(this);
    if (b.used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    b.used = b.text !== null;
    return Promise.resolve(b.text === null ? '' : b.text);
  }
  json() { return this.text().then((t) => JSON.parse(t)); }
  arrayBuffer() { return this.text().then((t) => { const b = Buffer.from(t); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }); }
  bytes() { return this.text().then((t) => new Uint8Array(Buffer.from(t))); }
  blob() { return this.arrayBuffer(); }
  formData() { return Promise.reject(new TypeError('Response.formData: not supported in the playground')); }
}

const requests = new WeakMap();

class Request extends Body {
  constructor(input, init = {}) {
    super();
    const base = input instanceof Request ? requests.get(input) : null;
    let url;
    if (base) url = base.url;
    else {
      try {
        url = new URL(`${input}`).href;
      } catch (e) {
        throw new TypeError(`Failed to parse URL from ${input}`, { cause: e });
      }
    }
    let method = init.method !== undefined ? `${init.method}` : base ? base.method : 'GET';
    if (FORBIDDEN_METHODS.includes(method.toUpperCase())) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    if (NORMALIZED_METHODS.includes(method.toUpperCase())) method = method.toUpperCase();
    const headers = new Headers(init.headers !== undefined ? init.headers : base ? base.headers : undefined);
    const hasBody = init.body !== undefined && init.body !== null;
    if (hasBody && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    const body = hasBody ? extractBody(init.body) : { text: base ? bodyOf(input).text : null, type: null };
    if (body.type && !headers.has('content-type')) headers.set('content-type', body.type);
    requests.set(this, { url, method, headers, signal: init.signal || (base && base.signal) || null });
    bodies.set(this, { text: body.text, used: false });
  }
  get url() { return requests.get(this).url; }
  get method() { return requests.get(this).method; }
  get headers() { return requests.get(this).headers; }
  get signal() { return requests.get(this).signal; }
  clone() { return new Request(this); }
  [inspectKey](depth, options, inspect) {
    const r = requests.get(this);
    const shown = {
      method: r.method, url: r.url, headers: r.headers, destination: '', referrer: 'about:client', referrerPolicy: '',
      mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: 'follow', integrity: '', keepalive: false,
      isReloadNavigation: false, isHistoryNavigation: false, signal: r.signal || new AbortSignal(),
    };
    return `Request ${(inspect || require('util').inspect)(shown, options)}`;
  }
}
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

const responses = new WeakMap();

class Response extends Body {
  constructor(body = null, init = {}) {
    super();
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!(status >= 200 && status <= 599)) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    const headers = new Headers(init.headers);
    const extracted = extractBody(body);
    if (extracted.text !== null && NULL_BODY_STATUSES.includes(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
    if (extracted.type && !headers.has('content-type')) headers.set('content-type', extracted.type);
    responses.set(this, { status, statusText: init.statusText !== undefined ? `${init.statusText}` : '', headers, url: '', type: 'default' });
    bodies.set(this, { text: extracted.text, used: false });
  }
  get status() { return responses.get(this).status; }
  get statusText() { return responses.get(this).statusText; }
  get headers() { return responses.get(this).headers; }
  get ok() { const s = responses.get(this).status; return s >= 200 && s <= 299; }
  get redirected() { return false; }
  get type() { return responses.get(this).type; }
  get url() { return responses.get(this).url; }
  clone() {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = responses.get(this);
    return fromNetwork({ status: r.status, statusText: r.statusText, headers: [...r.headers], text: bodyOf(this).text, url: r.url, type: r.type });
  }
  static json(data, init = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(data), { ...init, headers });
  }
  static error() { return fromNetwork({ status: 0, statusText: '', headers: [], text: null, url: '', type: 'error' }); }
  static redirect(url, status = 302) {
    return fromNetwork({ status, statusText: '', headers: [['location', new URL(url).href]], text: null, url: '', type: 'default' });
  }
  [inspectKey](depth, options, inspect) {
    const shown = { status: this.status, statusText: this.statusText, headers: this.headers, body: this.body, bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url };
    return `Response ${(inspect || require('util').inspect)(shown, options)}`;
  }
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

// A Response the network made (any status, the request's URL), past the
// constructor's checks.
function fromNetwork({ status, statusText, headers, text, url, type }) {
  const response = Object.create(Response.prototype);
  responses.set(response, { status, statusText, headers: new Headers(headers), url, type });
  bodies.set(response, { text, used: false });
  return response;
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

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return Promise.reject(e);
  }
  return new Promise((resolve, reject) => {
    const signal = request.signal;
    if (signal && signal.aborted) return reject(abortError(signal));
    const answer = exchange(request.method.toUpperCase(), request.url, bodyOf(request).text, request.headers);
    let done = false;
    const timer = afterLatency(() => {
      if (done) return;
      done = true;
      if (answer.error) return reject(mockFailure(answer));
      resolve(fromNetwork({
        status: answer.status,
        // The reference runtime answers with `new Response(body, { status })`: no reason phrase.
        statusText: '',
        headers: answer.headers,
        text: NULL_BODY_STATUSES.includes(answer.status) || request.method === 'HEAD' ? null : answer.body,
        url: request.url,
        type: 'default',
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
