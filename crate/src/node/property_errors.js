// V8's TypeError for a property access on null or undefined, whatever the
// value came from. The action's source reads every `a.b` / `a[k]` as
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

module.exports = { nil };
