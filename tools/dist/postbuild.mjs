// Trunk's post_build hook (see Trunk.toml): turns Trunk's output into the dist/ that ships.
//
// Every build (debug under `trunk serve`, release under `./dev build` and `./dev test`):
//   - moves Trunk's inline start-up <script> into boot-<hash>.js, loaded with an SRI hash, so the app runs
//     under a strict Content-Security-Policy (no 'unsafe-inline');
//   - writes the manifest and its icons (installable app) and embed.js (the <benefit-estimator> element);
//   - copies the rule packs build.rs wrote (rules-<region>-<hash>.bin, one per region: the wasm embeds only the
//     region headers) next to the module, and tells boot.js which files each region needs.
// Release builds also:
//   - stamp index.html with a build id and write sw.js, the service worker that precaches exactly this
//     build (debug builds get sw-retire.js instead, which removes any offline copy from the address);
//   - minify every script they ship (terser): the wasm-bindgen glue, boot, embed.js and sw.js;
//   - write benefit-estimator-offline.html: one self-contained file (styles, script and wasm inlined)
//     that works opened from disk, with no server and no network.
// Every build also writes settings.json, the deployment's figures (README, "Deploying for a county"): the file
// named by BENEFIT_ESTIMATOR_SETTINGS (`./dev build --settings FILE`, which checks it first), else one that sets
// nothing, for the site to replace. A release's single file carries that file's content built in.
// Run again on its own output it rewrites the same files, so it is idempotent.
//
// Usage: node tools/dist/postbuild.mjs [dir] [--release]. As a Trunk hook the directory, profile and
// public URL come from TRUNK_STAGING_DIR, TRUNK_PROFILE and TRUNK_PUBLIC_URL.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { iconPng } from "./icon.mjs";

export const OFFLINE_FILE = "benefit-estimator-offline.html";
const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) ?? process.env.TRUNK_STAGING_DIR;
const release = args.includes("--release") || process.env.TRUNK_PROFILE === "release";
const base = process.env.TRUNK_PUBLIC_URL ?? "./";

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}
if (!dir) fail("no directory: pass one, or run as a Trunk hook");

const sri = (buf) => "sha384-" + createHash("sha384").update(buf).digest("base64");
const shortHash = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 16);
const read = (name) => readFileSync(join(dir, name));
const write = (name, data) => writeFileSync(join(dir, name), data);
const files = () =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
const template = (name, values) => {
  let text = readFileSync(join(HERE, name), "utf8");
  for (const [key, value] of Object.entries(values)) {
    if (!text.includes(key)) fail(`${name} has no ${key}`);
    text = text.replaceAll(key, value);
  }
  return Buffer.from(text);
};

/** A release script, minified: about 4 KB gzip less over the four. The glue, boot and embed.js are ES
 * modules (their top level is their own, so it is renamed too); sw.js is a classic worker script, whose
 * top level is global and keeps its names. The glue's first comment stays: it points TypeScript at the .d.ts. */
async function minified(name, code, module) {
  if (!release) return code;
  try {
    const out = await minify(code.toString("utf8"), {
      module,
      ecma: 2020,
      compress: { passes: 2 },
      format: { comments: /@ts-self-types/ },
    });
    return Buffer.from(out.code);
  } catch (e) {
    fail(`terser could not minify ${name}: ${e.message ?? e}`);
  }
}

let html = read("index.html").toString("utf8");

// The wasm module and its wasm-bindgen JS glue. Trunk names the glue after the wasm and preloads it from
// index.html; a release build renames it (below), so the preload is what finds it, on a rerun too.
const wasms = files().filter((f) => f.endsWith("_bg.wasm"));
if (wasms.length !== 1) fail(`expected one *_bg.wasm in ${dir}, found ${wasms.length}`);
let wasmName = wasms[0];
const PRELOAD = /<link rel="modulepreload" href="([^"]*)"([^>]*?)(?: integrity="[^"]*")?(?=\s*\/?>)/g;
const local = (href) => href.replace(/^\.?\//, "");
const preloaded = [...html.matchAll(PRELOAD)].map((m) => local(m[1])).filter((f) => f.endsWith(".js"));
if (preloaded.length !== 1) fail(`expected one modulepreload of the glue in index.html, found ${preloaded.length}`);
let glueName = preloaded[0];
if (!files().includes(glueName)) fail(`${glueName}, preloaded by index.html, is missing`);

// Release: the glue minified, and the module's files (glue, wasm, .d.ts) named after what they now hold.
// Trunk's hash is of the unminified glue, so a terser upgrade alone would change the file under the same
// name, and a copy in a browser's HTTP cache would then fail its integrity check. The three keep one hash
// between them, as the README's host-page example expects. The preloads get the new names and hash.
if (release) {
  const glue = await minified(glueName, read(glueName), true);
  const stem = glueName.replace(/(?:-[0-9a-f]{16})?\.js$/, "");
  const hash = shortHash(Buffer.concat([glue, read(wasmName)]));
  const moves = [
    [glueName, `${stem}-${hash}.js`, glue],
    [wasmName, `${stem}-${hash}_bg.wasm`, null],
    [glueName.replace(/\.js$/, ".d.ts"), `${stem}-${hash}.d.ts`, null],
  ];
  for (const [from, to, data] of moves) {
    if (!files().includes(from)) continue;
    if (data) {
      write(to, data);
      if (from !== to) unlinkSync(join(dir, from));
    } else if (from !== to) renameSync(join(dir, from), join(dir, to));
    // Every href ends with the name, whatever the public URL before it.
    html = html.replaceAll(`${from}"`, `${to}"`);
  }
  [glueName, wasmName] = [moves[0][1], moves[1][1]];
  html = html.replace(PRELOAD, (whole, href, attrs) =>
    local(href) === glueName ? `<link rel="modulepreload" href="${href}"${attrs} integrity="${sri(glue)}"` : whole,
  );
}

// 0. The rule packs. build.rs writes them into its OUT_DIR (packs/, with manifest.json: each region's files, its
// parents' first); the wasm names the files it will ask for, so the build directory whose packs the wasm names
// is the one this wasm was built with (another profile's or an older build's have other hashes in their names).
const ROOT = join(HERE, "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const buildDirs = ["release", "debug"].map((p) => join(isAbsolute(targetDir) ? targetDir : join(ROOT, targetDir), "wasm32-unknown-unknown", p, "build"));
const wasmText = read(wasmName).toString("latin1");
let packs = null;
let packDir = null;
for (const b of buildDirs.filter(existsSync)) {
  for (const d of readdirSync(b).filter((d) => d.startsWith("benefit-estimator-"))) {
    const m = join(b, d, "out", "packs", "manifest.json");
    if (!existsSync(m)) continue;
    const manifest = JSON.parse(readFileSync(m, "utf8"));
    const names = [...new Set(Object.values(manifest).flat())];
    if (names.length && names.every((n) => wasmText.includes(n))) [packs, packDir] = [manifest, dirname(m)];
  }
}
if (!packs) fail(`no rule packs named by ${wasmName} under ${buildDirs.join(" or ")} (set CARGO_TARGET_DIR as for the build)`);
const packFiles = [...new Set(Object.values(packs).flat())].sort();
for (const f of files()) if (/^rules-.*\.bin$/.test(f)) unlinkSync(join(dir, f));
for (const f of packFiles) copyFileSync(join(packDir, f), join(dir, f));
// The region the app shows when nothing else says (src/ui/state.rs) and the key of its session copy
// (src/ui/persist.rs): read from the source, so boot.js guesses the region as the app will choose it.
const rustConst = (file, name) => {
  const m = readFileSync(join(ROOT, file), "utf8").match(new RegExp(`pub const ${name}: &str = ("[^"]*");`));
  if (!m) fail(`${file} has no ${name}`);
  return m[1];
};

// 1. The start-up script, external.
for (const f of files()) if (/^boot-[0-9a-f]{16}\.js$/.test(f)) unlinkSync(join(dir, f));
const boot = await minified(
  "boot.js",
  template("boot.js", {
    __GLUE__: glueName,
    __WASM__: wasmName,
    __SERVICE_WORKER__: String(release),
    __PACKS__: JSON.stringify(packs),
    __DEFAULT_REGION__: rustConst("src/ui/state.rs", "DEFAULT_REGION"),
    __SESSION_KEY__: rustConst("src/ui/persist.rs", "SESSION_KEY"),
  }),
  true,
);
const bootName = `boot-${shortHash(boot)}.js`;
write(bootName, boot);
const bootTag = `<script type="module" src="${base}${bootName}" integrity="${sri(boot)}"></script>`;
let replaced = 0;
html = html.replace(/<script type="module"([^>]*)>((?:(?!<\/script>)[\s\S])*)<\/script>/g, (whole, attrs, body) => {
  const trunkInit = !/\bsrc=/.test(attrs) && body.includes("TrunkApplicationStarted");
  const ourBoot = /\bsrc="[^"]*boot-[0-9a-f]{16}\.js"/.test(attrs);
  if (!trunkInit && !ourBoot) return whole;
  replaced++;
  return bootTag;
});
if (replaced !== 1) fail(`expected one start-up script in index.html, found ${replaced}`);

// 2. Installable: manifest and icons. The element for embedding.
copyFileSync(join(HERE, "manifest.webmanifest"), join(dir, "manifest.webmanifest"));
write("icon-192.png", iconPng(192));
write("icon-512.png", iconPng(512));
write("embed.js", await minified("embed.js", readFileSync(join(HERE, "embed.js")), true));
const settingsFile = process.env.BENEFIT_ESTIMATOR_SETTINGS;
let settingsText = null;
if (settingsFile) {
  try {
    settingsText = readFileSync(settingsFile, "utf8");
    JSON.parse(settingsText);
  } catch (e) {
    fail(`BENEFIT_ESTIMATOR_SETTINGS=${settingsFile}: ${e.message ?? e}`);
  }
}
write("settings.json", settingsText ?? '{ "schema": "benefit-settings/1", "regions": {} }\n');

if (!release) {
  copyFileSync(join(HERE, "sw-retire.js"), join(dir, "sw.js"));
  rmSync(join(dir, OFFLINE_FILE), { force: true });
  write("index.html", html);
  process.exit(0);
}

// 3. Build id and service worker. The precache is every file index.html can load: not the worker itself,
// the embedding script (for other pages) or the single file (a download).
// Nor settings.json: the site edits it in place, and the worker fetches it from the network first (sw.js).
const NOT_PRECACHED = new Set(["index.html", "sw.js", "embed.js", "settings.json", OFFLINE_FILE]);
const BUILD_META = /\n?\s*<meta name="benefit-estimator-build" content="[0-9a-f]*" \/>/;
html = html.replace(BUILD_META, "");
// Nor the TypeScript types: they are for developers, and the page never loads them.
const precache = files().filter((f) => !NOT_PRECACHED.has(f) && !f.endsWith(".d.ts"));
const id = createHash("sha256");
for (const f of precache) id.update(f).update("\0").update(read(f)).update("\0");
const build = id.update(html).digest("hex").slice(0, 16);
const charset = /<meta charset="utf-8" \/>/;
if (!charset.test(html)) fail('index.html has no <meta charset="utf-8" />');
html = html.replace(charset, (m) => `${m}\n    <meta name="benefit-estimator-build" content="${build}" />`);
write("index.html", html);
const manifest = ["index.html", ...precache].map((path) => ({ path, integrity: sri(read(path)) }));
write("sw.js", await minified("sw.js", template("sw.js", { __BUILD__: build, __FILES__: JSON.stringify(manifest) }), false));

// 4. The single file. Everything the page would fetch is inlined; what only makes sense on a server
// (manifest, preloads, service worker) is dropped. The glue module is imported from a data: URL (a page
// opened from disk may not fetch other files, not even module scripts), the wasm is base64 text.
let one = html;
const drop = (re, what) => {
  if (!re.test(one)) fail(`single file: no ${what} in index.html`);
  one = one.replace(re, "");
};
drop(/\n?\s*<link rel="manifest"[^>]*>/, "manifest link");
drop(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "preload links");
drop(/\n?\s*<script type="module" src="[^"]*boot-[0-9a-f]{16}\.js"[^>]*><\/script>/, "boot script");
one = one.replace(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g, (_, href) => {
  const css = read(href.replace(/^\.?\//, "")).toString("utf8");
  if (/<\/style/i.test(css)) fail(`${href} contains </style`);
  return `<style>\n${css}</style>`;
});
one = one.replace(/<link rel="icon" href="[^"]*"([^>]*)>/, `<link rel="icon" href="data:image/png;base64,${read("icon-192.png").toString("base64")}"$1>`);
// The settings it was built with (none unless BENEFIT_ESTIMATOR_SETTINGS was set), as the page's boot script would
// have read them: a JSON string literal, with "<" escaped so no "</script" can end the element early.
const builtIn = settingsText === null ? "null" : JSON.stringify({ text: settingsText, url: "(built in)" }).replaceAll("<", "\\u003c");
// Every region's rule pack, as bytes the app takes instead of fetching (src/load.rs).
const inlinePacks = packFiles.map((f) => `${JSON.stringify(f)}: "${read(f).toString("base64")}"`).join(",\n");
const start = `<script type="module">
window.benefitEstimatorSettings = ${builtIn};
window.benefitEstimatorPacks = Object.fromEntries(Object.entries({
${inlinePacks}
}).map(([name, b64]) => [name, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
const bindings = await import("data:text/javascript;base64,${read(glueName).toString("base64")}");
const text = atob("${read(wasmName).toString("base64")}");
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
const wasm = await bindings.default({ module_or_path: bytes });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>
`;
if (!one.includes("</body>")) fail("single file: index.html has no </body>");
one = one.replace("</body>", `${start}</body>`);
// Nothing may point at another file: it would not be there on the counter PC.
const outside = [...one.matchAll(/\b(?:src|href)="(?!data:)([^"]*)"/g)].map((m) => m[1]);
if (outside.length) fail(`single file still refers to ${outside.join(", ")}`);
write(OFFLINE_FILE, one);
console.log(`postbuild: build ${build}; ${OFFLINE_FILE} ${(Buffer.byteLength(one) / 1024).toFixed(0)} KiB`);
