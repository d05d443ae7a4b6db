// The HubSpot lints and the Node 24 upgrade in real headless Chromium:
// lint markers computed by the engine's worker, and the upgrade's side-by-side runs.
// Needs a release build in dist/ (`trunk build --release`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, setCode } from "./support.mjs";

const env = useBrowser();

async function fresh(runtime) {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  await page.goto(env.server.url);
  await page.waitForSelector("#code-editor .cm-content");
  await page.selectOption("#runtime", runtime);
  return { ctx, page };
}

/** The lint messages CodeMirror shows in its lint panel. */
async function lintMessages(page) {
  if (!(await page.isVisible(".cm-panel-lint"))) {
    await page.focus("#code-editor .cm-content");
    await page.keyboard.press("Control+Shift+KeyM");
  }
  await page.waitForSelector(".cm-panel-lint");
  return page.$$eval(".cm-panel-lint li", (items) => items.map((i) => i.textContent));
}

test("the worker's HubSpot lints are marked in the editor and go when the code is fixed", async () => {
  const { ctx, page } = await fresh("nodejs24");
  await setCode(page, "exports.main = async (event, callback) => {\n  callback({ outputFields: { n: Math.random() } });\n};");
  await page.waitForSelector(".cm-lintRange-error", { timeout: 15000 });
  const messages = await lintMessages(page);
  assert.ok(messages.some((m) => m.includes("[callback-on-node24]")), messages.join("\n"));
  assert.ok(messages.some((m) => m.includes("[math-random]")), messages.join("\n"));
  assert.ok(await page.isVisible(".cm-gutter-lint .cm-lint-marker-error"));
  await setCode(page, "exports.main = async (event) => {\n  return { outputFields: { n: 1 } };\n};");
  await page.waitForFunction(() => !document.querySelector(".cm-lintRange-error, .cm-lintRange-warning"), null, { timeout: 15000 });
  assert.deepEqual(page.consoleErrors, []);
  await ctx.close();
});

test("Upgrade to Node 24 converts, runs both versions side by side and applies the upgrade", async () => {
  const { ctx, page } = await fresh("nodejs20");
  const code = "exports.main = async (event, callback) => {\n  // greet the contact\n  const name = event.inputFields.firstname || 'there';\n  console.log('hello', name);\n  if (!name) {\n    callback({ outputFields: { greeting: '' } });\n    return;\n  }\n  callback({ outputFields: { greeting: `Hi ${name}` } });\n};";
  await setCode(page, code);
  await page.click("#upgrade");
  await page.waitForSelector("#upgrade-apply", { timeout: 30000 });
  const upgraded = await page.textContent("#upgrade-after .upgrade-code");
  assert.ok(upgraded.includes("exports.main = async (event) => {\n  // greet the contact"), upgraded);
  assert.ok(upgraded.includes("return { outputFields: { greeting: `Hi ${name}` } };"), upgraded);
  assert.ok(!upgraded.includes("callback"), upgraded);
  assert.equal(await page.textContent("#upgrade-before .upgrade-code"), code);
  assert.match(await page.textContent("#upgrade-status"), /2 callback call\(s\) converted; same result on both runtimes/);
  for (const side of ["#upgrade-before", "#upgrade-after"]) {
    assert.equal(await page.textContent(`${side} .status`), "success");
    assert.equal(await page.textContent(`${side} .outputs`), '{"greeting":"Hi there"}');
    assert.equal(await page.textContent(`${side} .logs`), "log hello there");
  }
  assert.equal(await page.isVisible("#upgrade-differences"), false);
  await page.click("#upgrade-apply");
  await page.waitForFunction(() => document.querySelector("#runtime").value === "nodejs24");
  assert.ok((await page.textContent("#code-editor .cm-content")).includes("return { outputFields: { greeting: `Hi ${name}` } };"));
  assert.equal(await page.isVisible("#upgrade"), false, "the button is offered on Node.js 20 only");
  await ctx.close();
});

test("the upgrade shows where the two runtimes differ", async () => {
  const { ctx, page } = await fresh("nodejs20");
  await setCode(page, "exports.main = (event, callback) => {\n  const groups = Object.groupBy([1, 2, 3], (n) => (n % 2 ? 'odd' : 'even'));\n  callback({ outputFields: { odd: groups.odd.length } });\n};");
  await page.click("#upgrade");
  await page.waitForSelector("#upgrade-apply", { timeout: 30000 });
  assert.equal(await page.textContent("#upgrade-before .status"), "error");
  assert.equal(await page.textContent("#upgrade-after .status"), "success");
  const differences = await page.$$eval("#upgrade-differences li", (items) => items.map((i) => i.textContent));
  assert.ok(differences.some((d) => d.startsWith("status: expected \"error\", got \"success\"")), differences.join("\n"));
  await ctx.close();
});
