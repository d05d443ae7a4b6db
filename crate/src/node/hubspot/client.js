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

// Models as the real client's ObjectSerializer builds them: a class per
// model (so console.log names it), fields in its attribute order, dates as
// Date, nested models and arrays of models deserialized the same way
// (a third entry names the JSON key when the field is renamed, `from` → `_from`).
const MODELS = {
  SimplePublicObject: [['createdAt', 'Date'], ['archived'], ['archivedAt', 'Date'], ['propertiesWithHistory'], ['id'], ['properties'], ['updatedAt', 'Date']],
  SimplePublicObjectWithAssociations: [['associations'], ['createdAt', 'Date'], ['archived'], ['archivedAt', 'Date'], ['propertiesWithHistory'], ['id'], ['properties'], ['updatedAt', 'Date']],
  CollectionResponseWithTotalSimplePublicObjectForwardPaging: [['total'], ['paging', 'ForwardPaging'], ['results', 'Array<SimplePublicObject>']],
  CollectionResponseSimplePublicObjectWithAssociationsForwardPaging: [['paging', 'ForwardPaging'], ['results', 'Array<SimplePublicObjectWithAssociations>']],
  BatchResponseSimplePublicObject: [['completedAt', 'Date'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<SimplePublicObject>'], ['status']],
  BatchResponseSimplePublicObjectWithErrors: [['completedAt', 'Date'], ['numErrors'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<SimplePublicObject>'], ['errors'], ['status']],
  ForwardPaging: [['next', 'NextPage']],
  NextPage: [['link'], ['after']],
  CollectionResponseMultiAssociatedObjectWithLabelForwardPaging: [['paging', 'ForwardPaging'], ['results', 'Array<MultiAssociatedObjectWithLabel>']],
  MultiAssociatedObjectWithLabel: [['associationTypes', 'Array<AssociationSpecWithLabel>'], ['toObjectId']],
  AssociationSpecWithLabel: [['typeId'], ['label'], ['category']],
  LabelsBetweenObjectPair: [['fromObjectTypeId'], ['toObjectId'], ['toObjectTypeId'], ['fromObjectId'], ['labels']],
  BatchResponsePublicDefaultAssociation: [['completedAt', 'Date'], ['numErrors'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<PublicDefaultAssociation>'], ['errors'], ['status']],
  PublicDefaultAssociation: [['associationSpec', 'AssociationSpec'], ['_from', 'PublicObjectId', 'from'], ['to', 'PublicObjectId']],
  AssociationSpec: [['associationCategory'], ['associationTypeId']],
  PublicObjectId: [['id']],
  BatchResponsePublicAssociationMultiWithLabel: [['completedAt', 'Date'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<PublicAssociationMultiWithLabel>'], ['status']],
  PublicAssociationMultiWithLabel: [['_from', 'PublicObjectId', 'from'], ['paging'], ['to', 'Array<MultiAssociatedObjectWithLabel>']],
  CollectionResponsePublicOwnerForwardPaging: [['paging', 'ForwardPaging'], ['results', 'Array<PublicOwner>']],
  PublicOwner: [['firstName'], ['lastName'], ['createdAt', 'Date'], ['archived'], ['teams', 'Array<PublicTeam>'], ['id'], ['userId'], ['email'], ['updatedAt', 'Date']],
  PublicTeam: [['name'], ['id'], ['primary']],
  CollectionResponseWithTotalHubDbTableRowV3ForwardPaging: [['total'], ['paging', 'ForwardPaging'], ['results', 'Array<HubDbTableRowV3>']],
  BatchResponsePublicAssociationMulti: [['completedAt', 'Date'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<PublicAssociationMulti>'], ['status']],
  BatchResponsePublicAssociationMultiWithErrors: [['completedAt', 'Date'], ['numErrors'], ['requestedAt', 'Date'], ['startedAt', 'Date'], ['links'], ['results', 'Array<PublicAssociationMulti>'], ['errors'], ['status']],
  PublicAssociationMulti: [['_from', 'PublicObjectId', 'from'], ['paging'], ['to', 'Array<AssociatedId>']],
  AssociatedId: [['id'], ['type']],
  CollectionResponsePipelineNoPaging: [['results', 'Array<Pipeline>']],
  Pipeline: [['createdAt', 'Date'], ['archivedAt', 'Date'], ['archived'], ['displayOrder'], ['stages', 'Array<PipelineStage>'], ['label'], ['id'], ['updatedAt', 'Date']],
  PipelineStage: [['createdAt', 'Date'], ['archivedAt', 'Date'], ['archived'], ['metadata'], ['displayOrder'], ['writePermissions'], ['label'], ['id'], ['updatedAt', 'Date']],
  HubDbTableRowV3: [['path'], ['createdAt', 'Date'], ['childTableId'], ['publishedAt', 'Date'], ['values'], ['name'], ['id'], ['updatedAt', 'Date']],
};
const CLASSES = {};
for (const name of Object.keys(MODELS)) CLASSES[name] = { [name]: class {} }[name];

function deserialize(data, type) {
  if (data === undefined || data === null || !type) return data;
  if (type.startsWith('Array<')) {
    const inner = type.slice(6, -1);
    return Array.isArray(data) ? data.map((d) => deserialize(d, inner)) : data;
  }
  if (type === 'Date') return new Date(data);
  const fields = MODELS[type];
  if (!fields || typeof data !== 'object') return data;
  const out = new CLASSES[type]();
  for (const [name, fieldType, wireName] of fields) {
    const value = deserialize(data[wireName || name], fieldType);
    if (value !== undefined) out[name] = value;
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

// The real client's RetryDecorator (v11): `numberOfApiCallRetries` is the
// number of attempts in all; 5xx waits 200 ms × attempt, a 429 with the
// ten-secondly policy 10 s × attempt, the secondly search limit 1 s × attempt;
// each wait is announced on console.error as the real client does.
const RETRY_WAIT = { server: 200, tenSecondly: 10 * 1000, secondly: 1000 };

function retryWait(e) {
  const code = e && e.code;
  if (code >= 500 && code <= 599) return RETRY_WAIT.server;
  if (code === 429 && e.body && e.body.policyName === 'TEN_SECONDLY_ROLLING') return RETRY_WAIT.tenSecondly;
  if (code === 429 && e.body && e.body.message === 'You have reached your secondly limit.') return RETRY_WAIT.secondly;
  return 0;
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
  async once(method, path, body) {
    const base = this.config.basePath || 'https://api.hubapi.com';
    const init = { method, headers: this.headers() };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(base + path, init);
    const text = await res.text();
    let parsed;
    try { parsed = text ? JSON.parse(text) : undefined; } catch (_) { parsed = text; }
    if (res.status >= 200 && res.status < 300) return { status: res.status, body: parsed };
    const headers = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    throw new ApiException(res.status, 'An error occurred.', parsed, headers);
  }
  // One API call: its attempts, then the body deserialized as `type` (or
  // `type207` for a multi-status batch answer).
  async call(method, path, body, type, type207) {
    const attempts = this.config.numberOfApiCallRetries > 0 ? this.config.numberOfApiCallRetries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.once(method, path, body);
        return deserialize(res.body, res.status === 207 && type207 ? type207 : type);
      } catch (e) {
        const wait = attempt < attempts ? retryWait(e) : 0;
        if (!wait) throw e;
        console.error(`Request failed with status code [${e.code}], will retry [${attempt}] time in [${wait}] ms`);
        await new Promise((resolve) => setTimeout(resolve, wait * attempt));
      }
    }
  }
}

function objectApis(transport, fixedType) {
  const typed = (fn) => (fixedType ? (...a) => fn(fixedType, ...a) : fn);
  const base = (t) => `/crm/v3/objects/${encodeURIComponent(t)}`;
  const basicApi = {
    getById: typed((t, id, properties, propertiesWithHistory, associations, archived, idProperty) => transport.call('GET',
      `${base(t)}/${encodeURIComponent(id)}${query([['properties', properties], ['propertiesWithHistory', propertiesWithHistory], ['associations', associations], ['archived', archived], ['idProperty', idProperty]])}`,
      undefined, 'SimplePublicObjectWithAssociations')),
    getPage: typed((t, limit, after, properties, propertiesWithHistory, associations, archived) => transport.call('GET',
      `${base(t)}${query([['limit', limit], ['after', after], ['properties', properties], ['propertiesWithHistory', propertiesWithHistory], ['associations', associations], ['archived', archived]])}`,
      undefined, 'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging')),
    create: typed((t, input) => transport.call('POST', base(t), input, 'SimplePublicObject')),
    update: typed((t, id, input, idProperty) => transport.call('PATCH', `${base(t)}/${encodeURIComponent(id)}${query([['idProperty', idProperty]])}`, input, 'SimplePublicObject')),
    archive: typed(async (t, id) => { await transport.call('DELETE', `${base(t)}/${encodeURIComponent(id)}`); }),
  };
  const searchApi = {
    doSearch: typed((t, request) => transport.call('POST', `${base(t)}/search`, request, 'CollectionResponseWithTotalSimplePublicObjectForwardPaging')),
  };
  const batch = (op) => typed((t, request, archived) => transport.call('POST', `${base(t)}/batch/${op}${query([['archived', archived]])}`, request,
    'BatchResponseSimplePublicObject', 'BatchResponseSimplePublicObjectWithErrors'));
  const batchApi = { read: batch('read'), create: batch('create'), update: batch('update'), archive: async (t, request) => { await batch('archive')(t, request); } };
  if (fixedType) batchApi.archive = async (request) => { await transport.call('POST', `${base(fixedType)}/batch/archive`, request); };
  return { basicApi, searchApi, batchApi };
}

function associationsV4(transport) {
  const path = (t, id, to, toId) => `/crm/v4/objects/${encodeURIComponent(t)}/${encodeURIComponent(id)}/associations/${encodeURIComponent(to)}${toId === undefined ? '' : `/${encodeURIComponent(toId)}`}`;
  return {
    basicApi: {
      getPage: (t, id, to, after, limit) => transport.call('GET', `${path(t, id, to)}${query([['after', after], ['limit', limit]])}`, undefined, 'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging'),
      create: (t, id, to, toId, specs) => transport.call('PUT', path(t, id, to, toId), specs, 'LabelsBetweenObjectPair'),
      createDefault: (t, id, to, toId) => transport.call('PUT', `/crm/v4/objects/${encodeURIComponent(t)}/${encodeURIComponent(id)}/associations/default/${encodeURIComponent(to)}/${encodeURIComponent(toId)}`, undefined, 'BatchResponsePublicDefaultAssociation'),
      archive: async (t, id, to, toId) => { await transport.call('DELETE', path(t, id, to, toId)); },
    },
    batchApi: {
      getPage: (from, to, request) => transport.call('POST', `/crm/v4/associations/${encodeURIComponent(from)}/${encodeURIComponent(to)}/batch/read`, request, 'BatchResponsePublicAssociationMultiWithLabel'),
    },
  };
}

class Client {
  constructor(config = {}) {
    this.config = Object.assign({}, config);
    if (this.config.numberOfApiCallRetries > 6) throw new Error('numberOfApiCallRetries can be set to a number from 0 - 6.');
    const transport = new Transport(this.config);
    const types = { contacts: 'contacts', companies: 'companies', deals: 'deals', tickets: 'tickets', lineItems: 'line_items', products: 'products', quotes: 'quotes' };
    this.crm = {};
    for (const [name, type] of Object.entries(types)) this.crm[name] = objectApis(transport, type);
    this.crm.objects = objectApis(transport, null);
    this.crm.associations = {
      v4: associationsV4(transport),
      // The v3 associations API older actions use.
      batchApi: {
        read: (from, to, request) => transport.call('POST', `/crm/v3/associations/${encodeURIComponent(from)}/${encodeURIComponent(to)}/batch/read`, request,
          'BatchResponsePublicAssociationMulti', 'BatchResponsePublicAssociationMultiWithErrors'),
      },
    };
    this.crm.pipelines = {
      pipelinesApi: {
        getAll: (objectType) => transport.call('GET', `/crm/v3/pipelines/${encodeURIComponent(objectType)}`, undefined, 'CollectionResponsePipelineNoPaging'),
        getById: (objectType, pipelineId) => transport.call('GET', `/crm/v3/pipelines/${encodeURIComponent(objectType)}/${encodeURIComponent(pipelineId)}`, undefined, 'Pipeline'),
      },
    };
    this.crm.owners = {
      ownersApi: {
        getPage: (email, after, limit, archived) => transport.call('GET', `/crm/v3/owners/${query([['email', email], ['after', after], ['limit', limit], ['archived', archived]])}`, undefined, 'CollectionResponsePublicOwnerForwardPaging'),
        getById: (ownerId, idProperty, archived) => transport.call('GET', `/crm/v3/owners/${encodeURIComponent(ownerId)}${query([['idProperty', idProperty], ['archived', archived]])}`, undefined, 'PublicOwner'),
      },
    };
    this.cms = {
      hubdb: {
        rowsApi: {
          getTableRows: (table, sort, after, limit, properties) => transport.call('GET', `/cms/v3/hubdb/tables/${encodeURIComponent(table)}/rows${query([['sort', sort], ['after', after], ['limit', limit], ['properties', properties]])}`, undefined, 'CollectionResponseWithTotalHubDbTableRowV3ForwardPaging'),
          getTableRow: (table, rowId) => transport.call('GET', `/cms/v3/hubdb/tables/${encodeURIComponent(table)}/rows/${encodeURIComponent(rowId)}`, undefined, 'HubDbTableRowV3'),
        },
      },
    };
    this._transport = transport;
  }
  setAccessToken(token) { this.config.accessToken = token; }
  // A raw fetch Response, never thrown on 4xx/5xx (so never retried), as in v11.
  async apiRequest(opts = {}) {
    const base = opts.overlapUrl || this.config.basePath || 'https://api.hubapi.com';
    const qs = opts.qs ? query(Object.entries(opts.qs)) : '';
    const init = { method: opts.method || 'GET', headers: this._transport.headers(opts.headers) };
    if (opts.body !== undefined) init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    return fetch(base + (opts.path || '') + qs, init);
  }
}

module.exports = { Client, ApiException };
