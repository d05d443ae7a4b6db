// The playground in real headless Chromium: the flows users depend on.
// Needs a release build in dist/ (scripts/test runs `trunk build --release` first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { serve, launch, openPage, runTest, setCode, outputs, savedContains, setSetting } from "./support.mjs";

const ARTEFACTS = new URL("../../test-results/", import.meta.url);
let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(ARTEFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function fresh(url = server.url) {
  const { ctx, page } = await openPage(browser, server.url);
  await page.goto(url);
  await page.waitForSelector("#code-editor .cm-content");
  return { ctx, page };
}


const logLines = async (page) =>
  (await page.textContent("#logs")).split("\n").filter((l) => !l.startsWith("REPORT")).map((l) => l.split("\t").slice(3).join("\t") || l);

test("a sample runs: outputs, logs and requests as HubSpot's panel shows them", async () => {
  const { ctx, page } = await fresh();
  await page.selectOption("#samples", "enrichment-api");
  await runTest(page);
  assert.equal(await page.getAttribute("#status", "data-status"), "success");
  assert.deepEqual(await outputs(page), { industry: "Software", employee_count: "240" });
  const logs = await page.textContent("#logs");
  assert.match(logs, /^START RequestId: [0-9a-f-]+ Version: \$LATEST/);
  assert.match(logs, /INFO\tEnriched example.com: \{ domain: 'example.com', industry: 'Software', employees: 240 \}/);
  assert.match(logs, /REPORT RequestId: .*Duration: [\d.]+ ms.*Max Memory Used: \d+ MB/);
  assert.match(await page.textContent("#requests summary"), /GET https:\/\/enrich.example.com\/v1\/companies\?domain=example.com 200 120 ms/);
  await page.click("#requests summary");
  const exchange = await page.textContent("#requests .exchange");
  assert.match(exchange, /authorization: Bearer test-key-123/);
  assert.match(exchange, /"industry":"Software"/);
  await page.screenshot({ path: new URL("playground.png", ARTEFACTS).pathname, fullPage: true });
  assert.deepEqual(page.offsiteRequests, []);
  assert.deepEqual(page.consoleErrors, []);
  await ctx.close();
});

test("editing a property to include in code changes the output", async () => {
  const { ctx, page } = await fresh();
  await runTest(page);
  assert.deepEqual(await outputs(page), { email_domain: "example.com" });
  await page.fill('#inputs input[aria-label="value of email"]', "grace@Navy.MIL");
  await runTest(page);
  assert.deepEqual(await outputs(page), { email_domain: "navy.mil" });
  assert.match(await page.textContent("#logs"), /Processing grace@Navy.MIL \(object 4\)/);
  await ctx.close();
});

test("a secret reaches process.env, masked on screen and counted against 1,000 characters", async () => {
  const { ctx, page } = await fresh();
  await page.fill("#secrets .kv-add input.name", "API_TOKEN");
  await page.fill("#secrets .kv-add input.value", "tok-123");
  await page.click("#secrets .kv-add button");
  assert.equal(await page.getAttribute('#secrets input[aria-label="value of API_TOKEN"]', "type"), "password");
  assert.match(await page.textContent("#secrets-budget"), /^7 \/ 1000/);
  await setCode(page, "exports.main = async () => ({ outputFields: { seen: process.env.API_TOKEN, keys: Object.keys(process.env).join(',') } });");
  await runTest(page);
  assert.deepEqual(await outputs(page), { seen: "tok-123", keys: "API_TOKEN" });
  await page.fill('#secrets input[aria-label="value of API_TOKEN"]', "x".repeat(1001));
  assert.match(await page.textContent("#secrets-budget"), /1001 \/ 1000.*over HubSpot's limit/);
  await ctx.close();
});

test("an infinite loop is stopped with HubSpot's timeout message and the page stays usable", async () => {
  const { ctx, page } = await fresh();
  await setSetting(page, "timeout", 1000, '"timeoutMs":1000');
  await setCode(page, "exports.main = async () => { console.log('spinning'); while (true) {} };");
  await page.click("#test");
  // While it spins, the page still answers.
  await page.waitForSelector("#running");
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  await page.fill("#scenario-name", "Still typing");
  await page.waitForSelector("#results", { timeout: 30000 });
  assert.equal(await page.getAttribute("#status", "data-status"), "error");
  assert.equal(await page.textContent("#error"), "Error: Task timed out after 1.00 seconds");
  assert.match(await page.textContent("#logs"), /INFO\tspinning/);
  // A fresh worker takes the next run.
  await setCode(page, "exports.main = async () => ({ outputFields: { ok: 'yes' } });");
  await runTest(page);
  assert.deepEqual(await outputs(page), { ok: "yes" });
  await ctx.close();
});

test("an allocation bomb ends with the memory limit, not a dead tab", async () => {
  const { ctx, page } = await fresh();
  await setSetting(page, "memory", 32, '"memoryMb":32');
  await setCode(page, "exports.main = async () => { const a = []; while (true) a.push('x'.repeat(1e5) + a.length); };");
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 60000 });
  assert.match(await page.textContent("#error"), /32 MB/);
  await setCode(page, "exports.main = async () => ({ outputFields: { ok: 1 } });");
  await runTest(page);
  assert.deepEqual(await outputs(page), { ok: "1" });
  await ctx.close();
});

test("run output is text, never HTML", async () => {
  const { ctx, page } = await fresh();
  await setCode(page, "exports.main = async () => { console.log('<img src=x onerror=\"document.title=1\">'); return { outputFields: { html: '<b>bold</b>' } }; };");
  await runTest(page);
  assert.equal(await page.$("#results img"), null);
  assert.equal(await page.$("#results b"), null);
  assert.match(await page.textContent("#logs"), /<img src=x onerror="document.title=1">/);
  assert.deepEqual(await outputs(page), { html: "<b>bold</b>" });
  await ctx.close();
});

test("a share link opens the same scenario in a fresh browser, without secret values, and gives the same result", async () => {
  const { ctx, page } = await fresh();
  await page.selectOption("#samples", "external-lookup");
  await runTest(page);
  const first = { outputs: await outputs(page), logs: await logLines(page) };
  await page.click("#share");
  const url = await page.inputValue("#share-url");
  assert.ok(url.length < 2000, `link is ${url.length} characters`);
  assert.ok(!url.includes("bk_test_42"));
  await ctx.close();

  const other = await fresh(url);
  assert.match(await other.page.textContent("#notice"), /Opened a shared link.*fill in BILLING_API_KEY/);
  assert.equal(await other.page.inputValue("#scenario-name"), "Look up a customer in an external system (shared)");
  assert.equal(new URL(other.page.url()).hash, "");
  await runTest(other.page);
  assert.deepEqual({ outputs: await outputs(other.page), logs: await logLines(other.page) }, first);
  await other.ctx.close();
});

test("a broken link is refused with a message and changes nothing", async () => {
  const { ctx, page } = await fresh();
  await page.fill("#scenario-name", "My work");
  await page.press("#scenario-name", "Tab");
  const saved = await page.$$eval("#saved option", (o) => o.map((x) => x.textContent));
  for (const [hash, message] of [["#s1.@@@notbase64", /not valid base64/], ["#s1.AAAA", /damaged/], ["#s1." + "A".repeat(40), /damaged/], ["#s7.abc", /newer version/]]) {
    if (await page.$("#notice")) await page.click('#notice button[aria-label="dismiss"]');
    await page.goto(server.url + hash); // a link pasted into the open tab (hashchange)
    await page.waitForSelector("#notice");
    assert.match(await page.textContent("#notice"), message);
    assert.match(await page.textContent("#notice"), /Nothing was changed/);
    assert.deepEqual(await page.$$eval("#saved option", (o) => o.map((x) => x.textContent)), saved);
    assert.equal(await page.inputValue("#scenario-name"), "My work");
  }
  // Opened cold in a new tab, too.
  const other = await ctx.newPage();
  await other.goto(server.url + "#s1.bm90IGRlZmxhdGU");
  await other.waitForSelector("#notice");
  assert.match(await other.textContent("#notice"), /damaged.*Nothing was changed/);
  assert.equal(await other.inputValue("#scenario-name"), "My work");
  await ctx.close();
});

test("reload restores the work exactly", async () => {
  const { ctx, page } = await fresh();
  await page.fill("#scenario-name", "Reload me");
  await page.press("#scenario-name", "Tab");
  await setCode(page, "exports.main = async () => ({ outputFields: { n: 42 } }); // edited");
  await page.selectOption("#runtime", "nodejs20");
  await page.reload();
  await page.waitForSelector("#code-editor .cm-content");
  assert.equal(await page.inputValue("#scenario-name"), "Reload me");
  assert.equal(await page.inputValue("#runtime"), "nodejs20");
  assert.match(await page.textContent("#code-editor .cm-content"), /\/\/ edited/);
  await ctx.close();
});

test("export then import gives the same scenario; a bad file changes nothing", async () => {
  const { ctx, page } = await fresh();
  await page.selectOption("#samples", "cross-record-update");
  // The sample's records come from the built-in CRM mock; its write is listed.
  await runTest(page);
  assert.match(await page.textContent("#crm-changes"), /companies 7\s*lifecyclestage\s*lead → customer/);
  // The sample has a secret value: Export asks whether to include it.
  await page.click("#export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-with-secrets")]);
  const exported = await readFile(await download.path(), "utf8");
  const file = new URL("exported.json", ARTEFACTS).pathname;
  await writeFile(file, exported);
  const count = await page.$$eval("#saved option", (o) => o.length);
  await page.setInputFiles("#import", file);
  await page.waitForFunction((n) => document.querySelectorAll("#saved option").length === n + 1, count);
  await page.click("#export");
  const [again] = await Promise.all([page.waitForEvent("download"), page.click("#export-with-secrets")]);
  assert.deepEqual(JSON.parse(await readFile(await again.path(), "utf8")), JSON.parse(exported));

  const bad = new URL("bad.json", ARTEFACTS).pathname;
  await writeFile(bad, '{"version": 1, "code": "x", "event": {"inputFields": []}}');
  await page.setInputFiles("#import", bad);
  await page.waitForSelector("#notice.error");
  assert.match(await page.textContent("#notice"), /bad.json was not imported: event.inputFields: .*Nothing was changed/);
  assert.equal(await page.$$eval("#saved option", (o) => o.length), count + 1);
  await ctx.close();
});

test("once loaded, the playground works offline", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector("#code-editor .cm-content");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await ctx.setOffline(true);
  await page.reload();
  await page.waitForSelector("#code-editor .cm-content");
  await page.selectOption("#samples", "composite-scoring");
  await runTest(page);
  assert.deepEqual(await outputs(page), { lead_score: "91", lead_grade: "A" });
  await ctx.close();
});

test("deep recursion ends in Node's RangeError and the page stays usable", async () => {
  const { ctx, page } = await fresh();
  await setCode(page, "function down(n) { return down(n + 1) + 1; }\nexports.main = async () => ({ outputFields: { n: down(0) } });");
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 60000 });
  assert.equal(await page.getAttribute("#status", "data-status"), "error");
  assert.match(await page.textContent("#error"), /^RangeError: Maximum call stack size exceeded/);
  await setCode(page, "exports.main = async () => ({ outputFields: { ok: 2 } });");
  await runTest(page);
  assert.deepEqual(await outputs(page), { ok: "2" });
  await ctx.close();
});
