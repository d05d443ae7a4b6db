// @hubspot/api-client v11: the Client and the package's exports. Every API
// method comes from data generated from the real package
// (tools/hubspot-client-gen → hubspot/data/); this file holds the client's
// own behaviour: lazy areas, decorators per config, setAccessToken,
// apiRequest.
'use strict';
const generated = require('hubspot-data/tree');
const { areaGetters } = require('hubspot-discovery');
// Every action that uses the client sends requests: loading fetch with the
// package means a context prepared for the action has it ready.
require('fetch');
const { ApiDecoratorService, RetryDecorator, LimiterDecorator } = require('hubspot-decorators');

class Client {
  constructor(config = {}) {
    this.config = config;
    this.init();
  }
  init() {
    ApiDecoratorService.getInstance().setDecorators(this.getDecorators());
    for (const area of generated.areas) this[`_${area}`] = undefined;
  }
  setAccessToken(token) {
    this.config.accessToken = token;
    this.init();
  }
  setApiKey(apiKey) {
    this.config.apiKey = apiKey;
    this.init();
  }
  setDeveloperApiKey(developerApiKey) {
    this.config.developerApiKey = developerApiKey;
    this.init();
  }
  apiRequest(opts = {}) {
    const { buildApiRequest, send } = require('hubspot-api-request');
    const request = buildApiRequest(this.config, opts);
    return ApiDecoratorService.getInstance().applyToMethod(send)(request);
  }
  getDecorators() {
    const decorators = [];
    if (this.config.limiterOptions) decorators.push(new LimiterDecorator(this.config.limiterOptions, this.config.limiterJobOptions));
    if (this.config.numberOfApiCallRetries && this.config.numberOfApiCallRetries > 0) {
      if (this.config.numberOfApiCallRetries > 6) throw new Error('numberOfApiCallRetries can be set to a number from 0 - 6.');
      decorators.push(new RetryDecorator(this.config.numberOfApiCallRetries));
    }
    return decorators;
  }
}
areaGetters(Client.prototype);

// TypeScript's numeric enum: name → id and id → name.
function associationTypes() {
  const AssociationTypes = {};
  for (const [name, id] of Object.entries(generated.associationTypes)) AssociationTypes[AssociationTypes[name] = id] = name;
  return AssociationTypes;
}

// The real index's exports: getters, in its order.
let AssociationTypes;
const GETTERS = {
  AssociationTypes: () => AssociationTypes || (AssociationTypes = associationTypes()),
  Signature: () => require('hubspot-signature').Signature,
  SEARCH_LIMITER_OPTIONS: () => generated.limiterOptions.SEARCH_LIMITER_OPTIONS,
  DEFAULT_LIMITER_OPTIONS: () => generated.limiterOptions.DEFAULT_LIMITER_OPTIONS,
  Client: () => Client,
};
Object.defineProperty(exports, '__esModule', { value: true });
for (const name of generated.exports) Object.defineProperty(exports, name, { enumerable: true, get: GETTERS[name] });
