// The real axios (its browser build, from npm) with an adapter below it that
// sends every request through the engine's mock network, worded as axios's
// Node http adapter words failures.
'use strict';
const { afterLatency } = require('timers-engine');
const axios = require('axios-dist');
const { exchange, STATUS_TEXT } = require('fetch');
const { mockFailure } = require('mock-failure');
const { Buffer } = require('buffer');

const { AxiosError, AxiosHeaders } = axios;

// The URL axios's Node http adapter sends: the full path parsed as a WHATWG
// URL (its fragment dropped), then the params serialized onto its path.
function nodeRequestUrl(config) {
  const parsed = new URL(axios.getUri({ ...config, params: undefined }));
  const path = axios.getUri({ url: parsed.pathname + parsed.search, params: config.params, paramsSerializer: config.paramsSerializer });
  return `${parsed.protocol}//${parsed.host}${path}`;
}

// What axios's http adapter leaves in `response.request` / `error.request`:
// Node's ClientRequest, whose socket points back at it, so that
// `JSON.stringify(response)` fails as in Node ("Converting circular
// structure to JSON … property '_httpMessage' closes the circle"). The
// socket's class is named as under the reference runner's interceptor.
class ClientRequest {}
class MockHttpSocket {}
function clientRequest(method, url) {
  const request = Object.assign(new ClientRequest(), { method, url, path: url });
  request.socket = Object.assign(new MockHttpSocket(), { _httpMessage: request });
  return request;
}

// The body as the bytes axios's http adapter sends: a string as UTF-8, a
// Buffer or an ArrayBuffer as is; null when there is none.
function bodyBytes(data) {
  if (data === undefined || data === null) return null;
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  return Buffer.from(String(data), 'utf-8');
}

// What axios's http adapter does to `config.headers` (the same AxiosHeaders
// object, so a logged `response.config` shows it) before it sends them:
// User-Agent, Content-Length and Accept-Encoding unless given, and no
// Authorization header when `auth` (or the URL's credentials) make one.
// Returns the headers sent, with that Basic authorization.
function nodeRequestHeaders(config, url, body) {
  const headers = AxiosHeaders.from(config.headers).normalize();
  config.headers = headers;
  headers.set('User-Agent', `axios/${axios.VERSION}`, false);
  if (body) headers.setContentLength(body.length, false);
  let auth;
  if (config.auth) auth = `${config.auth.username || ''}:${config.auth.password || ''}`;
  const parsed = new URL(url);
  if (!auth && (parsed.username || parsed.password)) auth = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  if (auth) headers.delete('authorization');
  headers.set('Accept-Encoding', 'gzip, compress, deflate, br', false);
  const sent = headers.toJSON();
  if (auth) sent.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
  return sent;
}

function mockAdapter(config) {
  return new Promise((resolve, reject) => {
    const url = nodeRequestUrl(config);
    const method = String(config.method || 'get').toUpperCase();
    const bytes = bodyBytes(config.data);
    const body = bytes === null ? null : bytes.toString('utf8');
    const request = clientRequest(method, url);
    const headers = nodeRequestHeaders(config, url, bytes);
    const answer = exchange(method, url, body, headers);
    const timeout = config.timeout > 0 ? config.timeout : 0;
    const wait = timeout && answer.delayMs > timeout ? timeout : answer.delayMs;
    afterLatency(() => {
      if (timeout && answer.delayMs > timeout) {
        reject(new AxiosError(`timeout of ${timeout}ms exceeded`, AxiosError.ECONNABORTED, config, request));
        return;
      }
      if (answer.error) {
        // As axios's http adapter fails on a socket error: the cause's name and code kept.
        const cause = mockFailure(answer);
        reject(AxiosError.from(cause, cause.code, config, request));
        return;
      }
      const headers = AxiosHeaders.from(Object.fromEntries(answer.headers));
      const response = {
        data: answer.body,
        status: answer.status,
        statusText: STATUS_TEXT[answer.status] || '',
        headers,
        config,
        request,
      };
      const validate = config.validateStatus;
      if (!validate || validate(answer.status)) {
        resolve(response);
      } else {
        reject(new AxiosError(
          `Request failed with status code ${answer.status}`,
          [AxiosError.ERR_BAD_REQUEST, AxiosError.ERR_BAD_RESPONSE][Math.floor(answer.status / 100) - 4],
          config, request, response,
        ));
      }
    }, wait);
  });
}

axios.defaults.adapter = mockAdapter;
module.exports = axios;
