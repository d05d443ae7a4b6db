// Bundles the editor into web/editor/dist/ (run by Trunk's pre_build hook
// and by scripts/serve, scripts/test), as three scripts the page loads when
// it needs them (web/src/lazy_script.rs): editor.js (CodeMirror, after the
// page's first render), editor-syntax.js (acorn, on the editor's first
// lint) and editor-markdown.js (marked and DOMPurify, when instructions
// show). The completion data (require names, the HubSpot client's API
// tree) is read from the engine's sources now and compiled into editor.js.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { completionData } from "./completion_data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const common = { bundle: true, minify: true, format: "iife", target: "es2020", legalComments: "none", logLevel: "warning" };
await Promise.all([
  build({
    ...common,
    entryPoints: [join(here, "editor.js")],
    outfile: join(here, "dist", "editor.js"),
    // The browser benchmark's breakdown reads when the editor is ready.
    footer: { js: 'performance.mark("editor:loaded");' },
    define: { __COMPLETION_DATA__: JSON.stringify(await completionData(join(here, "..", "..", "crate", "src"))) },
  }),
  build({ ...common, entryPoints: [join(here, "syntax.js")], outfile: join(here, "dist", "editor-syntax.js") }),
  build({ ...common, entryPoints: [join(here, "markdown.js")], outfile: join(here, "dist", "editor-markdown.js") }),
]);
