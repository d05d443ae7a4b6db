// Bundles the CodeMirror editor into web/editor/dist/editor.js (run by
// Trunk's pre_build hook and by scripts/serve, scripts/test). The
// completion data (require names, the HubSpot client's API tree) is read
// from the engine's sources now and compiled into the bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { completionData } from "./completion_data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, "editor.js")],
  outfile: join(here, "dist", "editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  // The browser benchmark's breakdown reads when the editor is ready.
  footer: { js: 'performance.mark("editor:loaded");' },
  logLevel: "warning",
  define: { __COMPLETION_DATA__: JSON.stringify(await completionData(join(here, "..", "..", "crate", "src"))) },
});
