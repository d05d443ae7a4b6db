// boa prints a class as "function Foo() { [native code] }"; Node (and
// util.inspect, which tells classes by their source) print "class Foo …".
// The engine's own constructors hang off the global object (and Intl); any
// other constructor with that native-looking text and a read-only prototype
// is a class. The action's own functions print as written: without the
// hooks the harness adds to their source (module/rewrite/).
'use strict';

// Functions the engine's JS layer puts in place of built-ins (Date, its
// parse): they print as the native functions they stand for.
const standIns = new WeakSet();
const markNative = (fn) => standIns.add(fn);

function install(global) {
  const originalToString = Function.prototype.toString;
  const builtins = new WeakSet();
  const collect = (holder) => {
    for (const key of Reflect.ownKeys(holder)) {
      const d = Object.getOwnPropertyDescriptor(holder, key);
      if (d && typeof d.value === 'function') builtins.add(d.value);
    }
  };
  collect(global);
  if (typeof Intl === 'object') collect(Intl);
  const isClass = (fn) => {
    if (builtins.has(fn)) return false;
    const d = Object.getOwnPropertyDescriptor(fn, 'prototype');
    return !!d && d.writable === false && / \[native code\] \}$/.test(originalToString.call(fn));
  };
  const classAwareToString = function toString() {
    if (standIns.has(this)) return `function ${this.name}() { [native code] }`;
    if (typeof this === 'function' && isClass(this)) {
      const name = Object.prototype.hasOwnProperty.call(this, 'name') ? this.name : '';
      const parent = Object.getPrototypeOf(this);
      const heritage = parent && parent !== Function.prototype && parent.name ? ` extends ${parent.name}` : '';
      return `class ${name}${name ? ' ' : ''}${heritage ? `${heritage.trim()} ` : ''}{ }`;
    }
    const text = originalToString.call(this);
    const written = text.includes('__ap') ? native.originalSource(text) : undefined;
    return written === undefined ? text : written;
  };
  builtins.add(classAwareToString);
  Object.defineProperty(Function.prototype, 'toString', { value: classAwareToString, writable: true, configurable: true, enumerable: false });
}

module.exports = { install, markNative };
