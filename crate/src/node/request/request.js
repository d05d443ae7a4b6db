// The deprecated `request` package HubSpot still ships, over the engine's
// `https`/`http` clients (so every call goes through the mock rules): the
// callback API `request(options, (error, response, body) => …)`, the verb
// helpers, `defaults`, and the options real actions pass (url/uri, baseUrl,
// qs, headers, json, body, form, auth, timeout, encoding).
'use strict';
const EventEmitter = require('events');
const querystring = require('querystring');

function normalize(uri, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const params = Object.assign({}, typeof uri === 'object' && uri !== null ? uri : { uri }, options || {});
  if (typeof uri === 'string' && params.uri === undefined) params.uri = uri;
  params.uri = params.uri || params.url;
  if (params.baseUrl && typeof params.uri === 'string') params.uri = params.baseUrl.replace(/\/$/, '') + '/' + params.uri.replace(/^\//, '');
  params.callback = callback || params.callback;
  return params;
}

function send(params) {
  const emitter = new EventEmitter();
  const done = (error, response, body) => {
    if (params.callback) params.callback(error, response, body);
    if (error) { if (!params.callback || emitter.listenerCount('error')) emitter.emit('error', error); } else emitter.emit('complete', response, body);
  };
  let url;
  try {
    url = new URL(String(params.uri));
  } catch (_) {
    const err = new Error(`Invalid URI "${params.uri}"`);
    setTimeout(() => done(err), 0);
    return emitter;
  }
  if (params.qs && Object.keys(params.qs).length) {
    const extra = querystring.stringify(params.qs);
    url.search = url.search ? `${url.search}&${extra}` : `?${extra}`;
  }
  const headers = {};
  for (const [k, v] of Object.entries(params.headers || {})) headers[k.toLowerCase()] = v;
  let body = params.body;
  if (params.form !== undefined) {
    body = typeof params.form === 'string' ? params.form : querystring.stringify(params.form);
    headers['content-type'] = headers['content-type'] || 'application/x-www-form-urlencoded';
  } else if (params.json !== undefined && params.json !== false) {
    if (typeof params.json === 'object') body = params.json;
    if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) body = JSON.stringify(body);
    else if (typeof body === 'string' && params.json === true) body = JSON.stringify(body);
    if (body !== undefined) headers['content-type'] = headers['content-type'] || 'application/json';
    headers.accept = headers.accept || 'application/json';
  }
  if (params.auth) {
    if (params.auth.bearer) headers.authorization = `Bearer ${typeof params.auth.bearer === 'function' ? params.auth.bearer() : params.auth.bearer}`;
    else if (params.auth.user !== undefined || params.auth.username !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${params.auth.user ?? params.auth.username}:${params.auth.pass ?? params.auth.password ?? ''}`).toString('base64')}`;
    }
  }
  if (body !== undefined && headers['content-length'] === undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const client = require(url.protocol === 'http:' ? 'http' : 'https');
  const req = client.request(url.href, { method: (params.method || 'GET').toUpperCase(), headers, timeout: params.timeout }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c))));
    res.on('end', () => {
      const raw = Buffer.concat(chunks);
      let responseBody = params.encoding === null ? raw : raw.toString(params.encoding || 'utf8');
      if (params.json && typeof responseBody === 'string' && responseBody) {
        try { responseBody = JSON.parse(responseBody); } catch (_) { /* request keeps text it cannot parse */ }
      }
      res.body = responseBody;
      res.request = { uri: url, method: (params.method || 'GET').toUpperCase(), headers };
      emitter.emit('response', res);
      done(null, res, responseBody);
    });
  });
  if (params.timeout) {
    req.on('timeout', () => {
      const err = new Error('ETIMEDOUT');
      err.code = 'ETIMEDOUT';
      err.connect = false;
      req.destroy(err);
    });
  }
  let failed = false;
  req.on('error', (err) => {
    if (failed) return;
    failed = true;
    done(err);
  });
  if (body !== undefined) req.write(body);
  req.end();
  return emitter;
}

function request(uri, options, callback) {
  return send(normalize(uri, options, callback));
}

function verb(method, defaults) {
  return (uri, options, callback) => {
    const params = normalize(uri, options, callback);
    return send(Object.assign({}, defaults, params, { method, headers: Object.assign({}, defaults && defaults.headers, params.headers) }));
  };
}

function withDefaults(defaults) {
  const r = (uri, options, callback) => {
    const params = normalize(uri, options, callback);
    return send(Object.assign({}, defaults, params, { headers: Object.assign({}, defaults.headers, params.headers) }));
  };
  for (const [name, method] of [['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['head', 'HEAD'], ['del', 'DELETE'], ['delete', 'DELETE']]) r[name] = verb(method, defaults);
  r.defaults = (more) => withDefaults(Object.assign({}, defaults, more, { headers: Object.assign({}, defaults.headers, more && more.headers) }));
  return r;
}

const api = withDefaults({});
Object.assign(request, api, { defaults: api.defaults });
module.exports = request;
