// V8 words a property read on undefined/null as
// "Cannot read properties of undefined (reading 'split')"; boa only says it
// could not convert the value. The engine's position points at or before the
// failing access, so read the first member access written from there on.
'use strict';

function describe(err, pos) {
  if (!pos) return null;
  const lines = native.actionSource().split('\n');
  const rest = [lines[pos[0] - 1].slice(pos[1] - 1), ...lines.slice(pos[0], pos[0] + 3)].join('\n');
  const access = /(?:\?\.)?(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`]*)\2\s*\]|\[\s*(\d+)\s*\])/;
  const base = /[A-Za-z_$][\w$]*|\)|\]/g;
  let m;
  while ((m = base.exec(rest))) {
    const after = rest.slice(base.lastIndex);
    const a = access.exec(after);
    if (a && a.index === 0 && !after.startsWith('?.')) {
      const key = a[1] || a[3] || a[4];
      const kind = /null/.test(String(err.__ap_value)) ? 'null' : 'undefined';
      return `Cannot read properties of ${kind} (reading '${key}')`;
    }
  }
  return null;
}

module.exports = { describe };
