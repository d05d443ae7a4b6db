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
    // 3. The engine's wasm, fetched from now rather than once the worker's
    //    thread is up, and its bytes handed to the worker as they arrive (a
    //    transferred stream), which compiles them as they come: the module
    //    is ready in the worker without a turn of this thread, which is busy
    //    starting the app just then. The worker sends the module back (the
    //    app's later workers share its compiled code: web/src/runner.rs).
    //    {engineModule: null}: the worker fetches the wasm itself.
    const modules = new MessageChannel();
    modules.port1.onmessage = (event) => {
      window.__engineModule = event.data;
      modules.port1.close();
    };
    fetch("./worker_bg.wasm").then((response) => {
      if (!response.ok || !response.body) throw new Error(`worker_bg.wasm: HTTP ${response.status}`);
      worker.postMessage({ engineStream: response.body, modulePort: modules.port2 }, [response.body, modules.port2]);
    }).catch(() => worker.postMessage({ engineModule: null }));
  } catch (_) {
    // The app starts its own worker, and says why when it cannot.
  }
})();
