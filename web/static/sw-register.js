// Offline once loaded (public/sw.js); the page works without it too.
if ("serviceWorker" in navigator) addEventListener("load", () => navigator.serviceWorker.register("./sw.js").catch(() => {}));
