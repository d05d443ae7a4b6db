#!/usr/bin/env node
// Records what real Node answers for each case of the *.cases.js tables next
// to this script, into NAME.expected.json; tests/node_tables.rs runs the same
// cases in the engine and compares. Run with the Node the engine mirrors
// (Node 20): `node crate/tests/node_tables/generate.js [NAME...]`.
'use strict';
const fs = require('fs');
const path = require('path');
const { evaluate } = require('./evaluate.js');

const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(__dirname).filter((f) => f.endsWith('.cases.js')).map((f) => f.slice(0, -'.cases.js'.length));
for (const name of names) {
  const cases = require(path.join(__dirname, `${name}.cases.js`));
  const table = cases.map((code) => ({ code, result: evaluate(code, require) }));
  const lines = table.map((c) => JSON.stringify(c)).join(',\n');
  fs.writeFileSync(path.join(__dirname, `${name}.expected.json`), `{"node": ${JSON.stringify(process.version)}, "cases": [\n${lines}\n]}\n`);
  console.log(`${name}: ${table.length} cases`);
}
