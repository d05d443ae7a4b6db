// client.apiRequest: the real client's Request and HttpClient, which sends
// with node-fetch v2: a node-fetch Response, never thrown on 4xx/5xx, and
// node-fetch's FetchError when the request itself fails; auth is the last of apiKey, accessToken,
// developerApiKey the config holds (or opts.authType), an api key as the
// `hapikey` query parameter, a token as a Bearer header.
'use strict';
const { afterLatency } = require('timers-engine');
const { USER_AGENT } = require('hubspot-api');
const { setSearchParam } = require('hubspot-request');
const { exchange } = require('fetch');
const { fromAnswer, FetchError } = require('node-fetch');
const { mockFailure } = require('mock-failure');

const AUTH_TYPES = { apiKey: 'hapikey', accessToken: 'accessToken', developerApiKey: 'hapikey' };

function chooseAuth(opts, config) {
  if (opts.authType) return opts.authType !== 'none' && config[opts.authType] ? opts.authType : undefined;
  let type;
  for (const key of Object.keys(AUTH_TYPES)) if (config[key]) type = key;
  return type;
}

function buildApiRequest(config, opts) {
  let urlStr = opts.overlapUrl || (config.basePath || 'https://api.hubapi.com') + (opts.path || '');
  if (opts.qs) urlStr = `${urlStr}?${new URLSearchParams(opts.qs)}`;
  const url = new URL(urlStr);
  const defaultJson = opts.defaultJson === undefined ? true : opts.defaultJson;
  let headers = defaultJson ? { 'Content-Type': 'application/json' } : {};
  headers = Object.assign(headers, config.defaultHeaders, { Accept: 'application/json, */*;q=0.8', 'User-agent': USER_AGENT }, opts.headers);
  const authType = chooseAuth(opts, config);
  if (authType) {
    const value = config[authType];
    if (AUTH_TYPES[authType] === 'hapikey') setSearchParam(url, 'hapikey', value);
    else headers = Object.assign(headers, { Authorization: `Bearer ${value}` });
  }
  const init = { method: opts.method || 'GET', headers };
  if (opts.body) {
    init.body = headers['Content-Type'] === 'application/json' && defaultJson ? JSON.stringify(opts.body) : opts.body;
  }
  return { url: url.toString(), init };
}

function send(request) {
  const { method, headers, body } = request.init;
  const answer = exchange(method.toUpperCase(), request.url, body === undefined ? null : body, headers);
  return new Promise((resolve, reject) => {
    afterLatency(() => {
      if (!answer.error) {
        resolve(fromAnswer({ status: answer.status, headers: answer.headers, body: answer.body, url: request.url }));
        return;
      }
      // node-fetch's wording for a socket error, the error's code kept.
      const cause = mockFailure(answer);
      const error = new FetchError(`request to ${request.url} failed, reason: ${cause.message}`, 'system');
      error.code = error.errno = cause.code;
      reject(error);
    }, answer.delayMs);
  });
}

module.exports = { buildApiRequest, send };
