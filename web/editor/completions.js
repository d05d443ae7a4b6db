// Completions that know the action's world: `event.inputFields.*` from the
// properties to include, `process.env.*` from the secrets, the names
// `require` accepts, and the HubSpot client's API paths (areas, APIs,
// methods with their parameters) from the data generated from the real
// @hubspot/api-client. The scenario's names reach the editor through
// `setContext` (a state effect), so completions follow the tables live.
import { StateEffect, StateField } from "@codemirror/state";
import { javascriptLanguage } from "@codemirror/lang-javascript";

/* global __COMPLETION_DATA__ */
const DATA = __COMPLETION_DATA__;

export const setScenarioNames = StateEffect.define();

const scenarioNames = StateField.define({
  create: () => ({ inputs: [], secrets: [] }),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setScenarioNames)) value = effect.value;
    return value;
  },
});

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function propertyOptions(names, detail) {
  return names.map((name) =>
    IDENTIFIER.test(name) ? { label: name, type: "property", detail } : { label: name, apply: `['${name.replace(/'/g, "\\'")}']`, type: "property", detail },
  );
}

function scenarioCompletions(context) {
  const names = context.state.field(scenarioNames);
  const inputs = context.matchBefore(/\bevent\.inputFields\.[\w$]*$/);
  if (inputs) return { from: inputs.to - inputs.text.split(".").pop().length, options: propertyOptions(names.inputs, "property to include"), validFor: /^[\w$]*$/ };
  const env = context.matchBefore(/\bprocess\.env\.[\w$]*$/);
  if (env) return { from: env.to - env.text.split(".").pop().length, options: propertyOptions(names.secrets, "secret"), validFor: /^[\w$]*$/ };
  const required = context.matchBefore(/\brequire\(\s*['"][\w@/.-]*$/);
  if (required) {
    const typed = required.text.replace(/^require\(\s*['"]/, "");
    return { from: required.to - typed.length, options: DATA.modules.map((m) => ({ label: m, type: "namespace", detail: "module" })), validFor: /^[\w@/.-]*$/ };
  }
  return null;
}

/** The node of the client's tree that `path` (["crm", "contacts"]) names, or null. */
function hubspotNode(path) {
  let node = { c: DATA.hubspot };
  for (const part of path) {
    if (node.c && node.c[part]) node = node.c[part];
    else if (node.a && node.a[part]) node = { methods: node.a[part] };
    else return null;
  }
  return node;
}

/** Identifiers the code binds to a HubSpot client (`const hubspotClient = new hubspot.Client(…)`). */
function clientNames(doc) {
  return new Set([...doc.matchAll(/\b([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:[\w$]+\.)?Client\s*\(/g)].map((m) => m[1]));
}

function hubspotCompletions(context) {
  const chain = context.matchBefore(/\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.[\w$]*$/);
  if (!chain) return null;
  const parts = chain.text.split(".");
  const typed = parts.pop();
  const [root, ...path] = parts;
  const startsAtArea = path.length === 0 ? clientNames(context.state.doc.toString()).has(root) : DATA.hubspot[path[0]] !== undefined;
  if (!startsAtArea) return null;
  const node = hubspotNode(path);
  if (!node) return null;
  let options = [];
  if (node.methods) {
    options = Object.entries(node.methods).map(([name, args]) => ({ label: name, type: "method", detail: `(${args})`, apply: name }));
  } else {
    options = [
      ...Object.keys(node.c || {}).map((name) => ({ label: name, type: "namespace", detail: "HubSpot API area" })),
      ...Object.keys(node.a || {}).map((name) => ({ label: name, type: "class", detail: "HubSpot API" })),
      ...(node.h || []).map((name) => ({ label: name, type: "method", detail: "helper: every page" })),
    ];
    if (path.length === 0) options.push(...["apiRequest", "setAccessToken"].map((label) => ({ label, type: "method", detail: "Client" })));
  }
  return { from: chain.to - typed.length, options, validFor: /^[\w$]*$/ };
}

/** Extensions to add to the editor: the state field and the two sources (after the language's own). */
export function actionCompletions() {
  return [scenarioNames, javascriptLanguage.data.of({ autocomplete: scenarioCompletions }), javascriptLanguage.data.of({ autocomplete: hubspotCompletions })];
}
