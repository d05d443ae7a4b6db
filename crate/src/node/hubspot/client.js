// @hubspot/api-client v11, the part custom code actions use, rewritten over
// the engine's fetch: the same URLs, query strings and JSON bodies as the
// real client, model class instances (dates as Date), ApiException on
// non-2xx. The real package bundled is 4 MB and takes seconds to load in boa.
'use strict';
const { fetch } = require('fetch');

class ApiException extends Error {
  constructor(code, message, body, headers) {
    super(`HTTP-Code: ${code}\nMessage: ${message}\nBody: ${JSON.stringify(body)}\nHeaders: ${JSON.stringify(headers)}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

class SimplePublicObject {}
class SimplePublicObjectWithAssociations {}
class CollectionResponseWithTotalSimplePublicObjectForwardPaging {}
class CollectionResponseSimplePublicObjectWithAssociationsForwardPaging {}
class BatchResponseSimplePublicObject {}

const OBJECT_FIELDS = ['associations', 'createdAt', 'archived', 'archivedAt', 'propertiesWithHistory', 'id', 'properties', 'updatedAt'];
const DATE_FIELDS = new Set(['createdAt', 'updatedAt', 'archivedAt', 'startedAt', 'completedAt', 'requestedAt']);

function toModel(Type, data) {
  if (data === null || typeof data !== 'object') return data;
  const out = new Type();
  const keys = Type === SimplePublicObject || Type === SimplePublicObjectWithAssociations
    ? OBJECT_FIELDS.filter((k) => !(Type === SimplePublicObject && k === 'associations'))
    : Object.keys(data);
  for (const k of keys) {
    if (data[k] === undefined) continue;
    out[k] = DATE_FIELDS.has(k) && typeof data[k] === 'string' ? new Date(data[k]) : data[k];
  }
  return out;
}

function query(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of params) {
    if (v === undefined || v === null) continue;
    qs.append(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

class Transport {
  constructor(config) {
    this.config = config;
  }
  headers(extra) {
    const h = { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': 'hubspot-api-client-nodejs; 11.2.0' };
    if (this.config.accessToken) h.Authorization = `Bearer ${this.config.accessToken}`;
    return Object.assign(h, extra || {});
  }
  async send(method, path, body) {
    const base = this.config.basePath || 'https://api.hubapi.com';
    const init = { method, headers: this.headers() };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(base + path, init);
    const text = await res.text();
    let parsed;
    try { parsed = text ? JSON.parse(text) : undefined; } catch (_) { parsed = text; }
    if (res.status >= 200 && res.status < 300) return parsed;
    const headers = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    throw new ApiException(res.status, 'An error occurred.', parsed, headers);
  }
}

function objectApis(transport, fixedType) {
  const typed = (fn) => (fixedType ? (...a) => fn(fixedType, ...a) : fn);
  const base = (t) => `/crm/v3/objects/${encodeURIComponent(t)}`;
  const basicApi = {
    getById: typed(async (t, id, properties, propertiesWithHistory, associations, archived, idProperty) => toModel(SimplePublicObjectWithAssociations,
      await transport.send('GET', `${base(t)}/${encodeURIComponent(id)}${query([['properties', properties], ['propertiesWithHistory', propertiesWithHistory], ['associations', associations], ['archived', archived], ['idProperty', idProperty]])}`))),
    getPage: typed(async (t, limit, after, properties, propertiesWithHistory, associations, archived) => {
      const data = await transport.send('GET', `${base(t)}${query([['limit', limit], ['after', after], ['properties', properties], ['propertiesWithHistory', propertiesWithHistory], ['associations', associations], ['archived', archived]])}`);
      const out = toModel(CollectionResponseSimplePublicObjectWithAssociationsForwardPaging, data);
      if (out && Array.isArray(out.results)) out.results = out.results.map((r) => toModel(SimplePublicObjectWithAssociations, r));
      return out;
    }),
    create: typed(async (t, input) => toModel(SimplePublicObject, await transport.send('POST', base(t), input))),
    update: typed(async (t, id, input, idProperty) => toModel(SimplePublicObject, await transport.send('PATCH', `${base(t)}/${encodeURIComponent(id)}${query([['idProperty', idProperty]])}`, input))),
    archive: typed(async (t, id) => { await transport.send('DELETE', `${base(t)}/${encodeURIComponent(id)}`); }),
  };
  const searchApi = {
    doSearch: typed(async (t, request) => {
      const out = toModel(CollectionResponseWithTotalSimplePublicObjectForwardPaging, await transport.send('POST', `${base(t)}/search`, request));
      if (out && Array.isArray(out.results)) out.results = out.results.map((r) => toModel(SimplePublicObject, r));
      return out;
    }),
  };
  const batch = (op) => typed(async (t, request, archived) => {
    const out = toModel(BatchResponseSimplePublicObject, await transport.send('POST', `${base(t)}/batch/${op}${query([['archived', archived]])}`, request));
    if (out && Array.isArray(out.results)) out.results = out.results.map((r) => toModel(SimplePublicObject, r));
    return out;
  });
  const batchApi = { read: batch('read'), create: batch('create'), update: batch('update'), archive: batch('archive') };
  return { basicApi, searchApi, batchApi };
}

class Client {
  constructor(config = {}) {
    this.config = Object.assign({}, config);
    const transport = new Transport(this.config);
    const types = { contacts: 'contacts', companies: 'companies', deals: 'deals', tickets: 'tickets', lineItems: 'line_items', products: 'products', quotes: 'quotes' };
    this.crm = {};
    for (const [name, type] of Object.entries(types)) this.crm[name] = objectApis(transport, type);
    this.crm.objects = objectApis(transport, null);
    this._transport = transport;
  }
  setAccessToken(token) { this.config.accessToken = token; }
  async apiRequest(opts = {}) {
    const base = opts.overlapUrl || this.config.basePath || 'https://api.hubapi.com';
    const qs = opts.qs ? query(Object.entries(opts.qs)) : '';
    const init = { method: opts.method || 'GET', headers: this._transport.headers(opts.headers) };
    if (opts.body !== undefined) init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    return fetch(base + (opts.path || '') + qs, init);
  }
}

module.exports = { Client, ApiException };
