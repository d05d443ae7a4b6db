// The Cases view in real headless Chromium: Run all, the expected-vs-actual
// diff, Save result as expectation, editing cases, and a share link that
// carries them. Needs a release build in dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, savedContains } from "./support.mjs";
import { doublerScenario, importScenario, runAll } from "./cases-support.mjs";

const env = useBrowser();

async function openWith(scenario) {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  await page.goto(env.server.url);
  await page.waitForSelector("#code-editor .cm-content");
  await importScenario(page, scenario);
  return { ctx, page };
}

const table = (page) =>
  page.$$eval("#case-results tbody tr", (rows) => rows.map((r) => [r.dataset.case, r.querySelector(".case-status").textContent, r.querySelector(".verdict").textContent]));

test("Run all fills the table; a failed case shows expected next to actual; saving the result as expectation makes it pass", async () => {
  const { ctx, page } = await openWith(doublerScenario());
  await runAll(page);
  assert.deepEqual(await table(page), [
    ["two", "Success", "pass"], ["wrong", "Success", "FAIL"], ["not a number", "Error", "pass"], ["draft", "Success", "no expectation"],
  ]);
  assert.match(await page.textContent("#cases-summary"), /^2 of 4 passed in \d+ ms$/);
  assert.match(await page.textContent('#case-results tr[data-case="not a number"] .case-outputs'), /^Error: n is not a number$/);
  // The first failure is shown: outputs differ, logs are not checked, the ignored timestamp is left out.
  assert.equal(await page.getAttribute("#case-diff", "data-case"), "wrong");
  assert.match(await page.textContent("#case-diff .problems"), /outputFields: expected \{"doubled":5\}, got \{"doubled":6\}/);
  assert.equal(await page.getAttribute('#case-diff .diff-part[data-part="Outputs"]', "class"), "diff-part differs");
  assert.match(await page.textContent('#case-diff [data-part="Outputs"] .expected'), /"doubled": 5/);
  assert.match(await page.textContent('#case-diff [data-part="Outputs"] .actual'), /"doubled": 6/);
  assert.doesNotMatch(await page.textContent('#case-diff [data-part="Outputs"] .actual'), /"at"/);
  assert.equal(await page.textContent('#case-diff [data-part="Logs"] .expected'), "(not checked)");
  assert.match(await page.textContent('#case-diff [data-part="Logs"] .actual'), /doubling 3/);
  assert.equal(await page.getAttribute('#case-diff [data-part="Logs"]', "class"), "diff-part");

  await page.click("#save-expectation");
  await page.waitForFunction(() => document.querySelector('#case-results tr[data-case="wrong"] .verdict').textContent === "pass");
  await savedContains(page, '"doubled":6');
  // A case without expectation: its result becomes one, paths to ignore first.
  await page.click('#case-results tr[data-case="draft"]');
  assert.equal(await page.getAttribute("#case-diff", "data-case"), "draft");
  await page.fill("#diff-ignore", "logs[0].message");
  await page.press("#diff-ignore", "Tab");
  await page.click("#save-expectation");
  await page.waitForFunction(() => document.querySelector("#cases-summary").textContent.startsWith("4 of 4 passed"));
  await savedContains(page, '"outputFields":{"doubled":20},"error":null,"logs":[{"level":"log"}]');
  await savedContains(page, '"ignore":["logs[0].message"]');
  await runAll(page);
  assert.deepEqual((await table(page)).map((row) => row[2]), ["pass", "pass", "pass", "pass"]);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.offsiteRequests, []);
  await ctx.close();
});

test("cases are added, duplicated, renamed (a taken name is refused) and deleted", async () => {
  const { ctx, page } = await openWith(doublerScenario());
  const names = () => page.$$eval("#cases .case-item", (items) => items.map((i) => i.dataset.case));
  await page.click("#add-case");
  await page.waitForFunction(() => document.querySelectorAll("#cases .case-item").length === 5);
  assert.deepEqual(await names(), ["two", "wrong", "not a number", "draft", "case 5"]);
  await page.fill('#cases .case-item[data-case="case 5"] .case-name', "big");
  await page.press('#cases .case-item[data-case="case 5"] .case-name', "Tab");
  await page.waitForSelector('#cases .case-item[data-case="big"]');
  await page.click('#cases .case-item[data-case="two"] .duplicate-case');
  await page.waitForSelector('#cases .case-item[data-case="two (copy)"]');
  assert.deepEqual(await names(), ["two", "two (copy)", "wrong", "not a number", "draft", "big"]);
  await page.fill('#cases .case-item[data-case="big"] .case-name', "two");
  await page.press('#cases .case-item[data-case="big"] .case-name', "Tab");
  await page.waitForSelector("#notice");
  assert.match(await page.textContent("#notice"), /already a case named "two"/);
  await page.click('#cases .case-item[data-case="wrong"] .delete-case');
  await page.waitForFunction(() => document.querySelectorAll("#cases .case-item").length === 5);
  // A case's overrides edited as JSON.
  await page.click('#cases .case-item[data-case="big"] summary');
  await page.fill('#cases .case-item[data-case="big"] textarea', JSON.stringify({ inputFields: { n: "50" }, expect: { outputFields: { doubled: 100 } } }));
  await savedContains(page, '"name":"big","inputFields":{"n":"50"}');
  await runAll(page);
  assert.deepEqual(await table(page), [
    ["two", "Success", "pass"], ["two (copy)", "Success", "pass"], ["not a number", "Error", "pass"], ["draft", "Success", "no expectation"], ["big", "Success", "pass"],
  ]);
  await ctx.close();
});

test("a share link carries the cases (without their secret values) and they run the same", async () => {
  const { ctx, page } = await openWith(doublerScenario());
  await runAll(page);
  const first = await table(page);
  await page.click("#share");
  const url = await page.inputValue("#share-url");
  assert.ok(!url.includes("secret"));
  await ctx.close();

  const other = await openPage(env.browser, env.server.url);
  await other.page.goto(url);
  await other.page.waitForFunction(() => document.querySelector("#cases h2")?.textContent === "Test cases (4)");
  assert.match(await other.page.textContent("#notice"), /fill in TOKEN/);
  await runAll(other.page);
  assert.deepEqual(await table(other.page), first);
  await other.ctx.close();
});

test("ten cases run all in the browser", async () => {
  const ten = doublerScenario(Array.from({ length: 6 }, (_, i) => ({ name: `n=${i}`, inputFields: { n: String(i) }, expect: { outputFields: { doubled: 2 * i } } })));
  const { ctx, page } = await openWith(ten);
  await runAll(page);
  const rows = await table(page);
  assert.equal(rows.length, 10);
  assert.equal(rows.filter((r) => r[2] === "pass").length, 8);
  await ctx.close();
});
