// boa prints a class as "function Foo() { [native code] }"; Node (and
// util.inspect, which tells classes by their source) print "class Foo …".
// Functions that exist before the action loads are the engine's own; a later
// constructor with that native-looking text and a read-only prototype is a class.
'use strict';

function install(global) {
  const originalToString = Function.prototype.toString;
  const builtins = new WeakSet();
  const seen = new Set();
  const walk = (obj, depth) => {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || seen.has(obj) || depth > 3) return;
    seen.add(obj);
    if (typeof obj === 'function') builtins.add(obj);
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key);
      if (d && 'value' in d) walk(d.value, depth + 1);
    }
  };
  walk(global, 0);
  const isClass = (fn) => {
    if (builtins.has(fn)) return false;
    const d = Object.getOwnPropertyDescriptor(fn, 'prototype');
    return !!d && d.writable === false && / \[native code\] \}$/.test(originalToString.call(fn));
  };
  const classAwareToString = function toString() {
    if (typeof this === 'function' && isClass(this)) {
      const name = Object.prototype.hasOwnProperty.call(this, 'name') ? this.name : '';
      const parent = Object.getPrototypeOf(this);
      const heritage = parent && parent !== Function.prototype && parent.name ? ` extends ${parent.name}` : '';
      return `class ${name}${name ? ' ' : ''}${heritage ? `${heritage.trim()} ` : ''}{ }`;
    }
    return originalToString.call(this);
  };
  builtins.add(classAwareToString);
  Object.defineProperty(Function.prototype, 'toString', { value: classAwareToString, writable: true, configurable: true, enumerable: false });
}

module.exports = { install };
