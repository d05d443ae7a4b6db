// console.table as Node 20 builds it (lib/internal/console/constructor.js
// and internal/cli_table): its columns for arrays/objects, Maps and Sets,
// its cell inspection, and the box drawing with Node's string widths.
'use strict';

// Node's getStringWidth without ICU: full-width code points take two
// columns, zero-width ones none.
function isFullWidth(code) {
  return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
}
function isZeroWidth(code) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef);
}
function width(text) {
  let n = 0;
  for (const ch of String(text).normalize('NFC').replace(/\u001b\[[0-9;]*m/g, '')) {
    const code = ch.codePointAt(0);
    n += isFullWidth(code) ? 2 : isZeroWidth(code) ? 0 : 1;
  }
  return n;
}

function renderRow(row, widths) {
  return `│ ${row.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join(' │ ')} │`;
}

function draw(head, columns) {
  const widths = head.map(width);
  const longest = Math.max(...columns.map((c) => c.length));
  const rows = [];
  head.forEach((_, i) => {
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = (rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '');
      widths[i] = Math.max(widths[i] || 0, width(value));
    }
  });
  const divider = widths.map((w) => '─'.repeat(w + 2));
  let out = `┌${divider.join('┬')}┐\n${renderRow(head, widths)}\n├${divider.join('┼')}┤\n`;
  for (const row of rows) out += `${renderRow(row, widths)}\n`;
  return `${out}└${divider.join('┴')}┘`;
}

// The table text for `data` (an object), or undefined when Node would log
// the value itself.
function render(data, properties, inspect) {
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  };
  const indexes = (length) => Array.from({ length }, (_, i) => cell(i));
  if (data instanceof Map) {
    const keys = [];
    const values = [];
    for (const [k, v] of data) { keys.push(cell(k)); values.push(cell(v)); }
    return draw(['(iteration index)', 'Key', 'Values'], [indexes(keys.length), keys, values]);
  }
  if (data instanceof Set) {
    const values = [...data].map(cell);
    return draw(['(iteration index)', 'Values'], [indexes(values.length), values]);
  }
  const columns = Object.create(null);
  let hasPrimitives = false;
  const primitives = [];
  const indexKeys = Object.keys(data);
  indexKeys.forEach((index, i) => {
    const item = data[index];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitives[i] = cell(item);
      return;
    }
    for (const key of properties || Object.keys(item)) {
      columns[key] ??= [];
      columns[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
    }
  });
  const head = ['(index)', ...Object.keys(columns)];
  const values = [indexKeys, ...Object.values(columns)];
  if (hasPrimitives) { head.push('Values'); values.push(primitives); }
  return draw(head, values);
}

module.exports = { render };
