// Starts the engine's Web Worker as soon as the page starts loading, so it
// fetches and compiles its wasm and prepares a context while the page loads
// its own wasm and the editor: the first result waits for both, and they
// overlap only if the worker does not wait for the app. The app's runner
// (web/src/runner.rs) adopts this worker; the events it sends before then
// are kept and replayed in order.
(function () {
  if (typeof Worker !== "function") return;
  try {
    const worker = new Worker("./worker_loader.js", { name: "engine" });
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => { event.preventDefault(); early.push(event); };
    performance.mark("worker:created");
    window.__engineBoot = { worker, early };
  } catch (_) {
    // The app starts its own worker, and says why when it cannot.
  }
})();
