// The engine worker's entry (instead of Trunk's loader shim). The build
// inlines wasm-bindgen's glue in place of the importScripts
// (inline-worker-glue.mjs).
//
// The boot worker ("engine-boot": boot.js starts it with the page) fetches
// and compiles its wasm from the first line of this script, on its own
// thread, and sends the compiled module to the page; the app's later
// workers (restarts, Run all's helpers) are named "engine-module" and get
// that module (V8 shares the code). Until the engine runs, the page's
// messages are kept, and they are delivered in order once it listens. A
// worker named otherwise, or a boot worker whose streaming compilation
// fails (a server's wrong MIME type), loads the wasm through wasm-bindgen's
// loader.
//
// A worker that cannot load its wasm must say so. A rejected promise stays
// inside the worker; an exception thrown from a task reaches the page's
// `onerror`, where the runner reports it and retries with back-off.

// The boot worker's wasm, requested before anything else this script does.
const bootModule = self.name === "engine-boot" && typeof WebAssembly.compileStreaming === "function"
  ? WebAssembly.compileStreaming(fetch("./worker_bg.wasm"))
  : Promise.reject(new Error("not compiled ahead"));
// Handled once the page's port arrives: the boot worker then loads its wasm through wasm-bindgen's loader.
bootModule.catch(() => {});
importScripts("./worker.js");
(function () {
  const fail = (error) => setTimeout(() => { throw new Error(`the engine could not load: ${error && error.message || error}`); });
  if (self.name !== "engine-module" && self.name !== "engine-boot") {
    wasm_bindgen("./worker_bg.wasm").catch(fail);
    return;
  }
  const early = [];
  const deliver = () => { for (const data of early.splice(0)) self.dispatchEvent(new MessageEvent("message", { data })); };
  const start = (module) => {
    // Runs the engine's main, which replaces this handler.
    try { wasm_bindgen.initSync({ module }); } catch (error) { fail(error); return; }
    deliver();
  };
  const fetchOwn = () => wasm_bindgen("./worker_bg.wasm").then(deliver, fail);
  self.onmessage = (event) => {
    const data = event.data;
    if (data && typeof data === "object" && "modulePort" in data) {
      // The boot worker: its wasm compiled as it downloaded; the module goes to the page too.
      bootModule.then((module) => {
        data.modulePort.postMessage(module);
        start(module);
      }, fetchOwn);
    } else if (data && typeof data === "object" && "engineModule" in data) {
      // A later worker: the runner names it so only when it has the module to give.
      start(data.engineModule);
    } else {
      early.push(data);
    }
  };
})();
