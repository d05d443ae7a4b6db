// Bundles the CodeMirror editor into web/editor/dist/editor.js (run by
// Trunk's pre_build hook and by scripts/serve, scripts/test).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, "editor.js")],
  outfile: join(here, "dist", "editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
