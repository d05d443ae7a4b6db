// Workshops and sharing in real Chromium: an exercise step checked wrong
// then right (progress kept over a reload), an embed framed by another
// origin, Copy as Markdown, editor completions, keyboard reach, and the
// axe-core accessibility audit. Needs a release build in dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { deflateRawSync } from "node:zlib";
import { serve, launch, openPage, runTest, setCode } from "./support.mjs";

const ARTEFACTS = new URL("../../test-results/", import.meta.url);
const COURSE = JSON.parse(await readFile(new URL("../packs/beginner-course.json", import.meta.url), "utf8"));
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const figures = {};
let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(ARTEFACTS, { recursive: true });
});
after(async () => {
  await writeFile(new URL("workshop-figures.json", ARTEFACTS), JSON.stringify(figures, null, 2) + "\n");
  await browser?.close();
  await server?.close();
});

async function fresh(url = server.url, contextOptions) {
  const ctx = await browser.newContext(contextOptions);
  const { page } = await openPage(browser, server.url, ctx);
  await page.goto(url);
  await page.waitForSelector("#code-editor .cm-content");
  return { ctx, page };
}

/** The share fragment of a scenario, as web/src/share.rs writes it (deflate, base64url). */
const shareFragment = (scenario) => "s1." + deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString("base64url");

/** Serious and critical axe violations on the page as it is now. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document));
  const counts = { passedRules: results.passes.length };
  for (const v of results.violations) counts[v.impact] = (counts[v.impact] || 0) + v.nodes.length;
  (figures.axeCounts ||= []).push(counts);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

test("a learner completes a step: a wrong answer fails with its reason, the right one passes, progress survives a reload", async () => {
  const { ctx, page } = await fresh(`${server.url}#pack=${COURSE.id}`);
  await page.waitForSelector("#exercise");
  assert.equal(await page.textContent("#pack-title"), COURSE.title);
  // The Markdown renderer is a bundle of its own, loaded when instructions first show.
  await page.waitForSelector("#exercise-instructions strong");
  assert.match(await page.innerHTML("#exercise-instructions"), /<strong>Properties to include in code<\/strong>/);
  await page.click("#check");
  await page.waitForSelector("#check-results.failed");
  const failed = await page.textContent("#check-results");
  assert.match(failed, /0 of 2 checks passed/);
  assert.match(failed, /Output email_domain should be "example.com", but it was ""\./);
  await page.click("#hint");
  assert.match(await page.textContent("#hints"), /event\.inputFields\.email/);
  const step = COURSE.steps[0];
  await setCode(page, step.solution);
  await page.click("#check");
  await page.waitForSelector("#check-results.passed");
  assert.match(await page.textContent("#check-results"), /All 2 checks passed/);
  assert.equal(await page.textContent("#pack-progress"), `1 of ${COURSE.steps.length} done`);
  await page.reload();
  await page.waitForSelector("#exercise");
  assert.equal(await page.textContent("#pack-progress"), `1 of ${COURSE.steps.length} done`);
  assert.match(await page.textContent("#exercise-step option:checked"), /^✓ 1\. Reading inputs/);
  assert.match(await page.textContent("#code-editor .cm-content"), /toLowerCase\(\)/);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.cspViolations, []);
  await ctx.close();
});

test("an embed renders and runs inside a sandboxed iframe on another local origin", async (t) => {
  const sample = JSON.parse(await readFile(new URL("../samples/enrichment-api.json", import.meta.url), "utf8"));
  const src = `${server.url}embed.html#${shareFragment(sample)}`;
  const hostPage = `<!doctype html><html lang="en"><head><title>Course</title></head><body><h1>Lesson 1</h1>
<iframe id="pg" src="${src}" title="Playground" width="1100" height="700" sandbox="allow-scripts allow-same-origin"></iframe></body></html>`;
  const host = createServer((req, res) => res.writeHead(200, { "content-type": "text/html" }).end(hostPage));
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  // Closed whatever happens below: a server left listening keeps the test process alive.
  t.after(() => { host.closeAllConnections(); return new Promise((r) => host.close(r)); });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (/Content Security Policy|Refused/i.test(m.text())) errors.push(m.text()); });
  const started = Date.now();
  await page.goto(hostUrl);
  const frame = page.frameLocator("#pg");
  await frame.locator("#code-editor .cm-content").waitFor({ timeout: 30000 });
  await frame.locator("#test").click();
  await frame.locator("#results").waitFor({ timeout: 30000 });
  figures.embedColdLoadToFirstResultMs = Date.now() - started;
  assert.equal(await frame.locator("#status").getAttribute("data-status"), "success");
  assert.match(await frame.locator("#outputs-result").textContent(), /Software/);
  const open = await frame.locator("#open-in-playground").getAttribute("href");
  assert.ok(open.startsWith(`${server.url}#s1.`), open);
  assert.equal(await frame.locator("header.top").count(), 0, "the compact view has no library header");
  // Output-only: the test panel without the editor.
  await page.evaluate((url) => { document.querySelector("#pg").src = url; }, src.replace("embed.html#", "embed.html?embed=output#"));
  await frame.locator(".embed-columns.output-only #test").waitFor();
  assert.equal(await frame.locator("#code-editor").count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
  // The full playground still refuses framing by other sites; the embed page allows it.
  const headers = await readFile(new URL("../../dist/_headers", import.meta.url), "utf8");
  assert.match(headers, /\/embed\.html\n {2}Content-Security-Policy: frame-ancestors \*/);
  assert.match(headers, /\n\/\n {2}Content-Security-Policy: frame-ancestors 'self'/);
});

test("Copy as Markdown puts code, event, mocks and the result in one post, without secret values", async () => {
  const { ctx, page } = await fresh(server.url, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.selectOption("#samples", "enrichment-api");
  await runTest(page);
  await page.click("#copy-markdown");
  const text = await page.inputValue("#markdown-text");
  assert.match(text, /^### Enrich from an external API.*\n\nCalls an enrichment service/, text.slice(0, 200));
  assert.ok(text.includes("Runtime: `nodejs24`\n\n```js\nconst axios = require('axios');\n"));
  assert.ok(text.includes('**Event**\n\n```json\n{\n  "origin": {'));
  assert.ok(text.includes("**Secrets** (values not included): `ENRICH_API_KEY`"));
  assert.ok(text.includes("- GET `https://enrich.example.com/v1/companies?domain=example.com` → 200"));
  assert.ok(text.includes('**Result: Success**\n\nData outputs:\n\n```json\n{\n  "industry": "Software",\n  "employee_count": 240\n}\n```'));
  assert.ok(text.includes("Logs:\n\n```\nLOG\tEnriched example.com: { domain: 'example.com', industry: 'Software', employees: 240 }\n```"));
  assert.ok(text.includes(`[Open in Action Playground](${server.url}#s1.`));
  assert.ok(!text.includes("test-key-123"), "a secret value leaked");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await ctx.close();
});

test("completion offers input names, secret names, require names and the HubSpot client's paths and methods", async () => {
  const { ctx, page } = await fresh();
  const offered = async (typed) => {
    await page.focus("#code-editor .cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(typed, { delay: 15 });
    await page.waitForSelector(".cm-tooltip-autocomplete");
    const labels = await page.$$eval(".cm-tooltip-autocomplete li .cm-completionLabel", (ls) => ls.map((l) => l.textContent));
    await page.keyboard.press("Escape");
    return labels;
  };
  assert.ok((await offered("event.inputFields.")).includes("email"));
  await page.fill("#secrets .kv-add input.name", "API_TOKEN");
  await page.fill("#secrets .kv-add input.value", "tok-123");
  await page.click("#secrets .kv-add button");
  await page.waitForSelector('#secrets input[aria-label="value of API_TOKEN"]');
  assert.ok((await offered("process.env.")).includes("API_TOKEN"));
  assert.ok((await offered("require('ax")).includes("axios"));
  assert.ok((await offered("const hs = new hubspot.Client({});\nhs.crm.contacts.")).includes("basicApi"));
  assert.ok((await offered("hs.crm.contacts.basicApi.getB")).includes("getById"));
  await ctx.close();
});

test("hovering `event` in the code explains what HubSpot passes in", async () => {
  const { ctx, page } = await fresh();
  const box = await page.evaluate(() => {
    for (const line of document.querySelectorAll("#code-editor .cm-line")) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.search(/\bevent\b/);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x: x + width / 2, y: y + height / 2 };
      }
    }
    return null;
  });
  assert.ok(box, "the starting code mentions event");
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector(".cm-hubspot-help", { timeout: 5000 });
  assert.match(await page.textContent(".cm-hubspot-help"), /event\.inputFields \(the properties to include in code/);
  await ctx.close();
});

test("every control is reachable by keyboard with a visible focus, and Test runs from the keyboard", async () => {
  const { ctx, page } = await fresh();
  const reached = new Set();
  for (let i = 0; i < 200 && !reached.has("test"); i++) {
    // The code editor takes Tab to indent; Escape then Tab leaves it (CodeMirror's rule).
    if (await page.evaluate(() => document.activeElement.classList.contains("cm-content"))) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.id, visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 };
    });
    if (focus.id) reached.add(focus.id);
    assert.ok(focus.visible || !focus.id, `no visible focus on #${focus.id}`);
  }
  for (const id of ["samples", "courses", "import-button", "share", "copy-markdown", "theme-toggle", "runtime", "test"]) assert.ok(reached.has(id), `#${id} not reached by Tab`);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#results", { timeout: 30000 });
  await page.focus("#theme-toggle");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await ctx.close();
});

test("axe-core: no serious or critical violation on the main screen, after a run, in dark mode and on an exercise", async () => {
  const { ctx, page } = await fresh();
  figures.axe = {};
  figures.axe.main = await axeViolations(page);
  await page.selectOption("#samples", "enrichment-api");
  await runTest(page);
  figures.axe.mainWithResult = await axeViolations(page);
  await page.click("#theme-toggle");
  figures.axe.dark = await axeViolations(page);
  await page.click("#theme-toggle");
  if (await page.$("#cases")) figures.axe.cases = await axeViolations(page);
  await page.goto(`${server.url}#pack=${COURSE.id}`);
  await page.waitForSelector("#exercise");
  await page.click("#check");
  await page.waitForSelector("#check-results");
  await page.click("#hint");
  figures.axe.exercise = await axeViolations(page);
  figures.axeCounts = Object.fromEntries(Object.keys(figures.axe).map((screen, i) => [screen, figures.axeCounts[i]]));
  for (const [screen, violations] of Object.entries(figures.axe)) assert.deepEqual(violations, [], `${screen}: ${JSON.stringify(violations)}`);
  await ctx.close();
});
