// Trunk post_build hook: pins the page to a strict Content-Security-Policy.
// Trunk writes its wasm loader as an inline module script whose text names
// the hashed file names, so it changes with every build: this hook hashes
// every inline script of the staged index.html into the policy's
// `script-src`, adds the policy as the first <meta> of <head>, and writes
// `_headers` (the per-path header file Netlify and Cloudflare Pages read,
// and the e2e server serves) with what a <meta> cannot carry:
// `frame-ancestors` (the app refuses framing by other sites; its copy
// embed.html allows it) and the worker's own policy. README "Hosting" lists them.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("csp.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
const page = join(dir, "index.html");
let html = await readFile(page, "utf8");

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes]) => !/\bsrc=/i.test(attributes));
const hashes = inline.map(([, , body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);

/** The page: its own files only; wasm may compile (`wasm-unsafe-eval`), nothing may be evaluated from strings. */
export const PAGE_POLICY = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  // CodeMirror (style-mod) writes its theme into a <style> element at run
  // time; style attributes stay refused.
  "style-src-elem 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

/** The engine worker runs untrusted code: it may load its own script and wasm, and reach nothing else. */
export const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

// Trunk writes the page wasm's preload links at the end of <head>, behind
// the editor bundle's blocking script, and Chromium then starts the 1.4 MB
// download only when the parser reaches them (after the bundle has run):
// moved up, it downloads while the bundle runs (web/tests/bench.mjs shows it).
const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>/g)].map(([tag]) => tag);
for (const tag of preloads) html = html.replace(tag, "");

const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error("index.html already has a CSP meta tag");
// Before any script (a policy covers only what follows it), after the charset.
const first = [meta, ...preloads].join("\n  ");
html = /<meta charset[^>]*>/i.test(html) ? html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n  ${first}`) : html.replace(/<head>/i, (head) => `${head}\n  ${first}`);
await writeFile(page, html);
// The same app as a second page that other sites may frame (embed mode,
// web/src/embed.rs): its own path carries its own frame-ancestors, so the
// full playground stays unframeable by other sites.
await writeFile(join(dir, "embed.html"), html);

const headers = `# Headers for static hosts (Netlify / Cloudflare Pages read this file; see README "Hosting").
/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Cross-Origin-Opener-Policy: same-origin
/
  Content-Security-Policy: frame-ancestors 'self'
/index.html
  Content-Security-Policy: frame-ancestors 'self'
/embed.html
  Content-Security-Policy: frame-ancestors *
/worker_loader.js
  Content-Security-Policy: ${WORKER_POLICY}
`;
await writeFile(join(dir, "_headers"), headers);
