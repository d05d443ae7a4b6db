// The engine worker's entry (instead of Trunk's loader shim). The build
// inlines wasm-bindgen's glue in place of the importScripts
// (inline-worker-glue.mjs).
//
// The worker static/boot.js starts with the page ("engine-boot") gets its
// wasm already compiled: the page fetches and compiles it from its first
// milliseconds, while this worker's thread is still starting, and posts the
// module (V8 shares the compiled code). Until it arrives, the page's
// messages are kept, and they are delivered in order once the engine
// listens. Any other worker (a restart, a helper) fetches the wasm itself.
//
// A worker that cannot load its wasm must say so. A rejected promise stays
// inside the worker; an exception thrown from a task reaches the page's
// `onerror`, where the runner reports it and retries with back-off.
importScripts("./worker.js");
(function () {
  const fail = (error) => setTimeout(() => { throw new Error(`the engine could not load: ${error && error.message || error}`); });
  if (self.name !== "engine-boot") {
    wasm_bindgen("./worker_bg.wasm").catch(fail);
    return;
  }
  const early = [];
  const deliver = () => { for (const data of early.splice(0)) self.dispatchEvent(new MessageEvent("message", { data })); };
  self.onmessage = (event) => {
    const data = event.data;
    if (!(data && typeof data === "object" && "engineModule" in data)) {
      early.push(data);
      return;
    }
    if (data.engineModule instanceof WebAssembly.Module) {
      // Runs the engine's main, which replaces this handler.
      try { wasm_bindgen.initSync({ module: data.engineModule }); } catch (error) { fail(error); return; }
      deliver();
    } else {
      // The page could not compile it (no streaming compile, a server's wrong MIME type).
      wasm_bindgen("./worker_bg.wasm").then(deliver, fail);
    }
  };
})();
