// Size report: raw, gzip and brotli bytes of every file in dist/, and the total.
// Uses node's own zlib (gzip level 9, brotli quality 11), so no extra tool is needed.
//
// What a resident waits for is budgeted in .ci/ui-budgets.mjs (issue 24: the bytes of a
// first visit, per region, enforced there). This report covers the whole dist (the
// offline single file aside) so that nothing grows unnoticed: it writes the figures to
// target/size-report.json, compares them with the committed .ci/size-report.json (the last
// recorded release), and fails when the dist is more than GROWTH_LIMIT_BYTES gzip over it.
// Growth on purpose is recorded with `--record "what grew"`, which rewrites the committed
// file and appends a line to its `history` (date, what, wasm and total gzip), so the cost
// of each feature stays on record. SIZE_BASELINE=<file> compares against another report.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

// Slack for what differs between machines with the same sources (e.g. the length of the
// dependency paths in panic messages): well under 1 KB.
const GROWTH_LIMIT_BYTES = 2048;

const args = process.argv.slice(2);
const recordAt = args.indexOf("--record");
const record = recordAt >= 0;
// `--record "what grew"`: the note of the history line (the word after --record, if not a flag).
const note = record && args[recordAt + 1] && !args[recordAt + 1].startsWith("--") ? args[recordAt + 1] : "";
const dir = args.find((a, i) => !a.startsWith("--") && !(record && i === recordAt + 1)) ?? "dist";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const recordPath = join(root, ".ci", "size-report.json");
const baselinePath = process.env.SIZE_BASELINE || recordPath;
const outPath = join(root, "target", "size-report.json");

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
// Hashed names change every build; the kind of file is what compares across builds.
const kind = (f) => f.replace(/-[0-9a-f]{16}(?=[._])/, "");
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
const counted = (r) => r.file !== SINGLE;
const total = rows.filter(counted).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// The baseline is also the ceiling, so an unreadable one fails the report instead of switching the ceiling
// off; only --record (which rewrites it) may go on without it. A missing committed file is a first run.
let baseline = null;
if (process.env.SIZE_BASELINE && !existsSync(baselinePath)) {
  console.error(`SIZE_BASELINE=${baselinePath}: no such file`);
  process.exit(1);
}
if (existsSync(baselinePath)) {
  try {
    baseline = JSON.parse(readFileSync(baselinePath, "utf8"));
    if (!Number.isInteger(baseline?.total?.gzip)) throw new Error("it has no total.gzip");
  } catch (e) {
    console.error(`${relative(root, baselinePath)} cannot be read: ${e.message}`);
    if (!record) process.exit(1);
    baseline = null;
  }
}
const before = new Map((baseline?.files ?? []).map((r) => [r.kind, r]));
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const delta = (now, was) => (was === undefined ? "" : `${now - was >= 0 ? "+" : ""}${((now - was) / 1024).toFixed(1)}`.padStart(9));
const w = Math.max(...rows.map((r) => r.file.length), 5);
const head = `${"file".padEnd(w)} ${"raw KiB".padStart(9)} ${"gzip KiB".padStart(9)} ${"br KiB".padStart(9)}`;
console.log(baseline ? `${head} ${"Δgzip".padStart(9)}  (Δ against ${relative(root, baselinePath)})` : head);
for (const r of rows) console.log(`${r.file.padEnd(w)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)} ${delta(r.gzip, before.get(kind(r.file))?.gzip)}`);
console.log(`${"total".padEnd(w)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)} ${delta(total.gzip, baseline?.total?.gzip)}   (without ${SINGLE})`);
console.log(`total gzip: ${total.gzip} bytes (${(total.gzip / 1000).toFixed(1)} kB, ${(total.gzip / 1024).toFixed(1)} KiB); what a first visit downloads is budgeted in .ci/ui-budgets.mjs`);

const wasmGzip = rows.find((r) => r.file.endsWith("_bg.wasm"))?.gzip ?? 0;
const history = [...(baseline?.history ?? [])];
if (record) history.push({ date: new Date().toISOString().slice(0, 10), what: note || "recorded", wasm_gzip: wasmGzip, total_gzip: total.gzip });
const report = {
  total,
  files: rows.map((r) => ({ kind: kind(r.file), ...r, in_total: counted(r) })),
  history,
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(report, null, 2) + "\n");
if (record) {
  writeFileSync(recordPath, JSON.stringify(report, null, 2) + "\n");
  console.log(`recorded in ${relative(root, recordPath)}`);
}

const grown = baseline?.total?.gzip === undefined ? 0 : total.gzip - baseline.total.gzip;
if (!record && grown > GROWTH_LIMIT_BYTES) {
  console.error(
    `the dist grew by ${grown} bytes gzip over the recorded release in ${relative(root, baselinePath)} ` +
      `(${baseline.total.gzip} → ${total.gzip}; at most ${GROWTH_LIMIT_BYTES} allowed). ` +
      "See the Δ column, and `./dev size-breakdown` for which code. If the growth is wanted, record it with what grew: " +
      'node .ci/size-report.mjs dist --record "what grew"',
  );
  process.exit(1);
}
