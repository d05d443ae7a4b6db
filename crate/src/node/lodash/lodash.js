// The real lodash: npm's minified build, with its functions named as in
// lodash.js, which Node loads (`_.debounce.name` is 'debounce', not the
// minifier's 'Wf'). The names are read from lodash.js at build time
// (build.rs, `lodash-names`).
'use strict';
const lodash = require('lodash-dist');
const names = require('lodash-names');

for (const key of Object.keys(names)) {
  const fn = lodash[key];
  if (typeof fn === 'function') Object.defineProperty(fn, 'name', { value: names[key], configurable: true });
}
Object.defineProperty(lodash, 'name', { value: 'lodash', configurable: true });

module.exports = lodash;
