// API classes built from the generated data: one class per codegen API
// (named as the real PromiseAPI class), each method and its …WithHttpInfo
// twin on the prototype, as the real ones. A codegen module's data loads
// when an action first reaches one of its APIs.
'use strict';
const { ObjectSerializer } = require('hubspot-serializer');
const { buildRequest } = require('hubspot-request');
const { send, processResponse } = require('hubspot-response');

const USER_AGENT = `hubspot-api-client-nodejs; ${require('hubspot-data/tree').version}`;
const modules = {};

function codegenModule(key) {
  if (!modules[key]) {
    const data = require(`hubspot-data/${key}`);
    modules[key] = { data, serializer: new ObjectSerializer(data.models), classes: {} };
  }
  return modules[key];
}

// What a codegen module's configuration holds for one client config, as
// ApiClientConfigurator.getParams builds it: the base URL, each auth scheme
// the module knows and the config provides, and the header middleware.
function settingsFor(config, supported) {
  const auth = {};
  if (config.accessToken && supported.indexOf('oauth2') !== -1) {
    const token = config.accessToken;
    auth.oauth2 = (context) => context.setHeaderParam('Authorization', `Bearer ${token}`);
  }
  if (config.developerApiKey && supported.indexOf('developer_hapikey') !== -1) {
    const key = config.developerApiKey;
    auth.developer_hapikey = (context) => context.setQueryParam('hapikey', key);
  }
  const headers = config.defaultHeaders && typeof config.defaultHeaders === 'object' ? config.defaultHeaders : {};
  headers['User-agent'] = USER_AGENT;
  return { baseUrl: config.basePath || 'https://api.hubapi.com', auth, headers };
}

const named = (name, cls) => Object.defineProperty(cls, 'name', { value: name });

// A real PromiseXApi holds an ObservableXApi (its configuration, request
// factory and response processor); the same shape, so a logged API object
// reads as the real one. The settings ride in `configuration`.
function promiseApiClass(apiName) {
  const Factory = named(`${apiName}RequestFactory`, class { constructor(configuration) { this.configuration = configuration; } });
  const Processor = named(`${apiName}ResponseProcessor`, class {});
  const Observable = named(`Observable${apiName}`, class {
    constructor(configuration) {
      this.configuration = configuration;
      this.requestFactory = new Factory(configuration);
      this.responseProcessor = new Processor();
    }
  });
  return named(`Promise${apiName}`, class {
    constructor(settings) { this.api = new Observable(settings); }
  });
}

function apiClass(moduleKey, apiName) {
  const mod = codegenModule(moduleKey);
  if (mod.classes[apiName]) return mod.classes[apiName];
  const Api = promiseApiClass(apiName);
  for (const [name, spec] of Object.entries(mod.data.apis[apiName])) {
    const call = async (settings, args) => {
      const context = await buildRequest(apiName, name, spec, args, mod.serializer, settings);
      for (const key of Object.keys(settings.headers)) context.setHeaderParam(key, settings.headers[key]);
      const response = await send(context);
      return processResponse(response, spec.x, mod.serializer, { module: moduleKey, api: apiName });
    };
    // `this.api` is read before anything async, as the real methods do (a
    // detached method throws at once; a RequiredError is a rejection).
    const withHttpInfo = function (...args) {
      return call(this.api.configuration, args);
    };
    const plain = function (...args) {
      return call(this.api.configuration, args).then((info) => info.data);
    };
    // Declared parameters and the trailing `_options`, as the real methods.
    for (const [fn, fnName] of [[withHttpInfo, `${name}WithHttpInfo`], [plain, name]]) {
      Object.defineProperty(fn, 'name', { value: fnName });
      Object.defineProperty(fn, 'length', { value: spec.a.length + 1 });
    }
    Object.defineProperty(Api.prototype, `${name}WithHttpInfo`, { value: withHttpInfo, writable: true, configurable: true });
    Object.defineProperty(Api.prototype, name, { value: plain, writable: true, configurable: true });
  }
  mod.classes[apiName] = Api;
  return Api;
}

function createApi(moduleKey, apiName, config) {
  const Api = apiClass(moduleKey, apiName);
  return new Api(settingsFor(config, codegenModule(moduleKey).data.auth));
}

module.exports = { createApi, apiClass, codegenModule, USER_AGENT };
