// The JavaScript each HubSpot runtime's V8 has. boa implements newer
// proposals than Node 20's V8 11.3 ships (and some no Node ships yet); an
// action that calls one would succeed here and fail on HubSpot. Each entry
// names the first Node major that has it (from V8's shipping history:
// https://v8.dev/features, Node's changelogs); `Infinity` = no Node yet.
'use strict';

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const ITERATOR_HELPERS = ['map', 'filter', 'take', 'drop', 'flatMap', 'reduce', 'toArray', 'forEach', 'some', 'every', 'find'];

// [owner, property names, first Node major that has them]
const SINCE = [
  [globalThis, ['TypedArray'], Infinity],
  [Map.prototype, ['getOrInsert', 'getOrInsertComputed'], Infinity],
  [Object, ['groupBy'], 21],
  [Map, ['groupBy'], 21],
  [Promise, ['withResolvers'], 22],
  [Set.prototype, ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom'], 22],
  [globalThis, ['Iterator'], 22],
  [iteratorPrototype, ITERATOR_HELPERS, 22],
  [JSON, ['rawJSON', 'isRawJSON'], 21],
  [Promise, ['try'], 23],
  [RegExp, ['escape'], 24],
];

// Removes what `runtime` ('nodejs20', 'nodejs24') does not have. Runs once
// per context, before the action's code.
function applyEdition(runtime) {
  const major = Number(/^nodejs(\d+)$/.exec(runtime)?.[1] ?? 24);
  for (const [owner, names, since] of SINCE) {
    if (major >= since) continue;
    for (const name of names) delete owner[name];
  }
}

module.exports = { applyEdition };
