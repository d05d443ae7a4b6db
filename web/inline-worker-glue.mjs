// Trunk post_build hook: the engine worker's loader (static/worker_loader.js)
// gets wasm-bindgen's glue (worker.js) inlined in place of its
// `importScripts("./worker.js")`, so the worker starts fetching its wasm one
// synchronous request sooner (the first result waits on that wasm).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("inline-worker-glue.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
const loaderPath = join(dir, "worker_loader.js");
const loader = await readFile(loaderPath, "utf8");
const call = 'importScripts("./worker.js");';
if (!loader.includes(call)) throw new Error(`worker_loader.js no longer has ${call}`);
const glue = await readFile(join(dir, "worker.js"), "utf8");
await writeFile(loaderPath, loader.replace(call, () => `${glue}\n`));
