// The discovery tree of a real `new Client()`: each node's lazy children
// (getters), its API instances (mapped to their codegen module and class)
// and its helper methods (getAll, getAuthorizationUrl).
'use strict';
const path = require('path');

const CLIENT_OWN = new Set(['init', 'setAccessToken', 'setApiKey', 'setDeveloperApiKey', 'apiRequest', 'getDecorators']);

function members(object) {
  const out = [];
  for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      out.push([name, Object.getOwnPropertyDescriptor(proto, name)]);
    }
  }
  return out;
}

// Which codegen module (crm/contacts, …) defines an API instance's class.
function codegenModuleOf(instance, pkgDir) {
  const codegen = path.join(pkgDir, 'lib/codegen') + path.sep;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!file.startsWith(codegen) || !file.endsWith(`${path.sep}types${path.sep}PromiseAPI.js`)) continue;
    if (Object.values(mod.exports).includes(instance.constructor)) return path.relative(codegen, path.dirname(path.dirname(file))).split(path.sep).join('/');
  }
  throw new Error(`no codegen module for ${instance.constructor.name}`);
}

function walkClient(pkgDir) {
  const { Client } = require(path.join(pkgDir, 'lib/index.js'));
  const client = new Client({ accessToken: 'token' });
  const usedApis = new Map();
  let realMethodCount = 0;
  let helperCount = 0;
  function walk(object, isClient) {
    const node = { name: object.constructor.name };
    // Discoveries built on BaseDiscovery keep the config as an own property.
    if (!isClient && Object.prototype.hasOwnProperty.call(object, 'config')) node.config = 1;
    for (const [name, descriptor] of members(object)) {
      if (isClient && CLIENT_OWN.has(name)) continue;
      if (descriptor.get) {
        (node.children = node.children || {})[name] = walk(object[name], false);
      } else if (typeof descriptor.value === 'function') {
        (node.helpers = node.helpers || []).push(name);
        realMethodCount++;
        helperCount++;
      }
    }
    for (const [name, value] of Object.entries(object)) {
      if (!value || !value.api || !value.api.requestFactory) continue;
      const moduleKey = codegenModuleOf(value, pkgDir);
      const apiName = value.api.requestFactory.constructor.name.replace(/RequestFactory$/, '');
      if (!usedApis.has(moduleKey)) usedApis.set(moduleKey, new Set());
      usedApis.get(moduleKey).add(apiName);
      // A node's APIs all come from one codegen module.
      if (node.module && node.module !== moduleKey) throw new Error(`${node.name}: APIs from ${node.module} and ${moduleKey}`);
      node.module = moduleKey;
      (node.apis = node.apis || {})[name] = apiName;
      realMethodCount += members(value).filter(([, d]) => typeof d.value === 'function').length;
    }
    return node;
  }
  const root = walk(client, true);
  return { tree: { root, helperCount }, usedApis: new Map([...usedApis].sort()), realMethodCount };
}

module.exports = { walkClient };
