// `require('@hubspot/api-client/lib/codegen/<module>[/index|/models/all|/models/<Model>]')`:
// real actions import enums from the package's codegen modules, as
// HubSpot's docs do (`FilterOperatorEnum`, `AssociationSpecAssociationCategoryEnum`).
// The exports are built from the generated data: the API classes, the
// model classes the serializer revives (so `instanceof` holds), the enums,
// `ApiException` and `RequiredError`.
'use strict';
const { apiClass, codegenModule } = require('hubspot-api');
const { ApiException } = require('hubspot-response');
const { RequiredError } = require('hubspot-request');

const PREFIX = 'lib/codegen/';
const cache = Object.create(null);

function modelsOf(mod, only) {
  const out = {};
  for (const name of mod.data.modelNames) {
    if (only === undefined || name === only) out[name] = mod.serializer.modelClass(name);
  }
  // An enum lives in its model's file: `FilterOperatorEnum` in models/Filter.
  for (const [name, values] of Object.entries(mod.data.enums)) {
    if (only === undefined || (name.startsWith(only) && !mod.data.modelNames.some((m) => m !== only && m.startsWith(only) && name.startsWith(m)))) {
      out[name] = { ...values };
    }
  }
  return out;
}

/** The exports of a path inside the package, or undefined when it has none. */
function load(subpath) {
  const path = subpath.replace(/\.js$/, '').replace(/\/index$/, '');
  if (path in cache) return cache[path];
  if (!path.startsWith(PREFIX)) return undefined;
  const rest = path.slice(PREFIX.length);
  const models = /^(.*)\/models\/(\w+)$/.exec(rest);
  const key = models ? models[1] : rest;
  if (!native.isEmbedded(`hubspot-data/${key}`)) return undefined;
  const mod = codegenModule(key);
  let exports;
  if (models && models[2] === 'all') exports = modelsOf(mod);
  else if (models) {
    exports = modelsOf(mod, models[2]);
    if (Object.keys(exports).length === 0) return undefined;
  } else {
    exports = { RequiredError, ApiException, ...modelsOf(mod) };
    for (const apiName of Object.keys(mod.data.apis)) exports[apiName] = apiClass(key, apiName);
  }
  cache[path] = exports;
  return exports;
}

module.exports = { load };
