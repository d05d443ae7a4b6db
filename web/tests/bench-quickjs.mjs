// The cold-start benchmark's reference point (issue 12): a page running the
// playground's first sample in a peer engine, quickjs-emscripten, measured as
// bench.mjs's coldLoad measures the playground (navigation start → the frame
// after the result is in the DOM, marked inside the page: support.mjs's
// probePaint; fresh browser context per run).
// Alone: node tests/bench-quickjs.mjs   (prints the median; RUNS=n for more runs)
import { fileURLToPath } from "node:url";
import { launch, openPage, paintedAt, probePaint } from "./support.mjs";
import { serveQuickjsPage } from "./quickjs-page.mjs";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** Cold loads of the QuickJS reference page in `browser`; resolves to { median, runs } in ms. */
export async function quickjsColdLoad(browser, runs = 5) {
  const page$ = await serveQuickjsPage();
  try {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const { ctx, page } = await openPage(browser, page$.origin);
      try {
        await probePaint(page, "#result, #error");
        await page.goto(page$.url);
        await page.waitForSelector("#result, #error", { timeout: 60000 });
        const error = await page.$eval("#error", (e) => e.textContent).catch(() => null);
        if (error) throw new Error(`the QuickJS reference page failed: ${error}`);
        times.push(await paintedAt(page));
      } finally {
        await ctx.close();
      }
    }
    return { median: median(times), runs: times };
  } finally {
    await page$.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await launch();
  try {
    const { median: ms, runs } = await quickjsColdLoad(browser, Number(process.env.RUNS || 5));
    console.log(`Chromium ${browser.version()}, ${new Date().toISOString()}`);
    console.log(`\n## QuickJS reference (quickjs-emscripten, release-sync variant with its separate .wasm): cold load → first result painted (fresh context, median of ${runs.length})\n${ms.toFixed(0)} ms  (runs: ${runs.map((t) => t.toFixed(0)).join(", ")})`);
  } finally {
    await browser.close();
  }
}
