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
  // Otherwise the engine had no position for the access itself, which
  // happens for method calls (`email.split(…)`): the call is the nearest one
  // before the position on its line, or else the first one after it.
  const CALL = /\.\s*([A-Za-z_$][\w$]*)\s*(?:\?\.)?\(/g;
  const earlier = [...before.matchAll(CALL)];
  if (earlier.length) return wording(earlier[earlier.length - 1][1], false);
  const lines = native.actionSource().split('\n');
  const ahead = [here, ...lines.slice(pos[0], pos[0] + 3)].join('\n');
  const later = CALL.exec(ahead);
  if (later) return wording(later[1], false);
  return null;
}

module.exports = { describe };
