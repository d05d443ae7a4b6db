// V8's TypeErrors for values the action's syntax meets: a property access
// on null or undefined (whatever the value came from), a value iterated or
// destructured that cannot be (module/rewrite/values.rs).
//
// A property access on null or undefined: The action's source reads every `a.b` / `a[k]` as
// `((__apT = a) ?? __apNil(__apT)).b` (module/rewrite/): on null/undefined
// the access meets one of these stand-ins, whose traps throw what V8 throws
// at that very point — after a computed key and an assigned value are
// evaluated, before a call's arguments are.
'use strict';

const keyText = (key) => (typeof key === 'symbol' ? key.toString() : String(key));

function standIn(what) {
  return new Proxy(Object.create(null), {
    get(_, key) {
      if (key === Symbol.iterator) {
        throw new TypeError(`${what === 'null' ? 'object null' : what} is not iterable (cannot read property Symbol(Symbol.iterator))`);
      }
      throw new TypeError(`Cannot read properties of ${what} (reading '${keyText(key)}')`);
    },
    set(_, key) {
      throw new TypeError(`Cannot set properties of ${what} (setting '${keyText(key)}')`);
    },
    deleteProperty() {
      throw new TypeError('Cannot convert undefined or null to object');
    },
  });
}

const NULL = standIn('null');
const UNDEFINED = standIn('undefined');

/** The stand-in for a nullish value met by a property access. */
const nil = (value) => (value === null ? NULL : UNDEFINED);

// V8's own naming of a value it cannot find in the source
// (BuildDefaultCallSite): its type, and a primitive's value.
function valueName(value) {
  if (value === null) return 'object null';
  if (typeof value === 'string') return `string "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

const isIterable = (value) => value != null && typeof value[Symbol.iterator] === 'function';
const isAsyncIterable = (value) => value != null && (typeof value[Symbol.asyncIterator] === 'function' || typeof value[Symbol.iterator] === 'function');

// The forms of module/rewrite/values.rs (IterForm).
function iterationMessage(value, form, name) {
  switch (form) {
    case 0: return `${name} is not iterable`;
    case 1: return `${name} is not a function or its return value is not iterable`;
    case 3:
      if (value != null) return 'Spread syntax requires ...iterable[Symbol.iterator] to be a function';
      return `${name === null ? valueName(value) : name} is not iterable (cannot read property undefined)`;
    case 4: return `${name} is not async iterable`;
    case 5: return `${name} is not a function or its return value is not async iterable`;
    default: return `${valueName(value)} is not iterable (cannot read property Symbol(Symbol.iterator))`;
  }
}

/** `for (x of E)`, `[...E]`, `f(...E)`, `const [a] = E`: E, or V8's TypeError. */
function iterable(value, form, name) {
  if (form >= 4 ? isAsyncIterable(value) : isIterable(value)) return value;
  throw new TypeError(iterationMessage(value, form, name));
}

/**
 * `const { k } = E`: E, or V8's TypeError (DestrForm of values.rs), after
 * the nested object patterns' checks (`[path…, firstKey]`, outermost first).
 */
function destructurable(value, form, key, name, nested) {
  if (value == null) {
    const what = value === null ? 'null' : 'undefined';
    if (form === 2) throw new TypeError(`Cannot read properties of ${what} (reading '${key}')`);
    if (form === 0) throw new TypeError(`Cannot destructure property '${key}' of '${name}' as it is ${what}.`);
    throw new TypeError(`Cannot destructure '${name}' as it is ${what}.`);
  }
  if (nested !== undefined) {
    for (const check of nested) {
      let inner = value;
      for (let i = 0; i < check.length - 1; i++) inner = inner[check[i]];
      if (inner == null) throw new TypeError(`Cannot read properties of ${inner === null ? 'null' : 'undefined'} (reading '${check[check.length - 1]}')`);
    }
  }
  return value;
}

module.exports = { nil, iterable, destructurable };
