// The QuickJS reference page (web/tests/quickjs/), built and served for the
// cold-start benchmark and its test: esbuild bundles the page's script into a
// temporary folder next to quickjs-emscripten's release-sync .wasm, and
// support.mjs's static server serves that folder under a strict policy like
// the playground's (own files only, wasm may compile, no eval).
import { build } from "esbuild";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./support.mjs";

const PAGE_DIR = fileURLToPath(new URL("./quickjs/", import.meta.url));
/** The playground's first-visit scenario (web/src/workspace.rs's new_action). */
export const FIRST_SAMPLE = fileURLToPath(new URL("../samples/new-action.json", import.meta.url));
const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; base-uri 'none'";

/** Builds the page into a new temporary folder; resolves to its path. */
async function buildPage() {
  const dir = await mkdtemp(join(tmpdir(), "quickjs-reference-"));
  await build({
    entryPoints: [join(PAGE_DIR, "run-sample.mjs")],
    outfile: join(dir, "run-sample.js"),
    bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022",
    legalComments: "none", logLevel: "warning",
  });
  // The variant's loader fetches the .wasm from next to the script (import.meta.url).
  // Resolved from quickjs-emscripten's own folder: the variant is its dependency, not ours.
  const fromQuickjs = createRequire(createRequire(import.meta.url).resolve("quickjs-emscripten"));
  const variantWasm = fromQuickjs.resolve("@jitl/quickjs-wasmfile-release-sync/wasm");
  await copyFile(variantWasm, join(dir, "emscripten-module.wasm"));
  await copyFile(join(PAGE_DIR, "index.html"), join(dir, "index.html"));
  await writeFile(join(dir, "_headers"), `/*\n  Content-Security-Policy: ${POLICY}\n`);
  return dir;
}

/**
 * Builds and serves the page; resolves to { url, scenario, close } where `url`
 * opens the page running `scenarioFile`'s code on its event.
 */
export async function serveQuickjsPage(scenarioFile = FIRST_SAMPLE) {
  const scenario = JSON.parse(await readFile(scenarioFile, "utf8"));
  const dir = await buildPage();
  const server = await serve(dir);
  const hash = encodeURIComponent(JSON.stringify({ code: scenario.code, event: scenario.event }));
  return {
    url: `${server.url}#${hash}`,
    origin: server.url,
    scenario,
    close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); },
  };
}
