// Build-time data for the editor's completions, taken from the engine's own
// sources so it cannot drift from what a run allows: the `require` names the
// engine lets an action load (crate/src/node/mod.rs, `public: true`) and the
// HubSpot client's API tree (crate/src/node/hubspot/data, generated from the
// real @hubspot/api-client). Written as JSON the editor fetches on first use.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

/** Module ids the action may `require` (the MODULES table's public entries). */
export async function publicModules(crateSrc) {
  const table = await readFile(join(crateSrc, "node", "mod.rs"), "utf8");
  return [...table.matchAll(/(?:ours|npm)!\("([^"]+)",\s*"[^"]+",\s*true\)/g)].map((m) => m[1]).sort();
}

/**
 * The client's tree: { areas: { crm: node } } where a node is
 * { c: { child: node }, a: { basicApi: { getById: "contactId, properties…" } }, h: ["getAll"] }.
 */
export async function hubspotTree(crateSrc) {
  const data = resolve(crateSrc, "node", "hubspot", "data");
  const load = createRequire(join(data, "index.js"));
  const root = load("./tree.js");
  const apisOf = (module) => {
    const methods = load(`./${module}.js`).apis;
    return (apis) =>
      Object.fromEntries(Object.entries(apis).map(([property, className]) => [property, Object.fromEntries(Object.entries(methods[className] || {}).map(([name, m]) => [name, (m.a || []).join(", ")]))]));
  };
  const walk = (node) => {
    const out = {};
    if (node.children) out.c = Object.fromEntries(Object.entries(node.children).map(([k, v]) => [k, walk(v)]));
    if (node.apis && node.module) out.a = apisOf(node.module)(node.apis);
    if (node.helpers) out.h = node.helpers;
    return out;
  };
  const areas = {};
  for (const area of root.areas) areas[area] = walk(load(`./tree/${area}.js`));
  return areas;
}

export async function completionData(crateSrc) {
  return { modules: await publicModules(crateSrc), hubspot: await hubspotTree(crateSrc) };
}
