// The client's discovery tree (client.crm.contacts.basicApi, …) from the
// generated tree: each node is an instance of a class of the real
// discovery class's name; child nodes are created on first access, API
// objects when their node is created (decorated as the client's config
// says), as in the real client.
'use strict';
const { ApiDecoratorService } = require('hubspot-decorators');

const DEFAULT_OBJECTS_LIMIT = 100;

// The discovery layer's helpers, by name.
const HELPERS = {
  async getAll(limit, after, properties, propertiesWithHistory, associations, archived) {
    const limitInternal = limit !== null && limit !== undefined ? limit : DEFAULT_OBJECTS_LIMIT;
    let afterInternal = after;
    let result = [];
    do {
      const response = await this.basicApi.getPage(limitInternal, afterInternal, properties, propertiesWithHistory, associations, archived);
      result = result.concat(response.results);
      afterInternal = response && response.paging && response.paging.next ? response.paging.next.after : undefined;
    } while (afterInternal);
    return result;
  },
  getAuthorizationUrl(clientId, redirectUri, scope, optionalScope, state) {
    const params = { client_id: clientId, redirect_uri: redirectUri, scope, optional_scope: optionalScope, state };
    if (params.optional_scope === undefined) delete params.optional_scope;
    if (params.state === undefined) delete params.state;
    return `https://app.hubspot.com/oauth/authorize?${require('querystring').stringify(params)}`;
  },
};

const classes = new WeakMap();

// A node's class: its helpers and lazy child getters on the prototype.
function discoveryClass(node) {
  if (classes.has(node)) return classes.get(node);
  // Only discoveries built on the real BaseDiscovery show their config.
  const Discovery = { [node.name]: class { constructor(config) { Object.defineProperty(this, 'config', { value: config, writable: true, enumerable: !!node.config, configurable: true }); } } }[node.name];
  for (const name of node.helpers || []) {
    Object.defineProperty(Discovery.prototype, name, { value: HELPERS[name], writable: true, configurable: true });
  }
  const children = node.children || {};
  defineChildGetters(Discovery.prototype, Object.keys(children), (name) => children[name]);
  classes.set(node, Discovery);
  return Discovery;
}

// A getter per child that creates the child's discovery on first access and
// keeps it in `_name`, as the real getters do; nodeOf(name) gives its node.
function defineChildGetters(proto, names, nodeOf) {
  for (const name of names) {
    const cache = `_${name}`;
    Object.defineProperty(proto, name, {
      get() {
        if (!this[cache]) this[cache] = createDiscovery(nodeOf(name), this.config);
        return this[cache];
      },
      configurable: true,
    });
  }
}

function createDiscovery(node, config) {
  // The request path loads with the first discovery, not with the package.
  const { createApi } = require('hubspot-api');
  const Discovery = discoveryClass(node);
  const discovery = new Discovery(config);
  for (const [name, apiName] of Object.entries(node.apis || {})) {
    discovery[name] = ApiDecoratorService.getInstance().apply(createApi(node.module, apiName, config));
  }
  return discovery;
}

// The client's areas; an area's part of the generated tree loads on first access.
function areaGetters(proto) {
  defineChildGetters(proto, require('hubspot-data/tree').areas, (name) => require(`hubspot-data/tree/${name}`));
}

module.exports = { areaGetters };
