// Evaluated once per context. `native` is the Rust bridge (src/node/module/mod.rs);
// it is captured here and never reachable from the action's code.
(function bootstrap(native, global) {
  'use strict';

  const ACTION_FILE = '/var/task/index.js';
  // Captured before any action code runs: the action may replace
  // Function.prototype.call/apply or Reflect.apply, and the loader must
  // never hand `native` or the internal require to a function it chose.
  const apply = Reflect.apply;
  const cache = Object.create(null);
  let delivered; // what the handler delivered: callback argument or return value
  // The event the action received, for modules that word errors (no module
  // is loaded to hold it: runs start with nothing to compile).
  const actionEvent = { value: undefined };
  cache['action-event'] = { exports: actionEvent, loaded: true };

  // Loads a module the engine embeds (our Node shims and real npm packages).
  function loadEmbedded(id) {
    const cached = cache[id];
    if (cached) return cached.exports;
    const source = native.source(id);
    if (source === undefined) return undefined;
    const module = { id, exports: {}, loaded: false };
    cache[id] = module;
    const wrapper = native.compile(source, native.displayName(id));
    apply(wrapper, module.exports, [module.exports, internalRequire, module, native.displayName(id), '/', native, global]);
    module.loaded = true;
    return module.exports;
  }

  function internalRequire(name) {
    const id = String(name).replace(/^node:/, '');
    const exports = loadEmbedded(id);
    if (exports === undefined) throw new Error(`internal module '${id}' is missing`);
    return exports;
  }

  function moduleNotFound(name) {
    const err = new Error(`Cannot find module '${name}'\nRequire stack:\n- ${ACTION_FILE}`);
    err.code = 'MODULE_NOT_FOUND';
    err.requireStack = [ACTION_FILE];
    return err;
  }

  // What `require` gives the action: HubSpot's libraries and Node built-ins.
  function actionRequire(name) {
    if (typeof name !== 'string') {
      const err = new TypeError(`The "id" argument must be of type string. Received ${name === null ? 'null' : typeof name}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const prefixed = name.startsWith('node:');
    const id = prefixed ? name.slice(5) : name;
    if (id.startsWith(HUBSPOT_INSIDE) && !prefixed) {
      const exports = internalRequire('hubspot-deep-require').load(id.slice(HUBSPOT_INSIDE.length));
      if (exports === undefined) throw moduleNotFound(name);
      return exports;
    }
    if (!native.isPublic(id, prefixed)) throw moduleNotFound(name);
    return loadEmbedded(id);
  }
  // A path inside the client package (its codegen modules' enums and models).
  const HUBSPOT_INSIDE = '@hubspot/api-client/';
  actionRequire.resolve = (name) => {
    const id = String(name);
    if (id.startsWith(HUBSPOT_INSIDE) && internalRequire('hubspot-deep-require').load(id.slice(HUBSPOT_INSIDE.length)) !== undefined) return name;
    if (!native.isPublic(id.replace(/^node:/, ''), false)) throw moduleNotFound(name);
    return name;
  };
  actionRequire.cache = Object.create(null);

  // Globals Node has that the engine lacks, from the same modules `require`
  // gives. Each loads on first use: most actions never touch most of them,
  // and a fresh context must be cheap.
  function installGlobals() {
    // First: util.inspect captures Function.prototype.toString when it loads.
    internalRequire('function-source').install(global);
    internalRequire('errors').install(global);
    internalRequire('date').install(global, internalRequire('function-source').markNative);
    internalRequire('regexp-source').install(internalRequire('function-source').markNative);
    const define = (name, value) => Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    // The accessor stays an accessor: boa 0.22's property caches go wrong
    // when a global turns from accessor into data property under running code.
    const lazy = (name, load) => {
      let loaded = false;
      let value;
      Object.defineProperty(global, name, {
        configurable: true,
        enumerable: false,
        get() {
          if (!loaded) { value = load(); loaded = true; }
          return value;
        },
        set(next) { value = next; loaded = true; },
      });
    };
    lazy('Buffer', () => internalRequire('buffer').Buffer);
    lazy('process', () => internalRequire('process'));
    lazy('console', () => internalRequire('console'));
    lazy('crypto', () => internalRequire('crypto').webcrypto);
    for (const name of ['fetch', 'Headers', 'Request', 'Response']) lazy(name, () => internalRequire('fetch')[name]);
    for (const name of ['URL', 'URLSearchParams']) lazy(name, () => internalRequire('url-whatwg')[name]);
    lazy('Intl', () => internalRequire('intl').Intl);
    lazy('performance', () => internalRequire('perf_hooks').performance);
    // The toLocaleString family formats through our Intl, loaded on first call.
    // Resolved on the first call, and without rest/spread (slow in boa): a
    // sort calls localeCompare thousands of times.
    const intl = (name) => {
      let loaded;
      return (a, b, c, d) => (loaded || (loaded = internalRequire('intl')[name]))(a, b, c, d);
    };
    const method = (proto, name, impl) => Object.defineProperty(proto, name, { value: impl, writable: true, configurable: true, enumerable: false });
    const toNumberLocale = intl('numberToLocaleString');
    method(Number.prototype, 'toLocaleString', { toLocaleString(locales, options) { return toNumberLocale(Number.prototype.valueOf.call(this), locales, options); } }.toLocaleString);
    method(BigInt.prototype, 'toLocaleString', { toLocaleString(locales, options) { return toNumberLocale(BigInt.prototype.valueOf.call(this), locales, options); } }.toLocaleString);
    const toDate = intl('dateToLocaleString');
    const toDateOnly = intl('dateToLocaleDateString');
    const toTimeOnly = intl('dateToLocaleTimeString');
    method(Date.prototype, 'toLocaleString', { toLocaleString(locales, options) { return toDate(this, locales, options); } }.toLocaleString);
    method(Date.prototype, 'toLocaleDateString', { toLocaleDateString(locales, options) { return toDateOnly(this, locales, options); } }.toLocaleDateString);
    method(Date.prototype, 'toLocaleTimeString', { toLocaleTimeString(locales, options) { return toTimeOnly(this, locales, options); } }.toLocaleTimeString);
    const compare = intl('localeCompare');
    method(String.prototype, 'localeCompare', { localeCompare(that, locales, options) { return compare(String(this), String(that), locales, options); } }.localeCompare);
    define('global', global);
    const timers = internalRequire('timers');
    for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
      define(name, timers[name]);
    }
  }

  installGlobals();

  // Runs the action as HubSpot's runtime does and reports back through `native`.
  // `warm`: the next execution in the same container (HubSpot reuses a warm
  // one): the module is not loaded again, so its top-level state carries over.
  let loadedMain;
  function runAction(code, event, runtime, warm) {
    actionEvent.value = event;
    delivered = undefined;
    settled = false;
    try {
      if (!(warm && loadedMain)) loadedMain = loadAction(code, runtime);
      const main = loadedMain;
      if (runtime === 'nodejs24') {
        Promise.resolve(main(event)).then((ret) => {
          if (delivered === undefined) { delivered = ret === undefined ? null : ret; native.deliver(delivered); }
        }, fail);
      } else {
        const callback = (arg) => {
          if (delivered === undefined && arg !== undefined) { delivered = arg; native.deliver(arg); }
        };
        Promise.resolve(main(event, callback)).then(() => {}, fail);
      }
    } catch (err) {
      fail(err);
    }
  }

  function loadAction(code, runtime) {
    const module = { id: '.', exports: {}, filename: ACTION_FILE, loaded: false };
    internalRequire('runtime-edition').applyEdition(runtime);
    const wrapper = native.compile(code, ACTION_FILE);
    // The last arguments are the hooks of module/rewrite/: engine errors'
    // wording in catch clauses, the catchable call-depth limit, V8's
    // errors on null/undefined properties, iteration and destructuring.
    const values = internalRequire('property-errors');
    const hooks = [internalRequire('errors').normalize, native.checkDepth, values.nil, values.iterable, values.destructurable];
    apply(wrapper, module.exports, [module.exports, actionRequire, module, ACTION_FILE, '/var/task', ...hooks]);
    module.loaded = true;
    const main = module.exports.main;
    if (typeof main !== 'function') throw new TypeError('exports.main is not a function');
    return main;
  }

  // The first failure wins, as in Node's uncaughtException/unhandledRejection.
  let settled = false;
  function fail(err) {
    if (settled) return;
    settled = true;
    const { name, message } = internalRequire('errors').describe(err);
    native.fail(name, message, answerStatus(err));
  }

  // The HTTP status of the answer an error comes from, when it is one of
  // the errors HubSpot retries the action for: axios's (error.response.status)
  // and the HubSpot client's ApiException (error.code, a number). 0 otherwise.
  function answerStatus(err) {
    if (err === null || typeof err !== 'object') return 0;
    try {
      if (err.isAxiosError === true && err.response && typeof err.response.status === 'number') return err.response.status;
      if (typeof err.code === 'number' && 'body' in err && 'headers' in err) return err.code;
    } catch (_) { /* a getter that throws: not an answer */ }
    return 0;
  }

  // The delivered outputs as JSON, read when the event loop is empty (as the
  // reference runner reads them at beforeExit).
  function outputsJson() {
    if (delivered === undefined) return undefined;
    const fields = (delivered && delivered.outputFields) || {};
    return JSON.stringify(fields);
  }

  return { runAction, fail, outputsJson, require: actionRequire, loadInternal: internalRequire };
})
