// Keeps the playground working offline once it has loaded: on install it
// caches the page and every asset the page names (plus the worker's files),
// and answers same-origin GETs from the network when it can (a new deploy
// shows up) and from that cache when it cannot. Nothing else is fetched:
// the playground itself never talks to a server.
const CACHE = "action-playground";
// What the page loads from script rather than naming it in its HTML (the
// worker's wasm-bindgen glue is inlined into worker_loader.js at build time).
const LOADED_BY_SCRIPT = ["worker_loader.js", "worker_bg.wasm", "editor.js", "editor-syntax.js", "editor-markdown.js"];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch("./", { cache: "no-store" });
    const html = await page.clone().text();
    await cache.put("./", page);
    const named = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
    await cache.addAll([...new Set([...named, ...LOADED_BY_SCRIPT])].map((u) => new URL(u, self.registration.scope).href));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request.mode === "navigate" ? "./" : request, copy)));
      }
      return response;
    } catch (offline) {
      const cached = await caches.match(request.mode === "navigate" ? "./" : request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
