// One table case, evaluated the same way in Node (generate.js) and in the
// engine (tests/node_tables.rs embeds this file): the body's return value as
// JSON, or the error's name, message and code.
function evaluate(code, require) {
  try {
    const value = new Function('require', code)(require);
    return { value: value === undefined ? '(undefined)' : value };
  } catch (e) {
    return { error: [e && e.name, e && e.message, e && e.code] };
  }
}
if (typeof module !== 'undefined') module.exports = { evaluate };
