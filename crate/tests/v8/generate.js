#!/usr/bin/env node
// Regenerates the V8 message table from real Node 20:
//   templates.txt  V8's message templates, read from the node binary itself
//                  (the MESSAGE_TEMPLATES strings of the V8 it embeds);
//   messages.json  every snippet of message_cases.js with what Node reports
//                  for it (`e.name + ': ' + e.message`).
// Run: node crate/tests/v8/generate.js   (needs `strings` from binutils)
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { execFileSync } = require('child_process');

const here = __dirname;

function templates() {
  const text = execFileSync('strings', ['-n', '3', fs.realpathSync(process.execPath)], { maxBuffer: 1 << 30 }).toString();
  const lines = text.split('\n');
  // V8 lays its template strings out together, from the first (Error) entry
  // to the last one Node 20's V8 defines.
  const first = lines.indexOf('Cyclic __proto__ value');
  const last = lines.indexOf('Cannot DeepFreeze non-const value %');
  if (first < 0 || last < first) throw new Error('template strings not found in the node binary');
  return { listed: [...new Set(lines.slice(first, last + 1))], all: new Set(lines) };
}

function patternOf(template) {
  const parts = template.split('%').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

async function nodeSays(code) {
  const source = `(function (exports, require, module, __filename, __dirname) { exports.main = async (event) => {\n${code}\n};\n})`;
  const context = vm.createContext({ console, structuredClone });
  const module = { exports: {} };
  vm.runInContext(source, context, { filename: '/var/task/index.js' })(module.exports, require, module, '/var/task/index.js', '/var/task');
  try {
    await module.exports.main({ inputFields: { a: null } });
    return null;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

async function main() {
  const { listed, all } = templates();
  const cases = require('./message_cases.js');
  // The linker stores some short templates apart (merged into longer
  // strings' tails): those the cases name count when the binary has them.
  const list = [...listed, ...new Set(cases.map((c) => c.template).filter((t) => !listed.includes(t) && all.has(t)))];
  fs.writeFileSync(path.join(here, 'templates.txt'), `${list.join('\n')}\n`);
  const out = [];
  let bad = 0;
  for (const c of cases) {
    if (!list.includes(c.template)) { console.error(`not a template: ${c.template}`); bad++; }
    const message = await nodeSays(c.code);
    const text = message && message.slice(message.indexOf(': ') + 2);
    if (!message || !patternOf(c.template).test(text)) { console.error(`${c.code}\n  -> ${message} (not "${c.template}")`); bad++; continue; }
    out.push({ template: c.template, code: c.code, node: message });
  }
  const covered = new Set(out.map((c) => c.template)).size;
  fs.writeFileSync(path.join(here, 'messages.json'), `${JSON.stringify({ node: process.version, templates: list.length, covered, cases: out }, null, 1)}\n`);
  console.log(`${out.length} cases, ${covered} of ${list.length} templates; ${bad} problems`);
}

main();
