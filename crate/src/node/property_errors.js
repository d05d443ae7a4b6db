// V8 words a property access on undefined/null as "Cannot read properties of
// undefined (reading 'split')" (or "Cannot set properties of …"); boa only
// says it could not convert the value. boa's position for the error points at
// the property name when it has one for that instruction, else somewhere
// after it on the line; read the access from the source accordingly.
// boa does not say whether the value was undefined or null. When the value
// comes from the event (directly, or through a variable declared from it,
// destructuring included), the event says; a literal `null` says itself;
// otherwise V8's far more common "undefined" is used.
'use strict';

const IDENT = /^[A-Za-z_$][\w$]*/;

/** The event the action received (held by the bootstrap), to tell null from undefined. */
const received = require('action-event');

/** Walks `event.a['b']?.c` on the event; `undefined` when it is not such a path. */
function fromEvent(path) {
  const m = /^event((?:\s*\??\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(['"])[^'"]*\2\s*\])*)$/.exec(path.trim());
  if (!m || received.value === undefined) return undefined;
  let value = received.value;
  for (const step of m[1].matchAll(/\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"]*)\2\s*\]/g)) {
    if (value === null || value === undefined) return value;
    value = value[step[1] !== undefined ? step[1] : step[3]];
  }
  return value;
}

/** What `text` (the object of the failed access) evaluated to, as far as the source tells: null or undefined. */
function nullness(text) {
  text = text.trim();
  if (text === 'null') return 'null';
  const path = resolvePath(text) || text;
  if (path.trim() === 'null') return 'null';
  return fromEvent(path) === null ? 'null' : 'undefined';
}

/** The event path a variable (or path) stands for, from its declaration; null when unknown. */
function resolvePath(text, depth = 0) {
  let path = /^event\b/.test(text) ? text : null;
  if (/^[A-Za-z_$][\w$]*$/.test(text) && text !== 'event') {
    const source = native.actionSource();
    const plain = new RegExp(`\\b(?:const|let|var)\\s+${text.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]+)`).exec(source);
    if (plain) path = plain[1];
    else {
      for (const d of source.matchAll(/\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*([^;\n]+)/g)) {
        for (const part of d[1].split(',')) {
          const [key, alias] = part.split(':').map((x) => x && x.trim().split('=')[0].trim());
          if ((alias || key) === text) path = `${d[2].trim()}.${key}`;
        }
      }
    }
  }
  if (!path && depth < 3 && /^[A-Za-z_$][\w$]*$/.test(text)) path = fromParameter(text, depth);
  // `props.email` where `props` came from the event: follow the root too.
  const rooted = path && /^([A-Za-z_$][\w$]*)([\s\S]*)$/.exec(path.trim());
  if (rooted && rooted[1] !== 'event' && rooted[1] !== 'null' && depth < 3) {
    const root = resolvePath(rooted[1], depth + 1);
    path = root ? root + rooted[2] : path;
  }
  return path;
}

/** A function parameter's argument at the function's first call site, as an event path. */
function fromParameter(name, depth) {
  const source = native.actionSource();
  const heads = [
    ...source.matchAll(/function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g),
    ...source.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\s*)?\(([^)]*)\)/g),
    ...source.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/g),
  ];
  for (const [, fn, params] of heads) {
    const index = params.split(',').map((p) => p.trim().split('=')[0].trim()).indexOf(name);
    if (index < 0) continue;
    for (const call of source.matchAll(new RegExp(`(?<![\\w$.])${fn.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))) {
      const args = splitArguments(source, call.index + call[0].length);
      if (args && args[index] !== undefined) {
        const path = resolvePath(args[index].trim(), depth + 1);
        if (path) return path;
      }
    }
  }
  return null;
}

/** The top-level arguments of a call whose `(` ends just before `from`. */
function splitArguments(source, from) {
  const args = [];
  let depth = 0;
  let current = '';
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        args.push(current);
        return args;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      args.push(current);
      current = '';
    } else current += c;
  }
  return null;
}

/** The object expression written just before index `end` of `line`. */
function objectBefore(line, end) {
  const m = /((?:[A-Za-z_$][\w$]*|\])(?:\s*\??\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(['"])[^'"]*\3\s*\])*)\s*\??\.?\s*$/.exec(line.slice(0, end));
  return m ? m[1] : '';
}

function wording(key, setting, object) {
  const what = nullness(object || '');
  return setting
    ? `Cannot set properties of ${what} (setting '${key}')`
    : `Cannot read properties of ${what} (reading '${key}')`;
}

function isAssignment(rest) {
  return /^\s*(=(?!=)|\+=|-=|\*=|\/=|\|\|=|&&=|\?\?=)/.test(rest);
}

function describe(err, pos, range) {
  const source = native.actionSource().split('\n');
  const direct = pos && directAccess(source, pos);
  if (direct) return direct;
  // Otherwise the engine had no position for the access itself, which
  // happens for method calls (`email.split(…)`); in async functions the
  // position is even the function's start. Inside a try whose lines are
  // known (a catch hook), search that block; else from the position on.
  if (!pos) return range ? callAfter(source, [range[0], 1], range[1]) : null;
  const fn = functionExtent(source, pos);
  const insideRange = range && pos[0] >= range[0] && pos[0] <= range[1];
  if (range && !insideRange && fn && range[0] >= fn[0] && range[1] <= fn[1]) return callAfter(source, [range[0], 1], range[1]);
  const line = source[pos[0] - 1];
  if (line === undefined) return null;
  // The call is the nearest one before the position on its line…
  const before = line.slice(0, pos[1] - 1);
  const earlier = [...before.matchAll(CALL)];
  if (earlier.length) {
    const call = earlier[earlier.length - 1];
    return wording(call[1], false, objectBefore(before, call.index));
  }
  // …or one after it, in the same function.
  return callAfter(source, pos, insideRange ? range[1] : fn ? fn[1] : source.length);
}

/**
 * [first, last] line of the function body that starts at or after `pos`
 * (boa's vague position is a function's head): the first `{` and its match,
 * skipping strings, templates and comments.
 */
function functionExtent(source, pos) {
  const text = source.slice(pos[0] - 1).join('\n').slice(pos[1] - 1);
  let depth = 0;
  let line = pos[0];
  let start = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
      }
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      line++;
    } else if (c === '/' && text[i + 1] === '*') {
      for (i += 2; i < text.length && !(text[i] === '*' && text[i + 1] === '/'); i++) if (text[i] === '\n') line++;
    } else if (c === '{') {
      if (depth === 0 && start === null) start = line;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0 && start !== null) return [start, line];
    }
  }
  return null;
}

const CALL = /\.\s*([A-Za-z_$][\w$]*)\s*(?:\?\.)?\(/g;

/** The access written at `pos` itself (`obj.key`, `obj['key']`, an event chain), or null. */
function directAccess(source, pos) {
  const line = source[pos[0] - 1];
  if (line === undefined) return null;
  const at = pos[1] - 1;
  const before = line.slice(0, at);
  const here = line.slice(at);
  const word = IDENT.exec(here);
  if (!word) return null;
  // A chain rooted in the event (`event.inputFields.company.name`): walk it
  // on the event to find the link that met null or undefined.
  const chain = /^[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(['"])[^'"]*\1\s*\])+/.exec(here);
  if (chain && !/(\?\.|\.)\s*$/.test(before)) {
    const found = walkChain(chain[0], isAssignment(here.slice(chain[0].length)));
    if (found) return found;
  }
  const after = here.slice(word[0].length);
  // `obj.key` with the position on `key`.
  if (/(\?\.|\.)\s*$/.test(before)) return wording(word[0], isAssignment(after), objectBefore(line, at));
  // `obj.key` with the position on `obj`.
  const next = /^\s*\.\s*([A-Za-z_$][\w$]*)/.exec(after);
  if (next) return wording(next[1], isAssignment(after.slice(next[0].length)), objectBefore(line, at + word[0].length));
  const indexed = /^\s*\[\s*(['"])([^'"]*)\1\s*\]/.exec(after);
  if (indexed) return wording(indexed[2], isAssignment(after.slice(indexed[0].length)), objectBefore(line, at + word[0].length));
  return null;
}

/**
 * The method call at or after `pos` (up to line `last`) that failed: the
 * first whose object the event shows to be null or missing, else the first
 * within three lines.
 */
function callAfter(source, pos, last) {
  const line = source[pos[0] - 1];
  if (line === undefined) return null;
  const ahead = [line.slice(pos[1] - 1), ...source.slice(pos[0], last)].join('\n');
  const calls = [...ahead.matchAll(CALL)].map((call) => {
    const callLine = ahead.slice(0, call.index).split('\n');
    const text = callLine[callLine.length - 1];
    return { key: call[1], object: objectBefore(text, text.length), lineOffset: callLine.length - 1 };
  });
  const chosen = calls.find((c) => knownNullish(c.object)) || calls.find((c) => c.lineOffset <= 3);
  return chosen ? wording(chosen.key, false, chosen.object) : null;
}

/** The wording for the first link of `chain` whose object is null or undefined on the event, or null. */
function walkChain(chain, assigned) {
  const links = [...chain.matchAll(/^([A-Za-z_$][\w$]*)|\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"]*)\3\s*\]/g)];
  const root = resolvePath(links[0][1]);
  if (!root || !/^event\b/.test(root)) return null;
  let value = fromEvent(root);
  if (value === undefined && root !== 'event') return null;
  for (let i = 1; i < links.length; i++) {
    const key = links[i][2] !== undefined ? links[i][2] : links[i][4];
    if (value === null || value === undefined) {
      const what = value === null ? 'null' : 'undefined';
      return assigned && i === links.length - 1 ? `Cannot set properties of ${what} (setting '${key}')` : `Cannot read properties of ${what} (reading '${key}')`;
    }
    value = value[key];
  }
  return null;
}

/** Whether the source says `text` is null or missing when the action runs (an event value). */
function knownNullish(text) {
  const path = resolvePath(text.trim());
  if (!path) return false;
  const value = fromEvent(path);
  return value === null || (value === undefined && /^event\b/.test(path) && parentExists(path));
}

function parentExists(path) {
  const parent = path.replace(/(\s*\??\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(['"])[^'"]*\2\s*\])$/, '');
  return parent !== path && fromEvent(parent) !== undefined && fromEvent(parent) !== null;
}

module.exports = { describe };
