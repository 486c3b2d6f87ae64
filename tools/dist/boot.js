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

// The deployment's settings (README, "Deploying for a county"): settings.json next to index.html or, inside the
// <benefit-estimator settings="…"> element's frame, the file that attribute names, which must be on this origin.
// Read once, before the app starts (the wasm downloads meanwhile), with no-cache so an edited file shows at the
// next load. A missing settings.json is fine; whatever else goes wrong is the app's to report (on screen, for the
// administrator). The request carries nothing of the resident: it is made before anything is entered.
async function deploymentSettings() {
  const asked = window.parent !== window ? new URLSearchParams(location.search).get("settings") : null;
  let url;
  try {
    url = new URL(asked ?? "./settings.json", asked ? location.href : import.meta.url);
  } catch {
    return { error: "not a URL", url: asked };
  }
  if (url.origin !== location.origin) return { error: "must be on the estimator's own origin", url: url.href };
  try {
    const res = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
    if (res.status === 404 && !asked) return null;
    if (!res.ok) return { error: `HTTP ${res.status}`, url: url.href };
    return { text: await res.text(), url: url.href };
  } catch (err) {
    // Offline with no copy kept by the service worker: no settings, as when the file is absent.
    return asked ? { error: String(err), url: url.href } : null;
  }
}
// The wasm path is relative to this file, not to the page, so the app loads wherever dist/ is hosted.
const wasmResponse = fetch(new URL("./__WASM__", import.meta.url));

// The rules of the region the app will show, fetched alongside the wasm rather than after it: the wasm holds
// only the regions' headers, each region's rules are a file of its own (with its parents'). The guess reads what
// is cheap to read, in the app's order (src/ui/persist.rs): a share link's region, else the address's ?region=,
// else the tab's saved copy, else the default. A wrong guess costs a file: the app fetches whatever else it needs
// (src/load.rs takes these promises from window.benefitEstimatorPacks, by file name). The requests name static
// files of this build and carry nothing of the resident (the link stays in the fragment, never sent).
{
  const packs = __PACKS__;
  const wanted = [];
  const asked = new URLSearchParams(location.search).get("region");
  // A share link (src/share.rs): `#v2=` + base64url of two varints (format, fact-table check), then the region
  // id's length and bytes (src/compact.rs); or the first format, `#h=` + the request as JSON.
  let linked = null;
  try {
    const v2 = /^#v2=([A-Za-z0-9_-]{8,})/.exec(location.hash)?.[1];
    if (v2) {
      const head = v2.slice(0, Math.min(v2.length - (v2.length % 4), 64));
      const b = atob(head.replaceAll("-", "+").replaceAll("_", "/"));
      let i = 0;
      for (let n = 0; n < 2; n++) while (b.charCodeAt(i++) & 0x80);
      linked = b.substr(i + 1, b.charCodeAt(i));
    } else if (location.hash.startsWith("#h=")) {
      linked = JSON.parse(decodeURIComponent(location.hash.slice(3))).region;
    }
  } catch {
    // Not a link this script can read: the app will say what is wrong with it.
  }
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(__SESSION_KEY__) ?? "null");
  } catch {
    // No storage, or a copy the app will report as damaged.
  }
  const region = [linked, asked, saved?.request?.region].find((r) => typeof r === "string" && Object.hasOwn(packs, r));
  wanted.push(region ?? __DEFAULT_REGION__);
  if (typeof saved?.compare === "string" && Object.hasOwn(packs, saved.compare)) wanted.push(saved.compare);
  const started = {};
  for (const name of wanted.flatMap((r) => packs[r] ?? [])) {
    if (started[name]) continue;
    started[name] = fetch(new URL(`./${name}`, import.meta.url));
    // Marked as handled: if it fails, the app says so (and can try again), not the console.
    started[name].catch(() => {});
  }
  window.benefitEstimatorPacks = started;
}
window.benefitEstimatorSettings = await deploymentSettings();
const wasm = await init({ module_or_path: wasmResponse });
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
