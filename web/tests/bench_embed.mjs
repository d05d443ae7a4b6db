// The embed's benchmark (not a test): cold load to first result inside an
// iframe on another local origin — a course page (second server, another
// port) frames embed.html with a sample's share link under
// `sandbox="allow-scripts allow-same-origin"`; the clock runs from the
// host page's navigation to the painted result of the first Test click,
// which is pressed as soon as the button is there. Fresh browser context per
// run (nothing cached). Run: node web/tests/bench_embed.mjs (RUNS=5).
// DIRECT=1 measures the same flow on the full page, not framed (the baseline).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { serve, launch } from "./support.mjs";

const RUNS = Number(process.env.RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sample = JSON.parse(await readFile(new URL("../samples/enrichment-api.json", import.meta.url), "utf8"));
const fragment = "s1." + deflateRawSync(Buffer.from(JSON.stringify(sample))).toString("base64url");

const server = await serve();
const src = `${server.url}embed.html#${fragment}`;
const host = createServer((req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>Course</title><iframe id="pg" src="${src}" width="1100" height="700" sandbox="allow-scripts allow-same-origin"></iframe>`));
await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
const browser = await launch();
const times = [];
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const started = Date.now();
  const direct = Boolean(process.env.DIRECT);
  await page.goto(direct ? `${server.url}#${fragment}` : `http://127.0.0.1:${host.address().port}/`);
  const frame = direct ? page : page.frameLocator("#pg");
  await frame.locator("#test").click({ timeout: 60000 });
  await frame.locator("#results").waitFor({ timeout: 60000 });
  times.push(Date.now() - started);
  await ctx.close();
}
console.log(`${process.env.DIRECT ? "full page, not framed" : "embed"}: cold load → first result${process.env.DIRECT ? "" : " in a cross-origin sandboxed iframe"}: median ${median(times)} ms (runs: ${times.join(", ")})`);
await browser.close();
await server.close();
await new Promise((r) => host.close(r));
