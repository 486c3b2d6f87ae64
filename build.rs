//! Embeds the rule files: every `rules/**/*.toml` is parsed here into the catalog's raw
//! mirror (a TOML syntax error, an unknown key or a wrong type fails the build, naming
//! the file, line and key), packed column-wise and LZMA-compressed into
//! `$OUT_DIR/rules.bin` (see `src/catalog/pack.rs`). The catalog layer unpacks and
//! validates it at start-up; keeping the TOML parser out of the app keeps it out of the
//! wasm, and the compressed columns are about 45% smaller than the same rules as
//! gzipped JSON (87 KB against 155 KB for the five catalogs).

use std::{env, fs, path::Path};

// The same modules the app uses, so the build and the app agree on the format.
#[path = "build/facts.rs"]
mod facts;
#[path = "src/domain/hash.rs"]
mod hash;
#[path = "src/catalog/pack.rs"]
#[allow(dead_code)]
mod pack;
#[path = "src/catalog/raw.rs"]
#[allow(dead_code)]
mod raw;

use raw::{RawFile, RawRegionFile, RawRule};

/// A rule file as the build reads it: the rules, typed at once.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rules: Vec<RawRule>,
}

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/catalog/pack.rs");
    println!("cargo:rerun-if-changed=src/catalog/raw.rs");
    println!("cargo:rerun-if-env-changed=RULES_REGIONS");
    println!("cargo:rerun-if-changed=build/facts.rs");
    println!("cargo:rerun-if-changed=src/domain/facts.rs");
    println!("cargo:rerun-if-changed=src/domain/plausible.rs");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let facts_toml = fact_table(Path::new(&out_dir));
    let mut files = Vec::new();
    // Region folders only: rules/facts.toml is the fact vocabulary, not a rule file.
    for e in fs::read_dir("rules").expect("rules/ exists").flatten() {
        if e.path().is_dir() {
            collect(&e.path(), &mut files);
        }
    }
    // While a catalog is being written, `RULES_REGIONS=haidong,qinghai` limits the bundle
    // to those region folders, so one region's unfinished file cannot break another's build.
    if let Ok(only) = env::var("RULES_REGIONS") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        files.retain(|p| {
            p.strip_prefix("rules")
                .ok()
                .and_then(|r| r.components().next())
                .is_some_and(|c| only.contains(&c.as_os_str().to_string_lossy().as_ref()))
        });
    }
    files.sort();
    let mut bundle = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let fail = |e: toml::de::Error| -> ! { panic!("{}: {e}", path.display()) };
        let name = path
            .strip_prefix("rules")
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let file = if name.ends_with("/region.toml") {
            RawFile::Region(Box::new(
                toml::from_str::<RawRegionFile>(&text).unwrap_or_else(|e| fail(e)),
            ))
        } else {
            let mut f: RulesFile = toml::from_str(&text).unwrap_or_else(|e| fail(e));
            // Worked examples are for the tests (which read rules/ from disk), not the app.
            for r in &mut f.rules {
                r.examples.clear();
            }
            RawFile::Rules(f.rules)
        };
        bundle.push((name, file));
    }
    // In the order the catalog layer sorts them (by name, not path components).
    bundle.sort_by(|a, b| a.0.cmp(&b.0));
    let mut w = pack::Writer::default();
    pack::files(&mut w, &mut bundle);
    if let Some(s) = w.bad {
        panic!("rules: a text holds a NUL character, which cannot be embedded: {s:?}");
    }
    let packed = w.finish();
    let compressed = compress(&packed);
    // Check the round trip here, so a packing bug fails the build, not the app.
    assert!(
        pack::decompress(&compressed).as_deref() == Ok(&packed[..]),
        "rules.bin does not decompress to what was packed"
    );
    let unpacked = pack::unpack(&packed).expect("rules.bin unpacks");
    assert_eq!(unpacked.len(), bundle.len(), "rules.bin unpacks every file");
    fs::write(Path::new(&out_dir).join("rules.bin"), compressed).expect("write rules.bin");
    // The rule set's version: every rule as embedded, the fact vocabulary, the code that
    // reads it and whom each fact can apply to (all change a result). Examples are not part
    // of it.
    let mut h = hash::fnv1a(hash::START, &packed);
    h = hash::fnv1a(h, &facts_toml);
    for table in ["src/domain/facts.rs", "src/domain/plausible.rs"] {
        if let Ok(text) = fs::read(table) {
            h = hash::fnv1a(h, &text);
        }
    }
    fs::write(
        Path::new(&out_dir).join("ruleset.rs"),
        format!("/// The rule set's content hash (build.rs).\npub const RULE_SET_HASH: u64 = 0x{h:016x};\n"),
    )
    .expect("write ruleset.rs");
}

/// Reads and checks rules/facts.toml, writes `$OUT_DIR/facts.rs` and `limits.rs`; returns the file's bytes
/// (part of the rule set's version).
fn fact_table(out_dir: &Path) -> Vec<u8> {
    let path = "rules/facts.toml";
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: facts::FactsFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let errors = facts::check(&file);
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
    fs::write(out_dir.join("facts.rs"), facts::generate(&file)).expect("write facts.rs");
    fs::write(out_dir.join("limits.rs"), facts::generate_limits(&file)).expect("write limits.rs");
    text.into_bytes()
}

/// LZMA with a `.lzma` header (properties, dictionary size, unpacked size). Settings
/// measured on the rules: the whole bundle in one window, longest matches, and no
/// position context (the text is UTF-8, not aligned binary data).
fn compress(data: &[u8]) -> Vec<u8> {
    use lzma_rust2::{LzmaOptions, LzmaWriter, Write};
    let mut opt = LzmaOptions::with_preset(9);
    opt.dict_size = (data.len() as u32).next_power_of_two().max(1 << 12);
    opt.nice_len = LzmaOptions::NICE_LEN_MAX;
    opt.lc = 2;
    opt.lp = 0;
    opt.pb = 0;
    let mut w = LzmaWriter::new_use_header(Vec::new(), &opt, Some(data.len() as u64))
        .expect("LZMA options are valid");
    w.write_all(data).expect("writing to memory");
    w.finish().expect("writing to memory")
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}
