//! Native CLI: `estimate --region hebei household.json` prints the estimate as JSON
//! (schema `benefit-estimate/2`) or, with `--format table`, as a readable summary.
//! Bad input prints a clear message and exits non-zero; it never panics.

// The CLI is native; under wasm32 (clippy --all-targets) it compiles to nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use estimator::api;
    use estimator::domain::{Date, InputError};
    use serde_json::Value;
    use std::io::{self, Read, Write};
    use std::process::ExitCode;

    /// Writes the output. A reader that went away (`estimate … | head`) ends the program
    /// quietly: `println!` would panic on the broken pipe. Any other failure to write
    /// (a full disk) is an error.
    fn emit(text: &str) -> ExitCode {
        let mut out = io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                say(&format!("error: cannot write the output: {e}"));
                ExitCode::from(1)
            }
        }
    }

    /// A message on stderr; `eprintln!` would panic if stderr is closed too.
    fn say(text: &str) {
        let _ = writeln!(io::stderr().lock(), "{text}");
    }

    const USAGE: &str = "usage: estimate --region <id> [--date YYYY-MM-DD] [--format json|table] [--lang zh|en] [--settings settings.json] <household.json | ->
           estimate --settings settings.json   (checks a deployment's settings file)
           estimate --regions
    The household JSON format is documented in the README.";

    struct Args {
        region: Option<String>,
        date: Option<String>,
        table: bool,
        en: bool,
        file: Option<String>,
        list: bool,
        settings: Option<String>,
    }

    fn parse_args() -> Result<Args, String> {
        let mut a = Args {
            region: None,
            date: None,
            table: false,
            en: false,
            file: None,
            list: false,
            settings: None,
        };
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--region" => a.region = Some(val("--region")?),
                "--date" => a.date = Some(val("--date")?),
                "--format" => match val("--format")?.as_str() {
                    "json" => a.table = false,
                    "table" => a.table = true,
                    other => return Err(format!("--format: `{other}` is not json or table")),
                },
                "--lang" => match val("--lang")?.as_str() {
                    "zh" => a.en = false,
                    "en" => a.en = true,
                    other => return Err(format!("--lang: `{other}` is not zh or en")),
                },
                "--regions" => a.list = true,
                "--settings" => a.settings = Some(val("--settings")?),
                "-h" | "--help" => return Err(String::new()),
                f if a.file.is_none() && (f == "-" || !f.starts_with('-')) => {
                    a.file = Some(f.to_string())
                }
                other => return Err(format!("unexpected argument `{other}`")),
            }
        }
        Ok(a)
    }

    pub fn main() -> ExitCode {
        let args = match parse_args() {
            Ok(a) => a,
            Err(e) => {
                if !e.is_empty() {
                    say(&format!("error: {e}"));
                }
                say(USAGE);
                return ExitCode::from(2);
            }
        };
        let catalog = match estimator::catalog::embedded() {
            Ok(c) => c,
            Err(e) => {
                say(&format!("error: the embedded rules are invalid: {e}"));
                return ExitCode::from(3);
            }
        };
        if args.list {
            let list = serde_json::to_string_pretty(&api::regions_json(catalog));
            return emit(&(list.unwrap_or_default() + "\n"));
        }
        let settings = match &args.settings {
            None => None,
            Some(path) => match std::fs::read_to_string(path) {
                Err(e) => {
                    say(&format!("error: cannot read {path}: {e}"));
                    return ExitCode::from(2);
                }
                Ok(text) => match api::parse_settings_str(&text, catalog) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        say(&format!("error: {path}: {e}"));
                        return ExitCode::from(1);
                    }
                },
            },
        };
        let Some(file) = args.file else {
            // `--settings FILE` alone checks the file and says what it sets.
            if let Some(s) = &settings {
                let mut out = format!(
                    "{}: {}\n",
                    s.deployment,
                    if args.en {
                        "settings are valid"
                    } else {
                        "设置有效"
                    }
                );
                for (region, figures) in &s.regions {
                    for f in figures {
                        let t = f.text("");
                        out += &format!("  {region}: {}\n", if args.en { t.en } else { t.zh });
                    }
                }
                return emit(&out);
            }
            say(&format!("error: no household file given\n{USAGE}"));
            return ExitCode::from(2);
        };
        // Bytes first: text that is not UTF-8 is bad input (exit 1), like bad JSON, not
        // a file that cannot be read (exit 2).
        let mut bytes = Vec::new();
        let read = if file == "-" {
            io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::read(&file).map(|b| bytes = b)
        };
        if let Err(e) = read {
            say(&format!("error: cannot read {file}: {e}"));
            return ExitCode::from(2);
        }
        let Ok(input) = String::from_utf8(bytes) else {
            say(&format!("error: {file}: not UTF-8 text"));
            return ExitCode::from(1);
        };
        let mut v: Value = match estimator::domain::json::parse(&input) {
            Ok(v) => v,
            Err(InputError::Syntax(e)) => {
                say(&format!("error: {file}: not valid JSON: {e}"));
                return ExitCode::from(1);
            }
            Err(e) => {
                say(&format!("error: {file}: {e}"));
                return ExitCode::from(1);
            }
        };
        if let (Some(d), Some(o)) = (&args.date, v.as_object_mut()) {
            o.insert("date".into(), Value::String(d.clone()));
        }
        let out = api::parse_request(&v, args.region.as_deref(), catalog).and_then(|mut req| {
            req.settings = settings;
            api::estimate(catalog, &req, Date::today())
        });
        match out {
            Ok(out) if args.table => emit(&table(&out, args.en)),
            Ok(out) => emit(&(serde_json::to_string_pretty(&out).unwrap_or_default() + "\n")),
            Err(e) => {
                say(&format!("error: {file}: {e}"));
                ExitCode::from(1)
            }
        }
    }

    fn s<'a>(v: &'a Value, path: &[&str]) -> &'a str {
        let mut cur = v;
        for p in path {
            cur = &cur[*p];
        }
        cur.as_str().unwrap_or("")
    }

    fn money(v: &Value) -> String {
        match (v["min"].as_str(), v["max"].as_str()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("≥{a}"),
            _ => "?".into(),
        }
    }

    /// A readable summary of an estimate (the JSON stays the contract; this is for people).
    fn table(out: &Value, en: bool) -> String {
        let l = if en { "en" } else { "zh" };
        let mut t = String::new();
        t += &format!(
            "{} — {}\n",
            s(out, &["region", "name", l]),
            s(out, &["date"])
        );
        for d in out["documents"].as_array().into_iter().flatten() {
            let dated = if d["dated"].as_bool() == Some(true) {
                if en {
                    "  [dated: the standard's period has ended; its last amounts are used]"
                } else {
                    "  【标准已过期限，按其最后标准估算】"
                }
            } else {
                ""
            };
            t += &format!(
                "  {} ({}–{}){dated}\n",
                s(d, &["title"]),
                s(d, &["valid_from"]),
                s(d, &["valid_to"])
            );
        }
        let tot = &out["totals"]["household"];
        t += &format!(
            "\n{}: {} / {}, {} {}\n",
            if en { "Cash per year" } else { "每年现金" },
            money(&tot["yearly"]),
            if en { "year" } else { "年" },
            tot["in_kind"],
            if en { "services in kind" } else { "项服务" }
        );
        // Fees waived are worth money but pay none: never in the cash line.
        if tot["waived"].as_u64().unwrap_or(0) > 0 {
            t += &format!(
                "{}: {} / {}\n",
                if en {
                    "Fees waived per year (not cash)"
                } else {
                    "每年减免费用（非现金）"
                },
                money(&tot["waived_yearly"]),
                if en { "year" } else { "年" },
            );
        }
        // Figures that answered a fact nobody entered: the deployment's, or the document's own.
        for f in out["figures"].as_array().into_iter().flatten() {
            t += &format!("{}\n", s(f, &[l]));
        }
        let results = out["results"].as_array().cloned().unwrap_or_default();
        // What a rule is (name, universal…) is in `rules`, once per rule (schema 2).
        let rules: std::collections::HashMap<&str, &Value> = out["rules"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| (s(r, &["rule"]), r))
            .collect();
        let rule = |r: &Value| rules.get(s(r, &["rule"])).copied().unwrap_or(&Value::Null);
        for (title, status) in [
            (if en { "Eligible" } else { "可享受" }, "yes"),
            (
                if en {
                    "Needs answers"
                } else {
                    "需补充信息"
                },
                "unknown",
            ),
        ] {
            t += &format!("\n## {title}\n");
            for r in results
                .iter()
                .filter(|r| r["status"] == status && rule(r)["universal"] != true)
            {
                let who = r["member"]
                    .as_u64()
                    .map(|m| format!("#{}", m + 1))
                    .unwrap_or_else(|| {
                        if en {
                            "household".into()
                        } else {
                            "家庭".into()
                        }
                    });
                let cash = match &r["cash"] {
                    Value::Null => String::new(),
                    c if c["stated"].is_null() => format!(
                        "  {}",
                        if en {
                            "(amount needs answers)"
                        } else {
                            "（金额待定）"
                        }
                    ),
                    c => format!(
                        "  {}{} {}/{}",
                        match (c["paid"] == "waived", en) {
                            (true, true) => "fees waived: ",
                            (true, false) => "减免 ",
                            _ => "",
                        },
                        money(&c["stated"]),
                        if en { "yuan" } else { "元" },
                        s(c, &["period"])
                    ),
                };
                let missing = if status == "unknown" {
                    format!(
                        "  ← {}",
                        r["missing"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    String::new()
                };
                t += &format!(
                    "- [{}] {} ({}){cash}{missing}\n",
                    s(r, &["rule"]),
                    s(rule(r), &["name", l]),
                    who
                );
            }
        }
        let universal = results
            .iter()
            .filter(|r| rule(r)["universal"] == true && r["status"] == "yes")
            .count();
        t += &format!(
            "\n{} {}\n",
            universal,
            if en {
                "services open to all residents"
            } else {
                "项面向全体居民的服务"
            }
        );
        let misses: Vec<_> = results
            .iter()
            .filter(|r| !r["near_miss"].is_null())
            .collect();
        if !misses.is_empty() {
            t += &format!(
                "\n## {}\n",
                if en {
                    "Near misses"
                } else {
                    "差一点就能享受"
                }
            );
            for r in misses {
                t += &format!(
                    "- {}: {}\n",
                    s(rule(r), &["name", l]),
                    s(r, &["near_miss", l])
                );
            }
        }
        t
    }
}
