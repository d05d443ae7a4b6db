// Offline once loaded (public/sw.js); the page works without it too.
// Registered a while after the page has loaded, when the browser is idle:
// installing fetches and caches every asset again (about 7 MB), which must
// not compete with the page's start and the engine's first run.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => {
    const register = () => navigator.serviceWorker.register("./sw.js").catch(() => {});
    setTimeout(() => ("requestIdleCallback" in window ? requestIdleCallback(register, { timeout: 10000 }) : register()), 3000);
  });
}
