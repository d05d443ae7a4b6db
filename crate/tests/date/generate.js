#!/usr/bin/env node
// Regenerates dates.json from real Node 20: for each zone, every case (a JS
// expression) with what Node evaluates it to (`String(value)`). The cases:
// Date.parse of parse_inputs.js, toString/toTimeString/toDateString of a
// set of instants, toLocale*String with the locales and options the
// engine's Intl knows, and parses of what those print.
// Run: node crate/tests/date/generate.js
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];

const INSTANTS = [
  '2026-03-07T10:00:00Z', '2026-07-15T18:30:45.123Z', '2026-03-08T07:30:00Z', '2026-11-01T05:30:00Z', '2026-03-29T01:30:00Z',
  '2026-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '1999-12-31T12:00:00Z', '1900-06-01T00:00:00Z', '0005-01-01T00:00:00Z', '-000050-06-01T00:00:00Z',
];
const LOCALE_CALLS = [
  ['toLocaleString', []], ['toLocaleDateString', []], ['toLocaleTimeString', []],
  ['toLocaleString', ['en-US']], ['toLocaleString', ['en-GB']], ['toLocaleString', ['de-DE']], ['toLocaleString', ['fr-FR']], ['toLocaleString', ['ja-JP']],
  ['toLocaleString', ['es-MX']], ['toLocaleString', ['pt-BR']], ['toLocaleDateString', ['en-GB']], ['toLocaleDateString', ['de-DE']],
  ['toLocaleDateString', ['en-US', { year: 'numeric', month: 'long', day: 'numeric' }]],
  ['toLocaleDateString', ['en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }]],
  ['toLocaleDateString', ['en-US', { month: 'short', day: 'numeric' }]],
  ['toLocaleDateString', ['en-US', { timeZone: 'America/Chicago' }]],
  ['toLocaleString', ['en-US', { timeZone: 'America/Los_Angeles' }]],
  ['toLocaleString', ['en-US', { timeZone: 'UTC', timeZoneName: 'short' }]],
  ['toLocaleString', ['en-US', { dateStyle: 'medium', timeStyle: 'short' }]],
  ['toLocaleString', ['en-US', { dateStyle: 'full', timeStyle: 'long', timeZone: 'America/New_York' }]],
  ['toLocaleTimeString', ['en-US', { hour: '2-digit', minute: '2-digit' }]],
  ['toLocaleTimeString', ['en-US', { hour12: false }]],
  ['toLocaleTimeString', ['de-DE', { hour: '2-digit', minute: '2-digit' }]],
  ['toLocaleString', ['en-US', { month: 'long' }]],
];

function cases() {
  const list = [];
  const q = JSON.stringify;
  for (const s of require('./parse_inputs.js')) list.push(`Date.parse(${q(s)})`);
  for (const s of ['5/15/2024', 'March 7, 2026 10:00', '2026/03/07', '2026-03-07', 'nope', 'Sat, 07 Mar 2026 10:00:00 GMT']) {
    list.push(`new Date(${q(s)}).getTime()`);
  }
  for (const at of INSTANTS) {
    const d = `new Date(${q(at)})`;
    list.push(`${d}.toString()`, `${d}.toTimeString()`, `${d}.toDateString()`, `String(${d})`, `Date.parse(${d}.toString())`, `Date.parse(${d}.toUTCString())`);
  }
  for (const at of INSTANTS.slice(0, 6)) {
    const d = `new Date(${q(at)})`;
    for (const [name, args] of LOCALE_CALLS) {
      const call = `${d}.${name}(${args.map((a) => q(a)).join(', ')})`;
      list.push(call);
      if (name !== 'toLocaleTimeString') list.push(`Date.parse(${call})`);
    }
  }
  // Time zone names in every locale the engine formats, every style.
  const locales = [...fs.readFileSync(path.join(__dirname, '../../src/node/intl/locales.js'), 'utf8').matchAll(/^(?:  '|LOCALES\[')([a-z]{2}-[A-Z]{2})'(?:: |\] = )/gm)].map((m) => m[1]);
  for (const locale of locales) {
    for (const timeZone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin', 'Australia/Sydney', 'UTC']) {
      for (const timeZoneName of ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']) {
        for (const at of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z']) {
          list.push(`new Intl.DateTimeFormat(${q(locale)}, ${q({ timeZone, timeZoneName })}).format(new Date(${q(at)}))`);
        }
      }
    }
  }
  list.push(
    'new Date(NaN).toString()', 'new Date(NaN).toTimeString()', 'new Date("2026-03-07") instanceof Date', 'typeof Date()',
    '(() => { class Stamp extends Date { label() { return "t" + this.getTime(); } } return new Stamp("3/7/2026").label(); })()',
    '(() => { class Stamp extends Date {} return new Stamp(2026, 2, 7) instanceof Date; })()', 'Date.length', 'Date.name', 'String(Date)',
    'String(Date.parse)', 'Object.prototype.toString.call(new Date(0))', 'new Date(new Date("3/7/2026")).getTime()',
    'new Date({ valueOf() { return "3/7/2026"; } }).getTime()', 'new Date({ toString() { return "March 7, 2026"; }, valueOf: undefined }).getTime()',
    'new Date(2026, 2, 7, 10).getTime()', 'new Date(Date.UTC(2026, 2, 7)).toISOString()', 'Date.prototype.constructor === Date',
    'new Date("2026-03-07T10:00:00Z").toJSON()', 'JSON.stringify({ d: new Date("5/15/2024") })', '`${new Date(0)}`', 'new Date(0) + ""',
  );
  return list;
}

function evaluate(zone, list) {
  const script = `const out = []; for (const c of JSON.parse(require('fs').readFileSync(0, 'utf8'))) { try { out.push(String((0, eval)(c))); } catch (e) { out.push(e.name + ': ' + e.message); } } process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { input: JSON.stringify(list), env: { ...process.env, TZ: zone }, maxBuffer: 1 << 26 }).toString());
}

const list = cases();
const zones = {};
for (const zone of ZONES) {
  const values = evaluate(zone, list);
  zones[zone] = list.map((expr, i) => [expr, values[i]]);
}
fs.writeFileSync(path.join(__dirname, 'dates.json'), `${JSON.stringify({ node: process.version, zones }, null, 1)}\n`);
console.log(`${list.length} cases in ${ZONES.length} zones`);
