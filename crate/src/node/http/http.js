// Node's `http` / `https` client (request, get) over the engine's mock network:
// ClientRequest and IncomingMessage as event emitters, as real code uses them.
'use strict';
const { afterLatency } = require('timers-engine');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { exchange, STATUS_TEXT } = require('fetch');
const { mockFailure } = require('mock-failure');

class IncomingMessage extends EventEmitter {
  constructor(answer, url) {
    super();
    this.statusCode = answer.status;
    this.statusMessage = STATUS_TEXT[answer.status] || '';
    this.headers = {};
    this.rawHeaders = [];
    for (const [k, v] of answer.headers) { this.headers[k] = v; this.rawHeaders.push(k, v); }
    this.url = '';
    this.complete = false;
    this._body = Buffer.from(answer.body || '');
    this._encoding = null;
    this._url = url;
  }
  setEncoding(encoding) { this._encoding = encoding; return this; }
  resume() { return this; }
  pause() { return this; }
  pipe(dest) { this.on('data', (d) => dest.write(d)); this.on('end', () => dest.end && dest.end()); return dest; }
  _flow() {
    if (this._body.length) this.emit('data', this._encoding ? this._body.toString(this._encoding) : this._body);
    this.complete = true;
    this.emit('end');
    this.emit('close');
  }
  async *[Symbol.asyncIterator]() {
    if (this._body.length) yield this._encoding ? this._body.toString(this._encoding) : this._body;
  }
}

class ClientRequest extends EventEmitter {
  constructor(protocol, options, callback) {
    super();
    this.method = String(options.method || 'GET').toUpperCase();
    const host = options.hostname || (options.host || 'localhost').replace(/:\d+$/, '');
    const port = options.port && String(options.port) !== (protocol === 'https:' ? '443' : '80') ? `:${options.port}` : '';
    this.path = options.path || '/';
    // Node refuses a raw path it would have to escape (a URL string given to
    // request() arrives here already WHATWG-serialized).
    if (/[^\u0021-\u00ff]/.test(this.path)) {
      const err = new TypeError('Request path contains unescaped characters');
      err.code = 'ERR_UNESCAPED_CHARACTERS';
      throw err;
    }
    this.host = host;
    this._url = `${protocol}//${host}${port}${this.path}`;
    this._headers = {};
    for (const k of Object.keys(options.headers || {})) this._headers[k.toLowerCase()] = options.headers[k];
    this._chunks = [];
    this._ended = false;
    this._aborted = false;
    this._timeoutMs = options.timeout;
    this.destroyed = false;
    if (callback) this.once('response', callback);
  }
  setHeader(name, value) { this._headers[String(name).toLowerCase()] = value; }
  getHeader(name) { return this._headers[String(name).toLowerCase()]; }
  removeHeader(name) { delete this._headers[String(name).toLowerCase()]; }
  setTimeout(ms, cb) { this._timeoutMs = ms; if (cb) this.once('timeout', cb); return this; }
  setNoDelay() { return this; }
  setSocketKeepAlive() { return this; }
  write(chunk, encoding, cb) {
    this._chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8'));
    if (typeof encoding === 'function') encoding();
    else if (typeof cb === 'function') cb();
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (this._ended) return this;
    this._ended = true;
    const body = this._chunks.length ? Buffer.concat(this._chunks).toString('utf8') : null;
    const answer = exchange(this.method, this._url, body, this._headers);
    // A socket idle past the request's timeout: Node emits 'timeout' (the
    // caller decides whether to abort) while the answer is still awaited.
    if (this._timeoutMs > 0 && answer.delayMs > this._timeoutMs) {
      afterLatency(() => { if (!this._aborted) this.emit('timeout'); }, this._timeoutMs);
    }
    afterLatency(() => {
      if (this._aborted) return;
      if (answer.error) {
        this.emit('error', mockFailure(answer));
        return;
      }
      const res = new IncomingMessage(answer, this._url);
      this.res = res;
      this.emit('response', res);
      afterLatency(() => res._flow(), 0);
    }, answer.delayMs);
    if (typeof cb === 'function') cb();
    return this;
  }
  abort() { this._aborted = true; this.destroyed = true; this.emit('abort'); }
  destroy(err) { this._aborted = true; this.destroyed = true; if (err) this.emit('error', err); this.emit('close'); return this; }
}

function normalizeArgs(protocol, input, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  let opts = {};
  if (typeof input === 'string' || input instanceof URL) {
    const u = new URL(String(input));
    opts = { protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search };
    Object.assign(opts, options || {});
  } else {
    opts = Object.assign({}, input || {});
  }
  return [opts.protocol || protocol, opts, callback];
}

function make(protocol) {
  const request = (input, options, callback) => new ClientRequest(...normalizeArgs(protocol, input, options, callback));
  const get = (input, options, callback) => {
    const req = request(input, options, callback);
    req.end();
    return req;
  };
  class Agent { constructor(options) { this.options = options || {}; } destroy() {} }
  return {
    request, get, Agent, globalAgent: new Agent(), ClientRequest, IncomingMessage,
    STATUS_CODES: STATUS_TEXT, METHODS: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  };
}

module.exports = { https: make('https:'), http: make('http:') };
