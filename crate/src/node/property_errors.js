// V8 words a property access on undefined/null as "Cannot read properties of
// undefined (reading 'split')" (or "Cannot set properties of …"); boa only
// says it could not convert the value. boa's position for the error points at
// the property name when it has one for that instruction, else somewhere
// after it on the line; read the access from the source accordingly.
// boa does not say whether the value was undefined or null: V8's far more
// common "undefined" is used.
'use strict';

const IDENT = /^[A-Za-z_$][\w$]*/;

function wording(key, setting) {
  return setting
    ? `Cannot set properties of undefined (setting '${key}')`
    : `Cannot read properties of undefined (reading '${key}')`;
}

function isAssignment(rest) {
  return /^\s*(=(?!=)|\+=|-=|\*=|\/=|\|\|=|&&=|\?\?=)/.test(rest);
}

function describe(err, pos) {
  if (!pos) return null;
  const line = native.actionSource().split('\n')[pos[0] - 1];
  if (line === undefined) return null;
  const at = pos[1] - 1;
  const before = line.slice(0, at);
  const here = line.slice(at);
  const word = IDENT.exec(here);
  if (word) {
    const after = here.slice(word[0].length);
    // `obj.key` with the position on `key`.
    if (/(\?\.|\.)\s*$/.test(before)) return wording(word[0], isAssignment(after));
    // `obj.key` with the position on `obj`.
    const next = /^\s*\.\s*([A-Za-z_$][\w$]*)/.exec(after);
    if (next) return wording(next[1], isAssignment(after.slice(next[0].length)));
    const indexed = /^\s*\[\s*(['"])([^'"]*)\1\s*\]/.exec(after);
    if (indexed) return wording(indexed[2], isAssignment(after.slice(indexed[0].length)));
  }
  // Otherwise the failing access came earlier on the line: the nearest
  // method call or property read before the position.
  const accesses = [...before.matchAll(/\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"]*)\2\s*\]/g)];
  const last = accesses[accesses.length - 1];
  if (last) return wording(last[1] || last[3], false);
  return null;
}

module.exports = { describe };
