// The engine worker's entry (instead of Trunk's loader shim). The build
// inlines wasm-bindgen's glue in place of the importScripts
// (inline-worker-glue.mjs).
//
// A worker named "engine-module" is given its wasm compiled: boot.js
// fetches and compiles it from the page's first milliseconds, while the
// first worker's thread is still starting, and posts the module (V8 shares
// the compiled code); the app's later workers (restarts, Run all's helpers)
// get the same module. Until it arrives, the page's messages are kept, and
// they are delivered in order once the engine listens. A worker named
// otherwise (the page could not compile it) fetches the wasm itself.
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
