// The real client's method decorators. One service for the whole process (a
// singleton, as there): each `new Client()` sets the decorators its config
// asks for, and every API object created afterwards gets each of its methods
// replaced by a bound, decorated own property.
'use strict';

class ApiDecoratorService {
  static getInstance() {
    if (!this.instance) this.instance = new ApiDecoratorService();
    return this.instance;
  }
  constructor() {
    this.decorators = [];
  }
  setDecorators(decorators) {
    this.decorators = decorators;
  }
  apply(api) {
    if (this.decorators.length === 0) return api;
    const proto = Object.getPrototypeOf(api);
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      let patched = proto[name].bind(api);
      for (const decorator of this.decorators) patched = decorator.decorate(patched);
      api[name] = patched;
    }
    return api;
  }
  applyToMethod(method) {
    for (const decorator of this.decorators) method = decorator.decorate(method);
    return method;
  }
}

// `numberOfApiCallRetries` attempts in all: 5xx waits 200 ms × attempt, a
// 429 under the ten-secondly policy 10 s × attempt, the secondly search
// limit 1 s × attempt; each wait is announced on console.error.
class RetryDecorator {
  constructor(numberOfApiCallRetries) {
    this.numberOfApiCallRetries = numberOfApiCallRetries;
  }
  decorate(method) {
    return async (...args) => {
      let result;
      let rejected;
      for (let index = 1; index <= this.numberOfApiCallRetries; index++) {
        try {
          result = await method(...args);
          rejected = null;
          break;
        } catch (e) {
          rejected = e;
          if (index === this.numberOfApiCallRetries) break;
          const code = (e && e.code) || 0;
          if (code >= 500 && code <= 599) { await wait(code, index, 200); continue; }
          if (code === 429) {
            const body = e.body || {};
            if (body.policyName === 'TEN_SECONDLY_ROLLING') { await wait(code, index, 10 * 1000); continue; }
            if (body.message === 'You have reached your secondly limit.') { await wait(code, index, 1000); continue; }
          }
          break;
        }
      }
      return new Promise((resolve, reject) => (rejected ? reject(rejected) : resolve(result)));
    };
  }
}

function wait(statusCode, retryNumber, retryTimeout) {
  console.error(`Request failed with status code [${statusCode}], will retry [${retryNumber}] time in [${retryTimeout}] ms`);
  return new Promise((resolve) => setTimeout(resolve, retryTimeout * retryNumber));
}

// `limiterOptions`: Bottleneck's minTime (ms between job starts) and
// maxConcurrent (jobs at once), the two options the client's presets use.
class LimiterDecorator {
  constructor(limiterOptions, limiterJobOptions = {}) {
    this.minTime = limiterOptions.minTime || 0;
    this.maxConcurrent = limiterOptions.maxConcurrent || Infinity;
    this.running = 0;
    this.nextStart = 0;
    this.queue = [];
    this.limiterJobOptions = limiterJobOptions;
  }
  decorate(method) {
    return (...args) => new Promise((resolve, reject) => {
      this.queue.push(() => method(...args).then(resolve, reject));
      this.drain();
    });
  }
  drain() {
    if (this.running >= this.maxConcurrent || this.queue.length === 0 || this.timer) return;
    const delay = Math.max(0, this.nextStart - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const job = this.queue.shift();
      this.running++;
      this.nextStart = Date.now() + this.minTime;
      job().finally(() => { this.running--; this.drain(); });
      this.drain();
    }, delay);
  }
}

module.exports = { ApiDecoratorService, RetryDecorator, LimiterDecorator };
