// `process`, as much of it as real actions touch. `env` holds the secrets
// and nothing else, as on HubSpot.
'use strict';
const EventEmitter = require('events');

const process = new EventEmitter();
Object.assign(process, {
  env: undefined,
  version: 'v20.20.2',
  versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0', modules: '115' },
  platform: 'linux',
  arch: 'x64',
  pid: 8,
  ppid: 1,
  title: 'node',
  argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
  execArgv: [],
  execPath: '/var/lang/bin/node',
  exitCode: undefined,
  release: { name: 'node', lts: 'Iron' },
  config: { variables: {} },
  features: {},
  cwd: () => '/var/task',
  chdir: () => {},
  umask: () => 0o22,
  uptime: () => native.hrtimeNs() / 1e9,
  memoryUsage: Object.assign(() => {
    const used = native.memoryUsed();
    return { rss: used + 41943040, heapTotal: used + 8388608, heapUsed: used, external: 1048576, arrayBuffers: 16384 };
  }, { rss: () => native.memoryUsed() + 41943040 }),
  cpuUsage: () => ({ user: Math.round(native.hrtimeNs() / 1000), system: 0 }),
  hrtime: Object.assign((previous) => {
    const ns = native.hrtimeNs();
    let s = Math.floor(ns / 1e9);
    let n = ns % 1e9;
    if (previous) {
      s -= previous[0];
      n -= previous[1];
      if (n < 0) { s -= 1; n += 1e9; }
    }
    return [s, n];
  }, { bigint: () => BigInt(native.hrtimeNs()) }),
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  emitWarning: (warning) => {
    const text = typeof warning === 'string' ? `Warning: ${warning}` : `${warning.name}: ${warning.message}`;
    native.log('error', `(node:8) ${text}\n(Use \`node --trace-warnings ...\` to show where the warning was created)`);
  },
  exit: (code) => { native.exit(code === undefined ? 0 : code); },
  abort: () => { native.exit(134); },
  stdout: { write: (chunk) => { native.log('log', String(chunk).replace(/\n$/, '')); return true; }, isTTY: false },
  stderr: { write: (chunk) => { native.log('error', String(chunk).replace(/\n$/, '')); return true; }, isTTY: false },
});
// The secrets are read on first use, not at load: a context is prepared
// (and libraries may touch `process`) before its scenario's secrets are set.
// After that first read, `env` is a plain data property, as in Node.
Object.defineProperty(process, 'env', {
  configurable: true,
  enumerable: true,
  get() {
    const env = native.secrets();
    // A library warmed up before the scenario arrived sees an empty env
    // without fixing it for the action.
    if (native.configured()) {
      Object.defineProperty(process, 'env', { value: env, writable: true, enumerable: true, configurable: true });
    }
    return env;
  },
  set(value) {
    Object.defineProperty(process, 'env', { value, writable: true, enumerable: true, configurable: true });
  },
});

module.exports = process;
