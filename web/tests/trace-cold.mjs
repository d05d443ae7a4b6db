// Diagnostic (not a test): one cold load to the first result under Chromium's
// tracing; prints where each thread's time went (trace event names by total
// duration). Run after a release build: node tests/trace-cold.mjs
import { serve, launch, openPage } from "./support.mjs";

const server = await serve();
const browser = await launch();
try {
  const { ctx, page } = await openPage(browser, server.url);
  await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.compile", "blink", "loading"] });
  await page.goto(server.url);
  await page.waitForSelector("#test");
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 60000 });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await ctx.close();
  const events = trace.traceEvents;
  const threadNames = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !e.dur) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) || `${e.pid}:${e.tid}`;
    const key = `${thread}\t${e.name}`;
    const t = totals.get(key) || { dur: 0, n: 0 };
    t.dur += e.dur; t.n++;
    totals.set(key, t);
  }
  const rows = [...totals].sort((a, b) => b[1].dur - a[1].dur).slice(0, Number(process.env.TOP || 60));
  for (const [key, t] of rows) console.log(`${(t.dur / 1000).toFixed(1).padStart(9)} ms ${String(t.n).padStart(6)}x  ${key}`);
} finally {
  await browser.close();
  await server.close();
}
