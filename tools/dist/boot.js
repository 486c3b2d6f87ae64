// Starts the app. A file of its own, not Trunk's inline <script>, so the app runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline').
// tools/dist/postbuild.mjs fills in the names and saves it as boot-<hash>.js next to index.html.
import init, * as bindings from "./__GLUE__";

// Inside the <benefit-estimator> element's iframe (embed.js): once the embedding page says hello,
// tell that page, and only that origin, the app's height whenever it changes, so the iframe never scrolls.
if (window.parent !== window) {
  let started = false;
  addEventListener("message", (e) => {
    if (started || e.source !== window.parent || e.data?.type !== "benefit-estimator:hello" || e.origin === "null") return;
    started = true;
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "benefit-estimator:height", height }, e.origin);
    };
    new ResizeObserver(report).observe(document.documentElement);
    report();
  });
}

// The wasm path is relative to this file, not to the page, so the app loads wherever dist/ is hosted.
const wasm = await init({ module_or_path: new URL("./__WASM__", import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

// The service worker (sw.js) keeps the app working offline. Only in a top-level window: an embedding
// page's iframe should not install anything on the host's origin behind its back.
if (__SERVICE_WORKER__ && "serviceWorker" in navigator && window.top === window) {
  navigator.serviceWorker.register(new URL("./sw.js", import.meta.url)).catch((err) => {
    // Offline use is a bonus: the app works without it.
    console.warn("benefit-estimator: offline copy not installed:", err);
  });
}
