// The engine worker's entry (instead of Trunk's loader shim): a worker that
// cannot load its wasm must say so. A rejected promise stays inside the
// worker; an exception thrown from a task reaches the page's `onerror`,
// where the runner reports it and retries with back-off. The build inlines
// wasm-bindgen's glue in place of the importScripts (inline-worker-glue.mjs).
importScripts("./worker.js");
wasm_bindgen("./worker_bg.wasm").catch((error) => setTimeout(() => { throw new Error(`the engine could not load: ${error && error.message || error}`); }));
