// The engine worker's entry (instead of Trunk's loader shim). The build
// inlines wasm-bindgen's glue in place of the importScripts
// (inline-worker-glue.mjs).
//
// A worker named "engine-module" does not fetch its wasm: the boot worker
// gets the page's fetch of it as a stream (boot.js starts it in the page's
// first milliseconds, while this thread is still starting), compiles it as
// it arrives and sends the module back to the page; the app's later workers
// (restarts, Run all's helpers) get that module compiled (V8 shares the
// code). Until the engine runs, the page's messages are kept, and they are
// delivered in order once it listens. A worker named otherwise, or one
// whose stream fails, fetches the wasm itself.
//
// A worker that cannot load its wasm must say so. A rejected promise stays
// inside the worker; an exception thrown from a task reaches the page's
// `onerror`, where the runner reports it and retries with back-off.
importScripts("./worker.js");
(function () {
  const fail = (error) => setTimeout(() => { throw new Error(`the engine could not load: ${error && error.message || error}`); });
  if (self.name !== "engine-module") {
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
    if (data && typeof data === "object" && "engineStream" in data) {
      // The boot worker: the page's fetch of the wasm, compiled here as it arrives.
      const bytes = new Response(data.engineStream, { headers: { "Content-Type": "application/wasm" } });
      WebAssembly.compileStreaming(bytes).then((module) => {
        data.modulePort.postMessage(module);
        start(module);
      }, fetchOwn);
    } else if (data && typeof data === "object" && "engineModule" in data) {
      // A later worker gets the module compiled; null: the page has none to give.
      if (data.engineModule instanceof WebAssembly.Module) start(data.engineModule);
      else fetchOwn();
    } else {
      early.push(data);
    }
  };
})();
