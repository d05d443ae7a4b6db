// The playground's benchmark (not a test): shipped sizes, cold load to first
// result, and Test click → painted result for every sample (median of 20),
// in headless Chromium on localhost against dist/ (a `trunk build --release`).
// Run: ./scripts/bench-web   (prints a table; BENCHMARKS.md records it)
import { readdir, readFile } from "node:fs/promises";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { serve, launch, openPage, loadAndTestFirst, DIST } from "./support.mjs";
import { quickjsColdLoad } from "./bench-quickjs.mjs";

const RUNS = Number(process.env.RUNS || 20);
const COLD_RUNS = Number(process.env.COLD_RUNS || 5);
// Pause between clicks, as a person reading the result leaves the worker
// time to prepare the next context (GAP_MS=0 measures back-to-back clicks).
const GAP_MS = Number(process.env.GAP_MS ?? 600);
// PER_RUN=1 also prints every cold load's steps, not only their medians.
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

async function sizes() {
  console.log("\n## Shipped sizes (KB)\nfile                               raw     gzip   brotli");
  const total = { raw: 0, gz: 0, br: 0 }, wasm = { raw: 0, gz: 0, br: 0 };
  for (const name of (await readdir(DIST)).sort()) {
    const bytes = await readFile(join(DIST, name));
    const row = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length };
    for (const k in row) { total[k] += row[k]; if (name.endsWith(".wasm")) wasm[k] += row[k]; }
    console.log(`${name.padEnd(30)}${kb(row.raw)} ${kb(row.gz)} ${kb(row.br)}`);
  }
  console.log(`${"all wasm".padEnd(30)}${kb(wasm.raw)} ${kb(wasm.gz)} ${kb(wasm.br)}`);
  console.log(`${"everything".padEnd(30)}${kb(total.raw)} ${kb(total.gz)} ${kb(total.br)}`);
}

// Clicks Test and resolves with the ms until the next frame after the result is in the DOM.
const clickToPaint = () => new Promise((resolve) => {
  const panel = document.querySelector(".test-panel");
  const t0 = performance.now();
  const done = () => {
    if (document.querySelector("#test").disabled || !document.querySelector("#results")) return false;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
    return true;
  };
  const observer = new MutationObserver(done);
  observer.observe(panel, { childList: true, subtree: true, attributes: true });
  document.querySelector("#test").click();
});

// The first result's path, in the order things happen (User Timing marks
// of web/src/startup.rs, boot.js and the editor bundle; resource timings of
// the two wasm files). Each is ms after navigation start.
const STEPS = [
  ["worker:created", "boot.js started the engine worker"],
  ["editor:loaded", "editor bundle ran"],
  ["app wasm", "page wasm downloaded"],
  ["app:start", "page wasm compiled, app starts"],
  ["app:rendered", "first render (Test button)"],
  ["engine:started", "worker's global created"],
  ["engine:requested", "worker wasm requested"],
  ["engine:first-byte", "worker wasm's first byte"],
  ["engine:downloaded", "worker wasm downloaded"],
  ["engine:compiled", "worker wasm compiled, engine starts"],
  ["engine:context", "first context prepared (worker ready)"],
  ["run:requested", "Test clicked"],
  ["run:received", "result received by the page"],
  ["painted", "result painted"],
  ["polled", "(the benchmark's polling saw it)"],
];

async function coldLoad(browser, url) {
  const times = [];
  const steps = Object.fromEntries(STEPS.map(([name]) => [name, []]));
  for (let i = 0; i < COLD_RUNS; i++) {
    const { ctx, page } = await openPage(browser, url);
    await loadAndTestFirst(page, url);
    const seen = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => {
      // The old measure (until session 7): when the benchmark's polling saw it.
      const at = { polled: performance.now() };
      for (const m of performance.getEntriesByType("mark")) at[m.name] ??= m.startTime;
      for (const e of performance.getEntriesByType("resource")) {
        if (/app-.*_bg\.wasm$/.test(e.name)) at["app wasm"] = e.responseEnd;
        // Builds before session 8 fetched the worker's wasm in the page (measured with DIST_DIR); since, the worker marks its own fetch.
        if (/\/worker_bg\.wasm$/.test(e.name)) {
          at["engine:requested"] ??= e.startTime;
          at["engine:first-byte"] ??= e.responseStart;
          at["engine:downloaded"] ??= e.responseEnd;
        }
      }
      r(at);
    })));
    times.push(seen.painted);
    if (process.env.PER_RUN) console.log(STEPS.map(([name]) => `${name}=${seen[name]?.toFixed(0) ?? "-"}`).join(" "));
    for (const [name] of STEPS) if (seen[name] !== undefined) steps[name].push(seen[name]);
    await ctx.close();
  }
  console.log(`\n## Cold load → first result painted (navigation start to painted result, fresh context, median of ${COLD_RUNS})\n${median(times).toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`);
  console.log("\nbreakdown (median ms after navigation start)");
  for (const [name, what] of STEPS) {
    const at = steps[name];
    console.log(`${what.padEnd(42)}${at.length ? median(at).toFixed(0).padStart(6) : "     -"}`);
  }
  return median(times);
}

async function samples(browser, url) {
  const { ctx, page } = await openPage(browser, url);
  await page.goto(url);
  await page.waitForSelector("#test");
  const ids = await page.$$eval("#samples option", (o) => o.map((x) => x.value).filter(Boolean));
  console.log(`\n## Test click → painted result (ms, median of ${RUNS} after one warm-up run, ${GAP_MS} ms between clicks)\nsample                          median      min      max   engine runtimeMs`);
  for (const id of ids) {
    await page.selectOption("#samples", id);
    await page.evaluate(clickToPaint);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.waitForTimeout(GAP_MS);
      times.push(await page.evaluate(clickToPaint));
    }
    const runtime = await page.$eval(".logs-box .meta", (m) => m.textContent.match(/Runtime ([\d.]+)/)[1]);
    console.log(`${id.padEnd(30)}${median(times).toFixed(1).padStart(8)} ${Math.min(...times).toFixed(1).padStart(8)} ${Math.max(...times).toFixed(1).padStart(8)}   ${runtime}`);
  }
  await ctx.close();
}

const server = await serve();
const browser = await launch();
try {
  console.log(`Chromium ${browser.version()}, ${new Date().toISOString()}`);
  await sizes();
  const ours = await coldLoad(browser, server.url);
  const peer = await quickjsColdLoad(browser, 5);
  console.log(`\n## Reference: the same first sample in quickjs-emscripten (a bare page, same measure, median of 5)\n${peer.median.toFixed(0)} ms  (runs: ${peer.runs.map((t) => t.toFixed(0)).join(", ")}); the playground's cold start is ${(ours / peer.median).toFixed(2)}x it`);
  // COLD_ONLY=1: sizes and the cold load only (to compare builds quickly).
  if (!process.env.COLD_ONLY) await samples(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
