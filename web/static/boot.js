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
    const worker = new Worker("./worker_loader.js", { name: "engine-boot" });
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => { event.preventDefault(); early.push(event); };
    performance.mark("worker:created");
    window.__engineBoot = { worker, early };
    // 3. The worker fetches and compiles the engine's wasm on its own
    //    thread from the first line of its script, so the download never
    //    waits for this thread, which is busy starting the app just then.
    //    (The page fetching it earlier and streaming it to the worker
    //    measured the same, with more moving parts: BENCHMARKS.md.) The
    //    worker sends the compiled module back, for the app's later workers
    //    (web/src/runner.rs).
    const modules = new MessageChannel();
    modules.port1.onmessage = (event) => {
      window.__engineModule = event.data;
      modules.port1.close();
    };
    worker.postMessage({ modulePort: modules.port2 }, [modules.port2]);
  } catch (_) {
    // The app starts its own worker, and says why when it cannot.
  }
})();
