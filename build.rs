//! Embeds the rule files: every `rules/**/*.toml` is parsed here into the catalog's raw
//! mirror (a TOML syntax error, an unknown key or a wrong type fails the build, naming
//! the file, line and key), packed column-wise and LZMA-compressed into
//! `$OUT_DIR/rules.bin` (see `src/catalog/pack.rs`). The catalog layer unpacks and
//! validates it at start-up; keeping the TOML parser out of the app keeps it out of the
//! wasm, and the compressed columns are about 45% smaller than the same rules as
//! gzipped JSON (87 KB against 155 KB for the five catalogs).
//!
//! Native builds embed them all (`rules.bin`); the browser's build embeds only the
//! region headers (`index.bin`) and fetches each region's rules as a pack of its own when
//! the region is chosen (`packs/`, see [`split`] and `src/catalog/packs.rs`).

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
    let out = Path::new(&out_dir);
    let packed = pack_checked(&mut bundle);
    // Native builds (CLI, tests, benches) embed every region: rules.bin.
    fs::write(out.join("rules.bin"), compress_checked(&packed)).expect("write rules.bin");
    split(bundle, out);
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

/// Packs format-checked files, checking the packing round-trips.
fn pack_checked(files: &mut Vec<(String, RawFile)>) -> Vec<u8> {
    let mut w = pack::Writer::default();
    pack::files(&mut w, files);
    if let Some(s) = w.bad {
        panic!("rules: a text holds a NUL character, which cannot be embedded: {s:?}");
    }
    let packed = w.finish();
    let unpacked = pack::unpack(&packed).expect("the packed rules unpack");
    assert_eq!(
        unpacked.len(),
        files.len(),
        "the packed rules unpack every file"
    );
    packed
}

/// LZMA, checking the round trip here, so a packing bug fails the build, not the app.
fn compress_checked(packed: &[u8]) -> Vec<u8> {
    let compressed = compress(packed);
    assert!(
        pack::decompress(&compressed).as_deref() == Ok(packed),
        "the compressed rules do not decompress to what was packed"
    );
    compressed
}

/// The browser's form of the rules (`src/catalog/packs.rs`): `index.bin`, every region's
/// `region.toml` (embedded in the wasm, so the pickers list every region at once), and per
/// region folder `packs/rules-<id>-<hash>.bin`, its rule files, which the app fetches when
/// the region is chosen. The hash is FNV-1a of the file's bytes, so a name is never reused
/// for other content and the app can check what it was given. Also `packs.rs` (each
/// region's file name, for the app) and `packs/manifest.json` (each region's files, its
/// parents' first, for tools/dist/postbuild.mjs and the start-up script).
fn split(bundle: Vec<(String, RawFile)>, out: &Path) {
    let (mut headers, mut rules): (Vec<_>, Vec<_>) = bundle
        .into_iter()
        .partition(|(p, _)| p.ends_with("/region.toml"));
    let parents: Vec<(String, Option<String>)> = headers
        .iter()
        .map(|(p, f)| {
            let RawFile::Region(r) = f else {
                unreachable!()
            };
            let id = p.trim_end_matches("/region.toml").to_string();
            (id, r.region.parent.clone())
        })
        .collect();
    let index = compress_checked(&pack_checked(&mut headers));
    fs::write(out.join("index.bin"), index).expect("write index.bin");
    let dir = out.join("packs");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create packs/");
    let mut names = Vec::new();
    for (id, _) in &parents {
        let prefix = format!("{id}/");
        let mut files: Vec<(String, RawFile)> = Vec::new();
        rules.retain_mut(|(p, f)| {
            if p.starts_with(&prefix) {
                files.push((std::mem::take(p), std::mem::take(f)));
                false
            } else {
                true
            }
        });
        let bytes = compress_checked(&pack_checked(&mut files));
        let name = format!("rules-{id}-{:016x}.bin", hash::fnv1a(hash::START, &bytes));
        fs::write(dir.join(&name), bytes).expect("write a region's pack");
        names.push((id.clone(), name));
    }
    assert!(rules.is_empty(), "rule files outside a region folder");
    let name_of = |id: &str| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.as_str());
    let mut manifest = serde_json::Map::new();
    for (id, _) in &parents {
        // The region's chain, root first: a region's rules need its parents'.
        let mut chain = vec![name_of(id).expect("a pack per region").to_string()];
        let mut at = id.as_str();
        while let Some(Some(p)) = parents.iter().find(|(i, _)| i == at).map(|(_, p)| p) {
            if chain.len() > 8 {
                break;
            }
            let Some(n) = name_of(p) else { break };
            chain.insert(0, n.to_string());
            at = p;
        }
        manifest.insert(id.clone(), chain.into());
    }
    fs::write(
        dir.join("manifest.json"),
        serde_json::to_string_pretty(&manifest).expect("JSON"),
    )
    .expect("write packs/manifest.json");
    let mut rs = String::from(
        "/// Each region's pack, as `build.rs` named it: (region id, file name).\npub const PACKS: &[(&str, &str)] = &[\n",
    );
    for (id, n) in &names {
        rs += &format!("    ({id:?}, {n:?}),\n");
    }
    rs += "];\n";
    fs::write(out.join("packs.rs"), rs).expect("write packs.rs");
    // For the browser tests (tests/web.rs), which have no server to fetch packs from.
    let mut all = String::from(
        "/// Every pack's name and bytes (build.rs).\npub const ALL_PACKS: &[(&str, &[u8])] = &[\n",
    );
    for (_, n) in &names {
        all += &format!(
            "    ({n:?}, include_bytes!({:?})),\n",
            dir.join(n).display().to_string()
        );
    }
    all += "];\n";
    fs::write(out.join("all_packs.rs"), all).expect("write all_packs.rs");
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
