// console.table's box drawing, as Node's internal/cli_table renders it.
'use strict';

const width = (s) => [...s].length;

function renderRow(row, widths) {
  let out = '│';
  row.forEach((cell, i) => {
    out += ` ${cell}${' '.repeat(widths[i] - width(cell))} │`;
  });
  return out;
}

function table(head, columns) {
  const rows = [];
  const widths = head.map((h) => width(h) + 2);
  const longest = Math.max(0, ...columns.map((c) => c.length));
  for (let r = 0; r < longest; r++) {
    rows.push(columns.map((c, i) => {
      const cell = Object.prototype.hasOwnProperty.call(c, r) ? c[r] : '';
      widths[i] = Math.max(widths[i], width(cell) + 2);
      return cell;
    }));
  }
  const inner = widths.map((w) => w - 2);
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  let out = `${line('┌', '┬', '┐')}\n${renderRow(head, inner)}\n${line('├', '┼', '┤')}\n`;
  for (const row of rows) out += `${renderRow(row, inner)}\n`;
  return out + line('└', '┴', '┘');
}

function render(data, properties, inspect) {
  const fmt = (v) => inspect(v, { depth: 1, maxArrayLength: 3, breakLength: Infinity, compact: 3 });
  const isPrimitive = (v) => v === null || (typeof v !== 'function' && typeof v !== 'object');
  const keys = [];
  const valuesColumn = [];
  const columns = new Map();
  let hasPrimitives = false;
  const entries = data instanceof Map ? [...data.entries()] : Object.entries(data);
  const indexHeader = data instanceof Map ? '(iteration index)' : '(index)';
  const mapKeys = [];
  entries.forEach(([key, value], i) => {
    keys.push(data instanceof Map ? String(i) : key);
    if (data instanceof Map) mapKeys.push(fmt(key));
    if (isPrimitive(value)) {
      hasPrimitives = true;
      valuesColumn[i] = fmt(value);
    } else {
      const props = properties || Object.keys(value);
      for (const p of props) {
        if (!columns.has(p)) columns.set(p, []);
        if (properties && !(p in value)) continue;
        if (Object.prototype.hasOwnProperty.call(value, p) || properties) columns.get(p)[i] = fmt(value[p]);
      }
    }
  });
  const head = [indexHeader];
  const cols = [keys];
  if (data instanceof Map) { head.push('Key'); cols.push(mapKeys); }
  for (const [name, col] of columns) { head.push(name); cols.push(col); }
  if (hasPrimitives) { head.push('Values'); cols.push(valuesColumn); }
  return table(head, cols);
}

module.exports = { render };
