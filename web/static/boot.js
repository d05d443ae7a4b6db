// Inlined into index.html's <head> (Trunk rel="inline"; its hash is in the
// page's CSP), so it runs before anything else is fetched.
//
// 1. The theme, before the first paint: light or dark follows the system
//    until the toggle picks one (kept in localStorage). The page's colours
//    are CSS variables switched by <html data-theme>; a change is announced
//    as a `playground-theme` event, which the editor bundle follows.
// 2. The engine's Web Worker, started now so it prepares a context while
//    the page loads its own wasm: the first result waits for both, and they
//    overlap only if the worker does not wait for the app. The app's runner
//    (web/src/runner.rs) adopts this worker; the events it sends before
//    then are kept and replayed in order.
(function () {
  const KEY = "action-playground.theme";
  const system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const chosen = () => { try { return localStorage.getItem(KEY); } catch (_) { return null; } };
  const current = () => {
    const pick = chosen();
    if (pick === "dark" || pick === "light") return pick;
    return system && system.matches ? "dark" : "light";
  };
  const apply = () => {
    const theme = current();
    if (document.documentElement.dataset.theme === theme) return;
    document.documentElement.dataset.theme = theme;
    window.dispatchEvent(new CustomEvent("playground-theme", { detail: theme }));
  };
  window.PlaygroundTheme = {
    /** "dark" or "light": the user's choice, else the system's. */
    current,
    /** Flips the theme and remembers the choice; returns the new theme. */
    toggle() {
      try { localStorage.setItem(KEY, current() === "dark" ? "light" : "dark"); } catch (_) { /* private mode: this page only */ }
      apply();
      return current();
    },
  };
  if (system && system.addEventListener) system.addEventListener("change", apply);
  apply();
})();

(function () {
  if (typeof Worker !== "function") return;
  try {
    const worker = new Worker("./worker_loader.js", { name: "engine-module" });
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => { event.preventDefault(); early.push(event); };
    performance.mark("worker:created");
    window.__engineBoot = { worker, early };
    // 3. The engine's wasm, fetched and compiled (off this thread) from now
    //    rather than once the worker's thread is up, then handed to the
    //    worker (static/worker_loader.js); null: the worker fetches it itself.
    const compile = typeof WebAssembly === "object" && typeof WebAssembly.compileStreaming === "function"
      ? WebAssembly.compileStreaming(fetch("./worker_bg.wasm"))
      : Promise.reject(new Error("no streaming compilation"));
    compile.then((module) => {
      // Kept for the workers the app starts later (web/src/runner.rs): they share its compiled code.
      window.__engineModule = module;
      worker.postMessage({ engineModule: module });
    }, () => worker.postMessage({ engineModule: null }));
  } catch (_) {
    // The app starts its own worker, and says why when it cannot.
  }
})();
