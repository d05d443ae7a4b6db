// A generated method's request, built as its real request factory builds it:
// required parameters checked in order (RequiredError), the path template
// filled with encoded values, query parameters serialized, the body
// serialized and stringified for its media type (or a form), then each auth
// scheme the method accepts that the client's configuration provides.
'use strict';
const { preferredMediaType, stringify } = require('hubspot-serializer');

class RequiredError extends Error {
  constructor(api, method, field) {
    super(`Required parameter ${field} was null or undefined when calling ${api}.${method}.`);
    this.api = api;
    this.method = method;
    this.field = field;
    this.name = 'RequiredError';
  }
}

// url.searchParams.set(name, value), through `search` (the engine's URL
// has no searchParams): the query re-serialized as the WHATWG URL does.
function setSearchParam(url, name, value) {
  const params = new URLSearchParams(url.search);
  params.set(name, value);
  url.search = params.toString();
}

// The real RequestContext: an absolute URL, headers, a body.
class RequestContext {
  constructor(url, httpMethod) {
    if (!url.startsWith('http://') && !url.startsWith('https://')) throw new Error('You need to define an absolute base url for the server.');
    this.httpMethod = httpMethod;
    this.headers = {};
    this.body = undefined;
    this.url = new URL(url);
  }
  getUrl() {
    const url = this.url.toString();
    return url.endsWith('/') ? url.slice(0, -1) : url;
  }
  setQueryParam(name, value) {
    setSearchParam(this.url, name, value);
  }
  setHeaderParam(key, value) {
    this.headers[key] = value;
  }
}

// The `form-data` package's multipart body (and the Content-Type node-fetch
// gives it), for the few upload methods. A file part is labelled
// application/octet-stream: form-data would look its extension up in the
// mime database, which the engine does not carry.
class MultipartForm {
  constructor() {
    this.boundary = `--------------------------${Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
    this.parts = [];
  }
  append(name, value, fileName) {
    const disposition = `Content-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}`;
    const type = fileName ? '\r\nContent-Type: application/octet-stream' : '';
    this.parts.push(`--${this.boundary}\r\n${disposition}${type}\r\n\r\n${value}\r\n`);
  }
  toString() {
    return `${this.parts.join('')}--${this.boundary}--\r\n`;
  }
}

function applyForm(context, form, args) {
  const multipart = form.c.indexOf('multipart/form-data') !== -1;
  const params = multipart ? new MultipartForm() : new URLSearchParams();
  for (const [wire, index, isFile] of form.f) {
    const value = args[index];
    if (value === undefined) continue;
    if (isFile) {
      if (multipart) params.append(wire, value.data, value.name);
    } else {
      params.append(wire, value);
    }
  }
  if (multipart) {
    context.setHeaderParam('Content-Type', `multipart/form-data;boundary=${params.boundary}`);
    context.body = params.toString();
  } else {
    context.body = params.toString();
    context.setHeaderParam('Content-Type', preferredMediaType(form.t));
  }
}

// auth: scheme → how it applies (from the client's configuration).
async function buildRequest(api, name, spec, args, serializer, settings) {
  if (spec.r) {
    for (const index of spec.r) {
      if (args[index] === null || args[index] === undefined) throw new RequiredError(api, name, spec.a[index]);
    }
  }
  let path = spec.p;
  if (spec.u) {
    for (const [placeholder, index] of spec.u) path = path.replace(`{${placeholder}}`, encodeURIComponent(String(args[index])));
  }
  const context = new RequestContext(settings.baseUrl + path, spec.m);
  context.setHeaderParam('Accept', 'application/json, */*;q=0.8');
  if (spec.q) {
    for (const [wire, index, type, format] of spec.q) {
      if (args[index] !== undefined) context.setQueryParam(wire, serializer.serialize(args[index], type, format));
    }
  }
  if (spec.b) {
    const [index, type, format, mediaTypes] = spec.b;
    const contentType = preferredMediaType(mediaTypes);
    context.setHeaderParam('Content-Type', contentType);
    context.body = stringify(serializer.serialize(args[index], type, format), contentType);
  }
  if (spec.f) applyForm(context, spec.f, args);
  if (spec.s) {
    for (const scheme of spec.s) {
      const apply = settings.auth[scheme];
      if (apply) apply(context);
    }
  }
  return context;
}

module.exports = { buildRequest, RequiredError, setSearchParam };
