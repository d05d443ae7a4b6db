// Shared by the browser tests and the benchmark: a static server for dist/
// (what any static host does) and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

// DIST_DIR: another build to measure (the benchmarks compare builds with it).
export const DIST = process.env.DIST_DIR || fileURLToPath(new URL("../../dist/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
};

/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format: a path line,
 * then indented `Name: value` lines) into [{ path, headers: [[name, value]] }].
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers the rules give `path` ("/*" matches everything below). */
function headersFor(rules, path) {
  const out = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers) (out[name.toLowerCase()] ||= []).push(value);
  }
  return out;
}

/**
 * Serves `dir` on a free localhost port as a static host configured with
 * the build's `_headers` does (web/csp.mjs writes it); resolves to { url, close }.
 */
export async function serve(dir = DIST) {
  const rules = parseHeadersFile(await readFile(join(dir, "_headers"), "utf8").catch(() => ""));
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, "http://x").pathname;
    const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { ...headersFor(rules, urlPath), "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); } };
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
  // Chromium reports each Content-Security-Policy refusal as a console error.
  page.cspViolations = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) page.cspViolations.push(m.text()); });
  return { ctx, page };
}

/**
 * Marks `painted` (User Timing) in the page at the first animation frame
 * after an element matching `selector` is in the DOM: the frame that shows
 * it, measured inside the page, so what runs after it (or Playwright's own
 * polling) does not count. Call before `page.goto`.
 */
export function probePaint(page, selector) {
  return page.addInitScript((sel) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(sel)) return;
      observer.disconnect();
      requestAnimationFrame(() => performance.mark("painted"));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/** When probePaint's "painted" mark was made (ms after navigation start), once it is. */
export async function paintedAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName("painted").length > 0);
  return page.evaluate(() => performance.getEntriesByName("painted")[0].startTime);
}

/**
 * The cold-load measure of the benchmarks: opens `url` in `page` (a fresh
 * context), presses Test as soon as it shows and waits until the first
 * result is painted; resolves to when (see paintedAt).
 */
export async function loadAndTestFirst(page, url) {
  await probePaint(page, "#results");
  await page.goto(url);
  await page.waitForSelector("#test");
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 60000 });
  return paintedAt(page);
}

/** Presses Test and waits for the painted result. */
export async function runTest(page) {
  await page.click("#test");
  await page.waitForSelector("#results", { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector("#test").disabled);
}

/** Replaces the code in the editor as a user would. */
export async function setCode(page, code) {
  await page.focus("#code-editor .cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** The Data outputs of the painted result, name → text. */
export const outputs = (page) =>
  page.$$eval("#outputs-result tr", (rows) => Object.fromEntries(rows.map((r) => [r.dataset.output, r.querySelector(".output-value").textContent])));

/** Waits until a saved scenario (one record per scenario) holds `text`. */
export const savedContains = (page, text) =>
  page.waitForFunction((t) => Object.keys(localStorage).some((k) => k.startsWith("action-playground.entry.") && localStorage.getItem(k).includes(t)), text);

/** Sets a field under Settings ("timeout" → #setting-timeout) and waits until it is saved as `savedAs`. */
export async function setSetting(page, name, value, savedAs) {
  if (!(await page.isVisible(`#setting-${name}`))) await page.click("#settings-section summary");
  await page.fill(`#setting-${name}`, String(value));
  await page.press(`#setting-${name}`, "Tab");
  await savedContains(page, savedAs);
}

/**
 * Registers node:test hooks that start the static server and Chromium
 * before a file's tests and close both after; returns { server, browser },
 * filled in once the hooks have run.
 */
export function useBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
