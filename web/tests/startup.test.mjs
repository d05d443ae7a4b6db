// The first result's path in real Chromium: boot.js starts the engine worker
// before the page's wasm runs, the worker finds its first context in its
// wasm's memory, the app adopts that worker (no second one),
// and the startup marks the benchmark's breakdown reads are all there. The
// editor bundle comes after the app's first render; until it does, the code
// is in a textarea that edits and runs the same way.
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
    await page.waitForSelector("#code-editor .cm-editor");
    assert.equal(await page.$("#code-editor textarea.code-fallback"), null, "CodeMirror took the textarea's place");
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
    for (const name of ["worker:created", "editor:loaded", "app:start", "app:rendered", "engine:compiled", "engine:context", "run:requested", "run:received"]) {
      assert.equal(typeof marks[name], "number", `mark ${name} is missing`);
    }
    assert.ok(marks["worker:created"] < marks["app:start"], "the worker starts before the page's wasm");
    assert.ok(marks["app:rendered"] < marks["editor:loaded"], "the editor bundle runs after the app's first render");
    assert.ok(marks["engine:compiled"] <= marks["engine:context"] && marks["engine:context"] <= marks["run:received"], "the worker's marks are on the page's timeline, in order");
    assert.equal(typeof marks["engine:snapshot"], "number", "the worker's first context came in its wasm (web/snapshot-worker.mjs)");
    assert.deepEqual(workers.filter((url) => url.endsWith("worker_loader.js")).length, 1, `one engine worker, not a second one: ${workers}`);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await ctx.close();
  }
});

test("the Test button stays where it is while the engine starts and while a run starts and ends", async () => {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  // Every frame from the first: where #test is and how wide, each change once.
  await page.addInitScript(() => {
    window.__testBoxes = [];
    const watch = () => {
      const button = document.querySelector("#test");
      if (button) {
        const box = button.getBoundingClientRect();
        const seen = `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)}`;
        if (window.__testBoxes.at(-1) !== seen) window.__testBoxes.push(seen);
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  try {
    await page.goto(env.server.url);
    await page.waitForSelector("#test");
    await runTest(page);
    await runTest(page);
    const boxes = await page.evaluate(() => window.__testBoxes);
    assert.equal(boxes.length, 1, `the button moved or changed width: ${boxes.join(" → ")}`);
  } finally {
    await ctx.close();
  }
});

test("before the editor bundle arrives, the code edits and runs in a textarea; CodeMirror then takes over with the text and the cursor", async () => {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  // The editor bundle is held back until the test lets it through.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/editor\.js$/, async (route) => { await held; await route.continue(); });
  try {
    await page.goto(env.server.url);
    const fallback = page.locator("#code-editor textarea.code-fallback");
    await fallback.waitFor();
    const code = "exports.main = async (event) => {\n  console.log('typed before the editor');\n  return { outputFields: { early: 'yes' } };\n};\n";
    await fallback.fill(code);
    await fallback.press("Control+Enter");
    await page.waitForSelector("#results", { timeout: 30000 });
    assert.deepEqual(await outputs(page), { early: "yes" });
    await fallback.focus();
    await fallback.evaluate((area) => area.setSelectionRange(10, 10));
    release();
    await page.waitForSelector("#code-editor .cm-editor");
    assert.equal(await page.$("#code-editor textarea.code-fallback"), null);
    const editorText = () => page.$$eval("#code-editor .cm-line", (lines) => lines.map((l) => l.textContent).join("\n"));
    assert.equal(await editorText(), code);
    // Typing goes on where the textarea's cursor was.
    await page.keyboard.type("X");
    assert.equal(await editorText(), `${code.slice(0, 10)}X${code.slice(10)}`);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await ctx.close();
  }
});

test("when the editor bundle cannot load, the textarea stays and the page keeps working", async () => {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  await page.route(/\/editor\.js$/, (route) => route.abort());
  try {
    await page.goto(env.server.url);
    const fallback = page.locator("#code-editor textarea.code-fallback");
    await fallback.fill("exports.main = async () => ({ outputFields: { still: 'working' } });\n");
    await runTest(page);
    assert.deepEqual(await outputs(page), { still: "working" });
    // Well past the moment the app asks for the editor (EDITOR_DEADLINE_MS).
    await page.waitForTimeout(3500);
    assert.equal(await fallback.count(), 1, "the textarea is still there");
    assert.equal(await page.$("#code-editor .cm-editor"), null);
  } finally {
    await ctx.close();
  }
});
