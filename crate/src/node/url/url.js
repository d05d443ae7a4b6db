// Node's `url`: the WHATWG URL and URLSearchParams (the globals), and the
// legacy API real actions still call — url.parse (a `Url` with Node's field
// order), url.format, url.resolve — plus the file-URL helpers.
'use strict';
const querystring = require('querystring');
const { URL, URLSearchParams } = require('url-whatwg');

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);

function parse(text, parseQueryString, slashesDenoteHost) {
  if (text instanceof Url) return text;
  if (typeof text !== 'string') {
    const err = new TypeError(`The "url" argument must be of type string. Received ${text === null ? 'null' : typeof text}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const u = new Url();
  let rest = text.trim();
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    u.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    u.search = rest.slice(queryAt);
    u.query = rest.slice(queryAt + 1);
    rest = rest.slice(0, queryAt);
  } else if (parseQueryString) {
    u.search = '';
    u.query = {};
  }
  const proto = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(rest);
  if (proto) {
    u.protocol = proto[1].toLowerCase();
    rest = rest.slice(proto[1].length);
  }
  if ((proto || slashesDenoteHost) && rest.startsWith('//') && (SLASHED.has(u.protocol) || !u.protocol || slashesDenoteHost)) {
    u.slashes = true;
    rest = rest.slice(2);
    const end = rest.search(/[/\\]/);
    let authority = end === -1 ? rest : rest.slice(0, end);
    rest = end === -1 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at !== -1) {
      u.auth = decodeURIComponent(authority.slice(0, at));
      authority = authority.slice(at + 1);
    }
    const port = /:(\d*)$/.exec(authority);
    if (port) {
      if (port[1]) u.port = port[1];
      authority = authority.slice(0, port.index);
    }
    u.hostname = authority.toLowerCase();
    u.host = u.hostname + (u.port ? `:${u.port}` : '');
    if (!rest && SLASHED.has(u.protocol)) rest = '/';
  }
  u.pathname = rest || (u.slashes ? '/' : null);
  if (parseQueryString && typeof u.query === 'string') u.query = querystring.parse(u.query);
  u.path = (u.pathname || '') + (u.search || '') || null;
  u.href = format(u);
  return u;
}

function format(obj) {
  if (typeof obj === 'string') obj = parse(obj);
  if (obj instanceof URL) return obj.href;
  const protocol = obj.protocol ? (obj.protocol.endsWith(':') ? obj.protocol : `${obj.protocol}:`) : '';
  let host = '';
  if (obj.host) host = obj.host;
  else if (obj.hostname) host = obj.hostname + (obj.port ? `:${obj.port}` : '');
  const auth = obj.auth ? `${encodeURIComponent(obj.auth).replace(/%3A/i, ':')}@` : '';
  const slashes = obj.slashes || SLASHED.has(protocol) ? '//' : '';
  let search = obj.search || '';
  if (!search && obj.query && typeof obj.query === 'object' && Object.keys(obj.query).length) search = `?${querystring.stringify(obj.query)}`;
  if (search && !search.startsWith('?')) search = `?${search}`;
  let pathname = obj.pathname || '';
  if (host && pathname && !pathname.startsWith('/')) pathname = `/${pathname}`;
  const hash = obj.hash ? (obj.hash.startsWith('#') ? obj.hash : `#${obj.hash}`) : '';
  return protocol + (host || protocol === 'file:' ? slashes : '') + auth + host + pathname + search + hash;
}

function resolve(from, to) {
  return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\/\/?/, from.startsWith('/') ? '/' : '');
}

function fileURLToPath(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') {
    const err = new TypeError('The URL must be of scheme file');
    err.code = 'ERR_INVALID_URL_SCHEME';
    throw err;
  }
  return decodeURIComponent(u.pathname);
}

function pathToFileURL(path) {
  return new URL(`file://${encodeURI(String(path).startsWith('/') ? path : `/var/task/${path}`)}`);
}

module.exports = {
  URL,
  URLSearchParams,
  Url,
  parse,
  format,
  resolve,
  fileURLToPath,
  pathToFileURL,
  domainToASCII: (domain) => native.domainToASCII(`${domain}`),
  domainToUnicode: (domain) => native.domainToUnicode(`${domain}`),
};
