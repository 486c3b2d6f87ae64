// Size report: raw, gzip and brotli bytes of every file in dist/, and the total.
// Uses node's own zlib (gzip level 9, brotli quality 11), so no extra tool is needed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (name.startsWith(".")) continue;
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dir);
if (files.length === 0) {
  console.error(`no files in ${dir}: build first`);
  process.exit(1);
}
const rows = files.sort().map((p) => {
  const buf = readFileSync(p);
  return {
    file: relative(dir, p),
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
// The single file is a download for computers with no server; the app never loads it, so it stays out of the total.
const SINGLE = "benefit-estimator-offline.html";
const total = rows.filter((r) => r.file !== SINGLE).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const w = Math.max(...rows.map((r) => r.file.length), 5);
console.log(`${"file".padEnd(w)} ${"raw KiB".padStart(9)} ${"gzip KiB".padStart(9)} ${"br KiB".padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(w)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${"total".padEnd(w)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}   (without ${SINGLE})`);
