// The offline service worker of one build (written by tools/dist/postbuild.mjs for release builds).
//
// - Install: fetch this build's files, index.html included, each checked against its SRI hash, into a
//   cache named after the build. Any mismatch (say, a deploy half done) fails the install and the previous
//   version stays in charge: a cache never mixes two builds.
// - Fetch: this build's files come from that cache (app shell first, so the app opens at once and offline);
//   everything else goes to the network untouched. Nothing is ever cached at run time, so nothing a resident
//   types (it lives in the page, the URL fragment and sessionStorage, never in a request) can reach a cache.
// - Activate: take over at once and delete the caches of every other build of this scope. The new version
//   shows from the next load; a page already open keeps the files it has already loaded.
// - settings.json, the deployment's figures, is not part of a build: the site edits it in place. It is fetched from
//   the network first at every start (so an edit shows at the next load, never hidden behind the build's cache),
//   and a copy is kept only to start with the same figures offline; a 404 removes the copy. It holds the site's
//   figures, never anything a resident enters.
const BUILD = "__BUILD__";
const FILES = __FILES__;

const SCOPE = new URL(self.registration.scope);
const PREFIX = `benefit-estimator:${SCOPE.pathname}:`;
const CACHE = PREFIX + BUILD;
const PATHS = new Set(FILES.map((f) => f.path));
const SETTINGS = "settings.json";
const SETTINGS_CACHE = `${PREFIX}settings`;

/** Network first; the last copy offline; offline with no copy, a file that sets nothing (as when there is none). */
async function settings(req) {
  const store = await caches.open(SETTINGS_CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) await store.put(SETTINGS, res.clone());
    else if (res.status === 404) await store.delete(SETTINGS);
    return res;
  } catch {
    const copy = await store.match(SETTINGS);
    return copy ?? new Response('{"regions": {}}', { headers: { "content-type": "application/json" } });
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      try {
        const store = await caches.open(CACHE);
        for (const { path, integrity } of FILES) {
          // A name with a content hash can come from the HTTP cache (no second download of the wasm);
          // index.html, the manifest and the icons keep their names, so they are revalidated.
          const cache = /-[0-9a-f]{16}[._]/.test(path) ? "default" : "no-cache";
          const res = await fetch(new Request(path, { integrity, cache }));
          if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
          await store.put(path, res);
        }
        // The site's settings as they are now, for an offline start (best effort: the site may have none).
        await settings(new Request(SETTINGS, { cache: "no-cache" }));
      } catch (err) {
        await caches.delete(CACHE);
        throw err;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE && key !== SETTINGS_CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  let path = url.pathname.slice(SCOPE.pathname.length);
  if (req.mode === "navigate" && path === "") path = "index.html";
  if (path === SETTINGS) return event.respondWith(settings(req));
  if (!PATHS.has(path)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(path))
      .then((hit) => hit ?? fetch(req)),
  );
});
