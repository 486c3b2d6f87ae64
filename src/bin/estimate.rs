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
    use estimator::domain::answer::parse_yuan;
    use estimator::domain::{Date, InputError, Lang};
    use estimator::view::{self, Msg};
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
           estimate --region <id> --verify CODE [--printed-total YUAN] [--settings settings.json] <household.json | ->
                    (recomputes a printed estimate from its answers on the code's date; --printed-total is the
                     cash per year the paper shows: exit 0 if everything matches, 4 if not)
           estimate --settings settings.json   (checks a deployment's settings file)
           estimate --regions
    The household JSON format is documented in the README.";

    #[derive(Default)]
    struct Args {
        region: Option<String>,
        date: Option<String>,
        table: bool,
        lang: Lang,
        file: Option<String>,
        list: bool,
        settings: Option<String>,
        verify: Option<String>,
        printed_total: Option<String>,
    }

    /// `None` for `--help`.
    fn parse_args() -> Result<Option<Args>, lexopt::Error> {
        use lexopt::prelude::*;
        let mut a = Args::default();
        let mut p = lexopt::Parser::from_env();
        while let Some(arg) = p.next()? {
            match arg {
                Long("region") => a.region = Some(p.value()?.string()?),
                Long("date") => a.date = Some(p.value()?.string()?),
                Long("format") => {
                    a.table = match p.value()?.string()?.as_str() {
                        "json" => false,
                        "table" => true,
                        other => {
                            return Err(format!("--format: `{other}` is not json or table").into());
                        }
                    }
                }
                Long("lang") => {
                    a.lang = match p.value()?.string()?.as_str() {
                        "zh" => Lang::Zh,
                        "en" => Lang::En,
                        other => return Err(format!("--lang: `{other}` is not zh or en").into()),
                    }
                }
                Long("regions") => a.list = true,
                Long("settings") => a.settings = Some(p.value()?.string()?),
                Long("verify") => a.verify = Some(p.value()?.string()?),
                Long("printed-total") => a.printed_total = Some(p.value()?.string()?),
                Short('h') | Long("help") => return Ok(None),
                Value(f) if a.file.is_none() => a.file = Some(f.string()?),
                _ => return Err(arg.unexpected()),
            }
        }
        Ok(Some(a))
    }

    pub fn main() -> ExitCode {
        let args = match parse_args() {
            Ok(Some(a)) => a,
            Ok(None) => {
                say(USAGE);
                return ExitCode::from(2);
            }
            Err(e) => {
                say(&format!("error: {e}"));
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
                let mut out = format!("{}: {}\n", s.deployment, Msg::SettingsValid.get(args.lang));
                for (region, figures) in &s.regions {
                    for f in figures {
                        out += &format!("  {region}: {}\n", f.text("").get(args.lang));
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
        if let Some(code) = &args.verify {
            let printed_total = match args
                .printed_total
                .as_deref()
                .map(|s| parse_yuan(s, 100_000_000))
            {
                None => None,
                Some(Ok(t)) => Some(t),
                Some(Err(e)) => {
                    say(&format!("error: --printed-total: {} / {}", e.zh(), e.en()));
                    return ExitCode::from(2);
                }
            };
            let a = VerifyArgs {
                code,
                printed_total,
                region: args.region.as_deref(),
                en: args.lang == Lang::En,
                file: &file,
            };
            return verify(&a, &v, settings, catalog);
        }
        if let (Some(d), Some(o)) = (&args.date, v.as_object_mut()) {
            o.insert("date".into(), Value::String(d.clone()));
        }
        let req = api::parse_request(&v, args.region.as_deref(), catalog).map(|mut req| {
            req.settings = settings;
            req
        });
        let estimate = req.and_then(|req| api::estimate_view(catalog, &req, Date::today()));
        match estimate {
            Ok(e) if args.table => emit(&view::table::render(&e, args.lang)),
            Ok(e) => emit(&(serde_json::to_string_pretty(&e).unwrap_or_default() + "\n")),
            Err(e) => {
                say(&format!("error: {file}: {e}"));
                ExitCode::from(1)
            }
        }
    }

    /// `--verify CODE`: the estimate recomputed from the household on the code's date,
    /// compared with the printed code field by field.
    struct VerifyArgs<'a> {
        code: &'a str,
        /// The cash per year the paper shows, if the clerk gave it.
        printed_total: Option<rust_decimal::Decimal>,
        region: Option<&'a str>,
        en: bool,
        file: &'a str,
    }

    fn verify(
        a: &VerifyArgs,
        v: &Value,
        settings: Option<estimator::domain::Settings>,
        catalog: &estimator::domain::Engine,
    ) -> ExitCode {
        use estimator::domain::Lang;
        use estimator::domain::verify::{ResultCode, check_estimate};
        use estimator::view::Msg;
        use estimator::view::verdict::verdict;
        let (code, region, en, file) = (a.code, a.region, a.en, a.file);
        let printed = match ResultCode::parse(code) {
            Ok(c) => c,
            Err(e) => {
                say(&format!("error: --verify: {e}"));
                return ExitCode::from(1);
            }
        };
        let req = match api::parse_request(v, region, catalog) {
            Ok(r) => r,
            Err(e) => {
                say(&format!("error: {file}: {e}"));
                return ExitCode::from(1);
            }
        };
        let Some(region) = catalog.region(&req.region) else {
            say(&format!("error: no region `{}`", req.region));
            return ExitCode::from(1);
        };
        let rule_set = estimator::catalog::version::RULE_SET_HASH;
        let c = check_estimate(
            catalog,
            region,
            &req.household,
            settings.as_ref(),
            rule_set,
            &printed,
        );
        let lang = if en { Lang::En } else { Lang::Zh };
        let v = verdict(lang, &printed, &c, a.printed_total);
        let mut lines: Vec<Msg> = v.lines.into_iter().map(|(m, _)| m).collect();
        lines.push(Msg::ResultCode(if c.differences.none() {
            printed.to_string()
        } else {
            format!("{printed} ≠ {}", c.computed)
        }));
        lines.push(v.computed);
        let out: String = lines.iter().map(|m| format!("{}\n", m.get(lang))).collect();
        let code = emit(&out);
        if v.matches { code } else { ExitCode::from(4) }
    }
}
