// Where the wasm's bytes go: reads a release wasm that still has its name section (see `./dev size-breakdown`)
// and prints the gzip size of its code and data, the code per crate and the largest functions.
// This is what the size report's Δ column cannot say: which code grew.
//
// Usage: node tools/size/breakdown.mjs <file.wasm> [--top N] [--blob rules.bin]
// --blob: an embedded file (build.rs's LZMA-packed rules) to report apart from the rest of the data.
// Sizes per crate and function are raw bytes of function bodies (gzip does not split by function);
// a generic function counts for the crate that defines it, whoever instantiates it.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--top", "--blob"].includes(args[i - 1]));
const topAt = args.indexOf("--top");
const TOP = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const blobAt = args.indexOf("--blob");
const blobFile = blobAt >= 0 ? args[blobAt + 1] : null;
if (!file || !Number.isInteger(TOP) || TOP < 1 || (blobAt >= 0 && !blobFile)) {
  console.error("usage: node tools/size/breakdown.mjs <file.wasm> [--top N] [--blob rules.bin]");
  process.exit(2);
}
const blob = blobFile ? readFileSync(blobFile) : null;
const wasm = readFileSync(file);
if (wasm.readUInt32LE(0) !== 0x6d736100) {
  console.error(`${file}: not a wasm module`);
  process.exit(1);
}

let pos = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const name = () => {
  const n = leb();
  const s = wasm.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};

const sections = [];
let importedFuncs = 0;
let bodies = [];
const names = new Map();
while (pos < wasm.length) {
  const id = wasm[pos++];
  const size = leb();
  const start = pos;
  const end = start + size;
  let label = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"][id] ?? `#${id}`;
  if (id === 0) {
    label = `custom "${name()}"`;
    if (label === 'custom "name"') {
      while (pos < end) {
        const sub = wasm[pos++];
        const subEnd = leb() + pos;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = wasm[pos++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      } else {
        pos++;
        leb();
      }
    }
  } else if (id === 10) {
    bodies = [];
    for (let n = leb(); n > 0; n--) {
      const len = leb();
      bodies.push(len);
      pos += len;
    }
  }
  sections.push({ label, bytes: wasm.subarray(start, end) });
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build it with names kept (./dev size-breakdown does)`);
  process.exit(1);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${file}: ${kb(wasm.length)} KiB raw`);
console.log(`${"section".padEnd(24)} ${"raw KiB".padStart(8)} ${"gzip KiB".padStart(8)}`);
for (const s of sections.filter((s) => !s.label.startsWith("custom") && s.bytes.length > 1024)) {
  console.log(`${s.label.padEnd(24)} ${kb(s.bytes.length)} ${kb(gz(s.bytes))}`);
  const at = s.label === "data" && blob ? s.bytes.indexOf(blob) : -1;
  if (at >= 0) {
    const rest = Buffer.concat([s.bytes.subarray(0, at), s.bytes.subarray(at + blob.length)]);
    console.log(`${"  the --blob file".padEnd(24)} ${kb(blob.length)} ${kb(gz(blob))}`);
    console.log(`${"  the rest".padEnd(24)} ${kb(rest.length)} ${kb(gz(rest))}`);
  } else if (s.label === "data" && blob) console.log("  (the --blob file is not in the data section)");
}

// The crate of a demangled name: the first path segment, looking through `<`, `&`, `impl` and `dyn`;
// for `<T as Trait>::f` with a bare type parameter, the trait's crate. The app's own crate is split by
// module (estimator::ui, ::domain, ::catalog, ...), which is where a change usually is.
const crateOf = (n) => {
  const blanket = /^<[A-Za-z_][A-Za-z0-9_]* as (.*)$/.exec(n);
  if (blanket) n = blanket[1];
  const m = /^(?:[<&*(\s]|mut |const |impl |dyn )*([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::(?:([a-z_][a-z0-9_]*)::)?/.exec(n);
  if (!m) return "(other)";
  return m[1] === "estimator" && m[2] ? `estimator::${m[2]}` : m[1];
};
const tidy = (n) => n.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]+\]/g, "");
const perCrate = new Map();
const perFn = new Map();
bodies.forEach((len, i) => {
  const n = tidy(names.get(importedFuncs + i) ?? `func ${importedFuncs + i}`);
  const c = crateOf(n);
  perCrate.set(c, (perCrate.get(c) ?? 0) + len);
  perFn.set(n, (perFn.get(n) ?? 0) + len);
});
const code = bodies.reduce((a, b) => a + b, 0);
const table = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${kb(v)} KiB ${((100 * v) / code).toFixed(1).padStart(5)} %  ${k.length > 110 ? k.slice(0, 107) + "..." : k}`);
};
table(`code per crate (raw function bodies, ${(code / 1024).toFixed(1)} KiB in all)`, perCrate);
table("largest functions (same name summed over instances)", perFn);
