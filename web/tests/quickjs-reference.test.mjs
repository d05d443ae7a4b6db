// The cold-start benchmark's QuickJS reference page really runs the
// playground's first sample: what it paints is what real Node returns and
// logs for the same code and event (so the reference can never time an empty
// or failing page), under the strict policy, with no request leaving the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { launch, openPage } from "./support.mjs";
import { serveQuickjsPage } from "./quickjs-page.mjs";
import { formatLogLine } from "./quickjs/format-log.mjs";

/** Runs the scenario's action in this Node, logging as the page does. */
async function runInNode({ code, event }) {
  const logs = [];
  const module = { exports: {} };
  const sandbox = { module, exports: module.exports, console: { log: (...values) => logs.push(formatLogLine(values)) } };
  runInNewContext(code, sandbox, { filename: "action.js" });
  // Through JSON: the page's values cross from QuickJS as JSON-like data.
  const returned = JSON.parse(JSON.stringify(await module.exports.main(structuredClone(event))));
  return { returned, logs };
}

test("the QuickJS reference page paints the first sample's outputs and logs, as Node runs them", async () => {
  const page$ = await serveQuickjsPage();
  const browser = await launch();
  try {
    const expected = await runInNode(page$.scenario);
    assert.ok(Object.keys(expected.returned.outputFields).length > 0, "the sample returns outputs");
    for (const { name } of page$.scenario.outputs) assert.ok(name in expected.returned.outputFields, `the sample returns its declared output ${name}`);

    const { ctx, page } = await openPage(browser, page$.origin);
    await page.goto(page$.url);
    await page.waitForSelector("#result, #error", { timeout: 60000 });
    assert.equal(await page.$("#error"), null, await page.$eval("#error", (e) => e.textContent).catch(() => ""));
    const painted = JSON.parse(await page.$eval("#result", (e) => e.textContent));
    assert.deepEqual(painted, expected);
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.cspViolations, []);
    assert.deepEqual(page.offsiteRequests, []);
    await ctx.close();
  } finally {
    await browser.close();
    await page$.close();
  }
});
