//! Embeds the rule files: every `rules/**/*.toml` is parsed here (a TOML syntax error
//! fails the build, naming the file) and bundled as JSON into `$OUT_DIR/rules.json`.
//! The catalog layer validates the bundle; keeping the TOML parser out of the app
//! keeps it out of the wasm.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-env-changed=RULES_REGIONS");
    let mut files = Vec::new();
    collect(Path::new("rules"), &mut files);
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
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut json = serde_json::to_value(&value).expect("TOML values are JSON-representable");
        // Worked examples are for the tests (which read rules/ from disk), not the app.
        if let Some(rules) = json.get_mut("rules").and_then(|r| r.as_array_mut()) {
            for r in rules {
                if let Some(o) = r.as_object_mut() {
                    o.remove("examples");
                }
            }
        }
        let name = path
            .strip_prefix("rules")
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        bundle.push(serde_json::json!({ "path": name, "content": json }));
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules.json");
    fs::write(out, serde_json::to_string(&bundle).expect("serialisable"))
        .expect("write rules.json");
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
