// The service worker of a debug build (trunk serve): it removes itself and every cache of this scope, so an
// offline copy of a release build served earlier on the same address cannot hide the live-reloading app.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const prefix = `benefit-estimator:${new URL(self.registration.scope).pathname}:`;
      for (const key of await caches.keys()) if (key.startsWith(prefix)) await caches.delete(key);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })(),
  );
});
