// <benefit-estimator region="hebei" lang="zh"></benefit-estimator>: the estimator inside any web page.
// Load this file from wherever dist/ is hosted (any sub-path, any origin the page's CSP allows):
//   <script type="module" src="/tools/estimator/embed.js"></script>
//
// The element shows the app (index.html next to this file) in an iframe, kept in its shadow root,
// that takes the height of its content. Why an iframe rather than mounting the app in a shadow root:
// - Nothing leaks either way. A shadow root keeps selectors out but not inheritance or the host's
//   root font size (every rem), and the app itself writes document-wide state (<html lang>, the URL
//   fragment it shares a household through, print styles); in an iframe all of that stays the app's own.
// - The app runs under its own Content-Security-Policy and address, exactly as when opened directly,
//   so what the tests check on the plain app holds when embedded; the host page needs no script of ours
//   beyond this file and `frame-src` for the app's origin.
// The cost is this file's height messages: the app posts its height only to the origin that said hello.
// `region` and `lang` (zh or en) are read when the element is attached; changing them reloads the app.
// `settings` names the deployment's settings file (README, "Deploying for a county"), relative to the host page;
// it must be on the estimator's origin (the app under a strict CSP fetches nothing else).
const APP = new URL("./index.html", import.meta.url);

class BenefitEstimator extends HTMLElement {
  static observedAttributes = ["region", "lang", "settings"];
  #frame = null;
  #onMessage = (e) => {
    const frame = this.#frame;
    if (!frame || e.source !== frame.contentWindow || e.origin !== APP.origin) return;
    const { type, height } = e.data ?? {};
    if (type === "benefit-estimator:height" && Number.isFinite(height) && height >= 0) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  };

  connectedCallback() {
    if (!this.#frame) {
      const frame = document.createElement("iframe");
      frame.title = "基本公共服务测算 · Basic public services estimator";
      // Style properties, not a <style> element: a host page's strict CSP (no 'unsafe-inline') allows these.
      Object.assign(frame.style, { display: "block", width: "100%", height: "640px", border: "0" });
      frame.addEventListener("load", () => frame.contentWindow?.postMessage({ type: "benefit-estimator:hello" }, APP.origin));
      this.attachShadow({ mode: "open" }).append(frame);
      this.#frame = frame;
    }
    addEventListener("message", this.#onMessage);
    this.#load();
  }

  disconnectedCallback() {
    removeEventListener("message", this.#onMessage);
  }

  attributeChangedCallback() {
    if (this.#frame) this.#load();
  }

  #load() {
    const url = new URL(APP);
    for (const name of BenefitEstimator.observedAttributes) {
      const value = this.getAttribute(name);
      // The settings file's address is relative to the host page; the app reads it only from its own origin.
      if (value) url.searchParams.set(name, name === "settings" ? new URL(value, document.baseURI).href : value);
    }
    if (this.#frame.src !== url.href) this.#frame.src = url.href;
  }
}

if (!customElements.get("benefit-estimator")) customElements.define("benefit-estimator", BenefitEstimator);
