// The real axios (its browser build, from npm) with an adapter below it that
// sends every request through the engine's mock network, worded as axios's
// Node http adapter words failures.
'use strict';
const { afterLatency } = require('timers-engine');
const axios = require('axios-dist');
const { exchange, STATUS_TEXT } = require('fetch');
const { mockFailure } = require('mock-failure');

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

function mockAdapter(config) {
  return new Promise((resolve, reject) => {
    const url = nodeRequestUrl(config);
    const method = String(config.method || 'get').toUpperCase();
    const body = config.data === undefined || config.data === null ? null : typeof config.data === 'string' ? config.data : String(config.data);
    const request = clientRequest(method, url);
    const headers = config.headers && typeof config.headers.toJSON === 'function' ? config.headers.toJSON() : config.headers;
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
