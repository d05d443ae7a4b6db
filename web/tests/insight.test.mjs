// Issue 11 in real Chromium: the run as HubSpot lives it — the timeline
// chart, HubSpot's retries of the whole action, "Add rule from this
// request", a warm container. Scenarios arrive as share links (#s1.).
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { useBrowser, openPage, runTest, setSetting, savedContains, outputs } from "./support.mjs";

const env = useBrowser();

const link = (scenario) => `#s1.${deflateRawSync(Buffer.from(JSON.stringify(scenario)), { level: 9 }).toString("base64url")}`;

async function open(scenario) {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  await page.goto(env.server.url + link({ version: 1, runtime: "nodejs24", ...scenario }));
  await page.waitForSelector("#code-editor .cm-content");
  await savedContains(page, scenario.name);
  return { ctx, page };
}

test("the timeline draws three requests and a timer in the order they happened", async () => {
  const { ctx, page } = await open({
    name: "Timeline order",
    settings: { now: "2026-03-02T14:30:00Z" },
    code: "exports.main = async () => {\n  await fetch('https://a.example.com/1');\n  await new Promise((r) => setTimeout(r, 400));\n  await fetch('https://a.example.com/2');\n  console.log('between');\n  await fetch('https://a.example.com/3');\n  return { outputFields: {} };\n};",
    http: [{ url: "https://a.example.com/*", delayMs: 100 }],
  });
  await runTest(page);
  await page.waitForSelector("#timeline svg.tl-chart");
  const marks = await page.$$eval("#timeline .tl-request, #timeline .tl-timer, #timeline .tl-log, #timeline .tl-end", (gs) =>
    gs.map((g) => ({ kind: g.getAttribute("class").split(" ")[0], at: Number(g.dataset.at), x: Number(g.querySelector("rect, line").getAttribute("x") ?? g.querySelector("line").getAttribute("x1")), title: g.querySelector("title").textContent })));
  const requests = marks.filter((m) => m.kind === "tl-request");
  assert.equal(requests.length, 3);
  assert.deepEqual(requests.map((r) => r.at), [0, 500, 600]);
  const timer = marks.find((m) => m.kind === "tl-timer");
  assert.equal(timer.at, 100);
  // Drawn in order, left to right: request 1, the timer, requests 2 and 3, the end.
  const xs = [requests[0].x, timer.x, requests[1].x, requests[2].x];
  assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  assert.ok(xs[1] > xs[0] && xs[2] > xs[1]);
  assert.match(requests[0].title, /GET https:\/\/a\.example\.com\/1 — at \+0 ms, 200 after 100 ms/);
  assert.match(marks.find((m) => m.kind === "tl-log").title, /log: between/);
  // The end counts computing time too (the first run loads fetch), so only its form is fixed.
  assert.match(await page.textContent("#timeline figcaption"), /^success · [\d.]+ m?s of the 20\.00 s limit$/);
  assert.deepEqual(page.consoleErrors, []);
  await ctx.close();
});

test("HubSpot's retries: a 429 then 200 with a thrown error makes two attempts and flags the repeated create", async () => {
  const { ctx, page } = await open({
    name: "Retried create",
    settings: { now: "2026-03-02T14:30:00Z", retries: true },
    secrets: { TOKEN: "pat-test" },
    code: "const axios = require('axios');\nexports.main = async () => {\n  await axios.post('https://api.hubapi.com/crm/v3/objects/contacts', { properties: { email: 'a@b.c' } }, { headers: { authorization: 'Bearer ' + process.env.TOKEN } });\n  const r = await axios.get('https://enrich.example.com/v1/4');\n  return { outputFields: { industry: r.data.industry } };\n};",
    http: [{ method: "GET", url: "https://enrich.example.com/*", responses: [{ status: 429, delayMs: 120 }, { status: 200, body: { industry: "software" } }] }],
  });
  await runTest(page);
  assert.equal(await page.getAttribute("#status", "data-status"), "success");
  assert.deepEqual(await outputs(page), { industry: "software" });
  const attempts = await page.$$eval("#attempts details.execution", (ds) => ds.map((d) => ({ status: d.dataset.status, summary: d.querySelector("summary").textContent })));
  assert.equal(attempts.length, 2);
  assert.deepEqual(attempts.map((a) => a.status), ["error", "success"]);
  assert.match(attempts[0].summary, /#1 at \+0\.00 s — AxiosError: Request failed with status code 429 · retried after the 429/);
  assert.match(attempts[1].summary, /#2 at \+1 min 0\.1 s — success/);
  assert.match(await page.textContent("#attempts .repeated-alert"), /1 write\(s\) happened again on a later attempt/);
  await page.click("#attempts details.execution:nth-of-type(2) summary");
  assert.match(await page.textContent("#attempts-1-requests .request.repeated"), /POST https:\/\/api\.hubapi\.com\/crm\/v3\/objects\/contacts 201.*repeated write/);
  assert.equal(await page.$$eval("#timeline figure.tl-lane", (fs) => fs.length), 2, "one lane per attempt on the timeline");
  await ctx.close();
});

test("a request no rule answered offers Add rule from this request, prefilled", async () => {
  const { ctx, page } = await open({
    name: "Missing mock",
    settings: { now: "2026-03-02T14:30:00Z" },
    code: "exports.main = async () => {\n  const r = await fetch('https://vendor.example.com/v2/lookup?id=7', { method: 'POST', body: '{}' });\n  return { outputFields: { status: r.status } };\n};",
  });
  await runTest(page);
  assert.match(await page.textContent("#requests .request.unmatched"), /POST https:\/\/vendor\.example\.com\/v2\/lookup\?id=7 failed.*no mock rule matched/);
  await page.click("#requests .request.unmatched button.add-rule");
  await savedContains(page, '"url":"https://vendor.example.com/v2/lookup?id=7"');
  const rule = page.locator(".mock-rule").last();
  assert.equal(await rule.locator(".mock-url").inputValue(), "https://vendor.example.com/v2/lookup?id=7");
  assert.equal(await rule.locator(".mock-method").inputValue(), "POST");
  assert.equal(await rule.locator(".mock-status").inputValue(), "200");
  assert.equal(await rule.locator(".mock-body").inputValue(), "");
  await runTest(page);
  assert.equal(await page.getAttribute("#status", "data-status"), "success");
  assert.deepEqual(await outputs(page), { status: "200" });
  assert.equal(await page.$$eval("#requests .request.unmatched", (r) => r.length), 0);
  await ctx.close();
});

test("a warm container keeps module state across executions, set from Settings", async () => {
  const { ctx, page } = await open({
    name: "Warm counter",
    settings: { now: "2026-03-02T14:30:00Z" },
    code: "let executions = 0;\nexports.main = async () => {\n  executions += 1;\n  console.log('execution', executions);\n  return { outputFields: { executions } };\n};",
  });
  await runTest(page);
  assert.deepEqual(await outputs(page), { executions: "1" });
  assert.equal(await page.$$eval("#executions", (e) => e.length), 0, "cold by default");
  await setSetting(page, "warm", 3, '"warmRuns":3');
  await runTest(page);
  assert.deepEqual(await outputs(page), { executions: "3" });
  const listed = await page.$$eval("#executions details.execution", (ds) => ds.map((d) => d.querySelector(".execution-outputs").textContent));
  assert.deepEqual(listed, ["Outputs: executions: 1", "Outputs: executions: 2", "Outputs: executions: 3"]);
  assert.equal(await page.$$eval("#timeline figure.tl-lane", (fs) => fs.length), 3);
  await ctx.close();
});
