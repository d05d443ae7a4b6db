// The first result's path in real Chromium: boot.js starts the engine worker
// before the page's wasm runs, the app adopts that worker (no second one),
// and the startup marks the benchmark's breakdown reads are all there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, runTest, outputs } from "./support.mjs";

const env = useBrowser();

test("the engine worker starts with the page, is adopted by the app and runs the first result", async () => {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  const workers = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  try {
    await page.goto(env.server.url);
    await page.waitForSelector("#test");
    await runTest(page);
    assert.ok(Object.keys(await outputs(page)).length > 0, "the first run painted its outputs");
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
    for (const name of ["worker:created", "editor:loaded", "app:start", "app:rendered", "engine:compiled", "engine:context", "run:requested", "run:received"]) {
      assert.equal(typeof marks[name], "number", `mark ${name} is missing`);
    }
    assert.ok(marks["worker:created"] < marks["app:start"], "the worker starts before the page's wasm");
    assert.ok(marks["engine:compiled"] < marks["engine:context"] && marks["engine:context"] <= marks["run:received"], "the worker's marks are on the page's timeline, in order");
    assert.deepEqual(workers.filter((url) => url.endsWith("worker_loader.js")).length, 1, `one engine worker, not a second one: ${workers}`);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await ctx.close();
  }
});
