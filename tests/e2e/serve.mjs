// A minimal static server on 127.0.0.1 (Playwright's webServer). It serves the release build as a
// government web server would: correct MIME types, no magic.
// Usage: node serve.mjs <dir> <port> [base-path] [--csp] [--gzip] [--embedder <origin>]... [--mount <url-prefix>=<dir>]...
//   base-path   URL prefix dir is served under (default /), to check the build works under any sub-path
//   --csp       send the strict Content-Security-Policy below with every response
//   --gzip      compress text and wasm for clients that accept gzip, as any production server does
//               (the budgets measure bytes on the wire with it)
//   --embedder  another origin that may frame the app (added to the policy's frame-ancestors)
//   --mount     also serve another directory under another prefix (e.g. a host page that embeds the app)
// Also importable: serve({ mounts, port, csp }) where a mount's dir may be a function, read per request.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * No inline script or style, scripts and wasm only from the app's own origin, no third party at all,
 * and only the app's own origin may frame it (the README's policy). frame-ancestors comes last, so a
 * deployment whose embed.js is used by another site appends that site's origin: see cspFor.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; " +
  "img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

/** The strict policy with the origins of the sites that embed the app added to frame-ancestors. */
export const cspFor = (embedders = []) => [STRICT_CSP, ...embedders].join(" ");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts serving; resolves to the http.Server once it listens. mounts: [[url-prefix, dir or () => dir]]. */
export function serve({ mounts, port, csp = false, embedders = [], gzip = false }) {
  // Longest prefix first, so /gov/tools/estimator/ wins over /gov/.
  const sorted = [...mounts].sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const headers = csp ? { "content-security-policy": cspFor(embedders) } : {};
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const mount = sorted.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404, headers).end("not found");
      return;
    }
    const root = resolve(typeof mount[1] === "function" ? mount[1]() : mount[1]);
    const file = normalize(join(root, path.slice(mount[0].length) || "index.html"));
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      const s = await stat(file);
      const f = s.isDirectory() ? join(file, "index.html") : file;
      const body = await readFile(f);
      // embed.js is a module script: a page on another origin fetches it with CORS, and without
      // this header the browser refuses to run it (the README's "Embedding from another origin").
      const cors = f.endsWith("/embed.js") ? { "access-control-allow-origin": "*" } : {};
      const type = types[extname(f)] ?? "application/octet-stream";
      const compress = gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !type.startsWith("image/png");
      const enc = compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {};
      res.writeHead(200, { ...headers, ...cors, ...enc, "content-type": type, "cache-control": "no-cache" });
      res.end(compress ? gzipSync(body, { level: 9 }) : body);
    } catch {
      res.writeHead(404, headers).end("not found");
    }
  });
  return new Promise((ok) => server.listen(Number(port), "127.0.0.1", () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const positional = [];
  const mounts = [];
  let csp = false;
  let gzip = false;
  const embedders = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--csp") csp = true;
    else if (argv[i] === "--gzip") gzip = true;
    else if (argv[i] === "--embedder") embedders.push(argv[++i]);
    else if (argv[i] === "--mount") {
      const [prefix, dir] = argv[++i].split("=");
      mounts.push([prefix, dir]);
    } else positional.push(argv[i]);
  }
  const [dir = "dist", port = "4173", base = "/"] = positional;
  await serve({ mounts: [[base, dir], ...mounts], port, csp, embedders, gzip });
  console.log(`serving ${resolve(dir)} at http://127.0.0.1:${port}${base}${csp ? " with a strict CSP" : ""}`);
}
