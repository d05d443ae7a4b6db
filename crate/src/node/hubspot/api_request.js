// client.apiRequest: the real client's Request and HttpClient. A raw fetch
// Response, never thrown on 4xx/5xx; auth is the last of apiKey, accessToken,
// developerApiKey the config holds (or opts.authType), an api key as the
// `hapikey` query parameter, a token as a Bearer header.
'use strict';
const { USER_AGENT } = require('hubspot-api');
const { setSearchParam } = require('hubspot-request');
const { fetch } = require('fetch');

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
  return fetch(request.url, request.init);
}

module.exports = { buildApiRequest, send };
