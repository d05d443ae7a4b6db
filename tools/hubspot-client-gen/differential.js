// Writes the differential fixtures that call every generated method once
// (crate/tests/fixtures/hubspot-gen-every-<area>.json): each method with a
// value per parameter and, for a body, a sample built from the body model's
// attribute map; every request answered by one catch-all mock rule. The
// expectations come from the real client through the oracle:
//
//   node tools/hubspot-client-gen/differential.js /work/shared/oracle/reference-result
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const DATA = path.resolve(__dirname, '../../crate/src/node/hubspot/data');
const FIXTURES = path.resolve(__dirname, '../../crate/tests/fixtures');
const oracle = process.argv[2];
if (!oracle) throw new Error('usage: differential.js PATH_TO_REFERENCE_RESULT');

const T = '2026-01-05T10:00:00.000Z';

// A value of a model-map type, nested models two levels deep.
function sample(type, models, depth) {
  const array = type.match(/^Array<(.*)>$/);
  if (array) return [sample(array[1], models, depth)];
  if (type === 'string') return 'v';
  if (type === 'number') return 2;
  if (type === 'boolean') return true;
  if (type === 'Date') return { date: T };
  const attributes = models[type];
  if (!attributes) return 'v';
  if (depth > 2) return {};
  const out = {};
  for (const [name, attrType] of attributes) out[name] = sample(attrType, models, depth + 1);
  return out;
}

// Source text for a sample value (dates as Date objects).
function source(value) {
  if (Array.isArray(value)) return `[${value.map(source).join(', ')}]`;
  if (value && typeof value === 'object') {
    if (value.date) return `new Date('${value.date}')`;
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${source(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function calls(node, prefix, out) {
  if (node.apis) {
    const data = require(path.join(DATA, `${node.module}.js`));
    for (const [prop, apiName] of Object.entries(node.apis)) {
      for (const [method, spec] of Object.entries(data.apis[apiName])) {
        if (spec.f && spec.f.c.includes('multipart/form-data')) continue; // random boundary
        const args = spec.a.map((name, i) => {
          if (spec.b && spec.b[0] === i) return source(sample(spec.b[1], data.models, 0));
          const query = (spec.q || []).find((q) => q[1] === i);
          if (query) return source(sample(query[2], data.models, 3));
          return JSON.stringify(`${name}-1`);
        });
        out.push(`  await call(() => client.${prefix}.${prop}.${method}(${args.join(', ')}), '${prefix}.${prop}.${method}');`);
      }
    }
  }
  for (const [name, child] of Object.entries(node.children || {})) calls(child, `${prefix}.${name}`, out);
}

const { areas } = require(path.join(DATA, 'tree.js'));
const groups = { crm: ['crm'], cms: ['cms'], other: areas.filter((a) => a !== 'crm' && a !== 'cms') };
for (const [group, members] of Object.entries(groups)) {
  const lines = [];
  for (const area of members) calls(require(path.join(DATA, `tree/${area}.js`)), area, lines);
  const code = `const hubspot = require('@hubspot/api-client');
const client = new hubspot.Client({ accessToken: 'pat-1', developerApiKey: 'dev-1' });
// A file answer's bytes are logged as text: the engine's Buffer inspection
// does not yet count the bytes past the first 50 as Node does.
async function call(fn, label) {
  try {
    const r = await fn();
    console.log(label, r && Buffer.isBuffer(r.data) ? { text: r.data.toString(), name: r.name } : r);
  } catch (e) { console.log(label, e.name, e.message.split('\\n')[0]); }
}
exports.main = async () => {
${lines.join('\n')}
  return { outputFields: {} };
};
`;
  const scenario = {
    version: 1,
    name: `HubSpot client (generated): every ${group === 'other' ? members.join('/') : group} method once, against the real client`,
    runtime: 'nodejs24',
    code,
    http: [{ url: 'https://api.hubapi.com/*', status: 200, body: { id: '1', name: 'n', createdAt: T, results: [], status: 'COMPLETE' } }],
    settings: { now: '2026-03-02T14:30:00Z' },
  };
  const file = path.join(FIXTURES, `hubspot-gen-every-${group}.json`);
  fs.writeFileSync(file, JSON.stringify(scenario, null, 2));
  const result = JSON.parse(execFileSync(oracle, [file], { maxBuffer: 1 << 28 }).toString());
  scenario.expect = {};
  for (const key of ['status', 'outputFields', 'error', 'logs', 'requests']) scenario.expect[key] = result[key];
  fs.writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
  console.log(`${file}: ${lines.length} methods, status ${result.status}`);
}
