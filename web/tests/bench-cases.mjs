// The Cases view's benchmark (not a test): a scenario with 10 cases, Run all
// pressed → the table with every result painted (median of RUNS, after one
// warm-up), in headless Chromium against dist/. Run: ./scripts/bench-web
// (after bench.mjs) or `node tests/bench-cases.mjs` in web/.
import { serve, launch, openPage } from "./support.mjs";
import { doublerScenario, importScenario } from "./cases-support.mjs";

const RUNS = Number(process.env.RUNS || 9);
const GAP_MS = Number(process.env.GAP_MS ?? 600);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

// Presses Run all; resolves with the ms until the frame after the last row is in the DOM.
const runAllToPaint = (cases) => new Promise((resolve) => {
  const section = document.querySelector("#cases");
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    const rows = document.querySelectorAll("#case-results tbody tr").length;
    if (rows !== cases || document.querySelector("#run-all").textContent !== "Run all") return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(section, { childList: true, subtree: true, characterData: true });
  document.querySelector("#run-all").click();
});

const server = await serve();
const browser = await launch();
try {
  const ten = doublerScenario(Array.from({ length: 6 }, (_, i) => ({ name: `n=${i}`, inputFields: { n: String(i) }, expect: { outputFields: { doubled: 2 * i } } })));
  const { ctx, page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.waitForSelector("#code-editor .cm-content");
  await importScenario(page, ten);
  await page.waitForFunction(() => !document.querySelector("#run-all").disabled);
  await page.evaluate(runAllToPaint, ten.cases.length);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.waitForTimeout(GAP_MS);
    times.push(await page.evaluate(runAllToPaint, ten.cases.length));
  }
  const summary = await page.textContent("#cases-summary");
  console.log(`\n## Run all, 10 cases → every row painted (ms, median of ${RUNS} after one warm-up run, ${GAP_MS} ms between runs)`);
  console.log(`median ${median(times).toFixed(0)}   min ${Math.min(...times).toFixed(0)}   max ${Math.max(...times).toFixed(0)}   (last: "${summary}")`);
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
