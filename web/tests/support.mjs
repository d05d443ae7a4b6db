// Shared by the browser tests and the benchmark: a static server for dist/
// (what any static host does) and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
};

/** Serves `dir` on a free localhost port; resolves to { url, close }. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/** A page whose network is only our server: anything else is refused and reported. */
export async function openPage(browser, url, context) {
  const ctx = context || (await browser.newContext());
  const page = await ctx.newPage();
  page.offsiteRequests = [];
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(url.replace(/\/$/, "")) || target.startsWith("blob:") || target.startsWith("data:")) return route.continue();
    page.offsiteRequests.push(target);
    return route.abort();
  });
  page.consoleErrors = [];
  page.on("pageerror", (e) => page.consoleErrors.push(String(e)));
  return { ctx, page };
}

/** Presses Test and waits for the painted result. */
export async function runTest(page) {
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector("#test").disabled);
}
