//! The embedded form of the rule files: `build.rs` packs the format-checked files
//! (`RawFile`) into this compact layout, compresses it with LZMA, and the app unpacks it
//! at start-up before the usual validation. `build.rs` includes this file as a module of
//! its own, so packing and unpacking are one piece of code and cannot drift apart.
//!
//! Layout: every string goes into the column of its kind (Chinese content, English
//! notes, quotes, conditions …) and everything else (counts, flags, numbers) into one
//! stream of varints. Text of one kind side by side compresses far better than rule
//! after rule, field after field: with LZMA about 45% smaller than the gzipped JSON it
//! replaces, and the app no longer needs a JSON pass over the rules.
//!
//! One traversal ([`files`]) serves both directions: the writer reads each field and the
//! reader fills it, so the order of fields is the same by construction.

use super::raw::*;

/// The columns strings are grouped in, Chinese prose first, then English, then the
/// short codes: the order measured smallest once compressed.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Col {
    Target,
    Content,
    /// Quoted words: mostly pieces of the content or target just before.
    Quote,
    /// Notes, not-resident-facing reasons and who decides a figure, Chinese …
    Note,
    Payer,
    Department,
    /// Short Chinese names: rules, areas, regions, parameters, tiers.
    Zh,
    ContentEn,
    /// … and English.
    NoteEn,
    PayerEn,
    DepartmentEn,
    /// The English names.
    En,
    /// File paths, ids and the ids that refer to them.
    Id,
    /// Conditions (`when`).
    When,
    /// Amount shapes: periods, units, figures, counts.
    Amount,
    /// Everything else: dates, item numbers, file names, titles.
    Misc,
}

const COLS: usize = Col::Misc as usize + 1;

/// One side of the traversal: the writer reads the value it is given, the reader
/// overwrites it with the next value of the stream.
pub trait Io {
    fn str(&mut self, col: Col, s: &mut String);
    fn num(&mut self, n: &mut u32);
    /// Writes `n` or reads a count.
    fn count(&mut self, n: usize) -> usize;
}

fn flag<I: Io>(io: &mut I, b: &mut bool) {
    *b = io.count(usize::from(*b)) == 1;
}

fn opt<I: Io, T: Default>(io: &mut I, v: &mut Option<T>, f: impl FnOnce(&mut I, &mut T)) {
    if io.count(usize::from(v.is_some())) == 1 {
        f(io, v.get_or_insert_with(T::default));
    } else {
        *v = None;
    }
}

fn list<I: Io, T: Default>(io: &mut I, v: &mut Vec<T>, f: impl Fn(&mut I, &mut T)) {
    let n = io.count(v.len());
    v.resize_with(n, T::default);
    for x in v {
        f(io, x);
    }
}

fn opt_str<I: Io>(io: &mut I, col: Col, v: &mut Option<String>) {
    opt(io, v, |io, s| io.str(col, s));
}

/// The traversal of a whole bundle: `(path under rules/, content)` per file.
pub fn files<I: Io>(io: &mut I, files: &mut Vec<(String, RawFile)>) {
    list(io, files, |io, (path, file)| {
        io.str(Col::Id, path);
        let is_region = io.count(usize::from(matches!(file, RawFile::Region(_)))) == 1;
        match (is_region, &mut *file) {
            (true, RawFile::Region(r)) => region_file(io, r),
            (false, RawFile::Rules(r)) => list(io, r, rule),
            // Reading: the default is `Rules(vec![])`; switch when the stream says region.
            (true, _) => {
                let mut r = RawRegionFile::default();
                region_file(io, &mut r);
                *file = RawFile::Region(Box::new(r));
            }
            (false, _) => {
                let mut r = Vec::new();
                list(io, &mut r, rule);
                *file = RawFile::Rules(r);
            }
        }
    });
}

impl Default for RawFile {
    fn default() -> Self {
        RawFile::Rules(Vec::new())
    }
}

fn region_file<I: Io>(io: &mut I, f: &mut RawRegionFile) {
    let r = &mut f.region;
    io.str(Col::Id, &mut r.id);
    io.str(Col::Zh, &mut r.zh);
    io.str(Col::En, &mut r.en);
    opt_str(io, Col::Id, &mut r.parent);
    let d = &mut f.document;
    io.str(Col::Misc, &mut d.file);
    io.str(Col::Misc, &mut d.title);
    io.str(Col::Misc, &mut d.number);
    io.str(Col::Misc, &mut d.valid_from);
    io.str(Col::Misc, &mut d.valid_to);
    list(io, &mut f.areas, |io, a| {
        io.str(Col::Id, &mut a.id);
        io.str(Col::Zh, &mut a.zh);
        io.str(Col::En, &mut a.en);
        io.num(&mut a.items);
    });
    list(io, &mut f.params, |io, p| {
        io.str(Col::Id, &mut p.id);
        io.str(Col::Zh, &mut p.zh);
        io.str(Col::En, &mut p.en);
        opt(io, &mut p.schedule, |io, s| {
            list(io, s, |io, e| {
                io.str(Col::Misc, &mut e.from);
                io.str(Col::Amount, &mut e.value);
            })
        });
        opt(io, &mut p.scaled, |io, s| {
            io.str(Col::Amount, &mut s.factor);
            io.str(Col::Id, &mut s.of);
        });
        opt(io, &mut p.source, source);
    });
    list(io, &mut f.figures, |io, g| {
        io.str(Col::Id, &mut g.fact);
        io.str(Col::Amount, &mut g.value);
        io.num(&mut g.year);
        source(io, &mut g.source);
    });
}

fn source<I: Io>(io: &mut I, s: &mut RawSource) {
    io.str(Col::Misc, &mut s.file);
    io.str(Col::Misc, &mut s.item);
    io.num(&mut s.lines[0]);
    io.num(&mut s.lines[1]);
    list(io, &mut s.quote, |io, q| io.str(Col::Quote, q));
}

/// Worked examples are not packed: they are for the tests, which read `rules/` from disk.
fn rule<I: Io>(io: &mut I, r: &mut RawRule) {
    io.str(Col::Id, &mut r.id);
    io.str(Col::Misc, &mut r.item);
    io.str(Col::Id, &mut r.area);
    io.str(Col::Zh, &mut r.zh);
    io.str(Col::En, &mut r.en);
    io.str(Col::Target, &mut r.target);
    io.str(Col::Content, &mut r.content);
    io.str(Col::ContentEn, &mut r.content_en);
    io.str(Col::Payer, &mut r.payer);
    io.str(Col::PayerEn, &mut r.payer_en);
    io.str(Col::Department, &mut r.department);
    io.str(Col::DepartmentEn, &mut r.department_en);
    opt_str(io, Col::Amount, &mut r.scope);
    opt_str(io, Col::When, &mut r.when);
    opt(io, &mut r.amount, amount);
    opt_str(io, Col::Note, &mut r.note);
    opt_str(io, Col::NoteEn, &mut r.note_en);
    opt_str(io, Col::Note, &mut r.not_resident_facing);
    opt_str(io, Col::NoteEn, &mut r.not_resident_facing_en);
    list(io, &mut r.replaces, |io, s| io.str(Col::Id, s));
    opt_str(io, Col::Misc, &mut r.valid_from);
    opt_str(io, Col::Misc, &mut r.valid_to);
    opt(io, &mut r.source, source);
}

fn amount<I: Io>(io: &mut I, a: &mut RawAmount) {
    opt_str(io, Col::Amount, &mut a.kind);
    opt_str(io, Col::Amount, &mut a.period);
    opt_str(io, Col::Amount, &mut a.per);
    opt_str(io, Col::Note, &mut a.decided_by);
    opt_str(io, Col::NoteEn, &mut a.decided_by_en);
    opt(io, &mut a.tiers, |io, ts| list(io, ts, tier));
    opt_str(io, Col::Amount, &mut a.fixed);
    opt(io, &mut a.range, range);
    opt_str(io, Col::Amount, &mut a.at_least);
    opt_str(io, Col::Amount, &mut a.up_to);
    opt_str(io, Col::Amount, &mut a.rate);
    opt_str(io, Col::Amount, &mut a.count);
    opt(io, &mut a.gap, gap);
}

fn range<I: Io>(io: &mut I, r: &mut [String; 2]) {
    io.str(Col::Amount, &mut r[0]);
    io.str(Col::Amount, &mut r[1]);
}

fn gap<I: Io>(io: &mut I, g: &mut RawGap) {
    io.str(Col::Amount, &mut g.standard);
    io.str(Col::Amount, &mut g.income);
    flag(io, &mut g.times_household);
}

fn tier<I: Io>(io: &mut I, t: &mut RawTier) {
    io.str(Col::Zh, &mut t.zh);
    io.str(Col::En, &mut t.en);
    io.str(Col::When, &mut t.when);
    opt_str(io, Col::Amount, &mut t.period);
    opt_str(io, Col::Amount, &mut t.per);
    opt_str(io, Col::Amount, &mut t.fixed);
    opt(io, &mut t.range, range);
    opt_str(io, Col::Amount, &mut t.at_least);
    opt_str(io, Col::Amount, &mut t.up_to);
    opt_str(io, Col::Amount, &mut t.rate);
    opt_str(io, Col::Amount, &mut t.count);
    opt(io, &mut t.gap, gap);
    opt_str(io, Col::Note, &mut t.decided_by);
    opt_str(io, Col::NoteEn, &mut t.decided_by_en);
}

/// Strings end in NUL inside their column; a string holding one cannot be packed.
const END: u8 = 0;

/// Packs a bundle: a varint header (lengths of the stream and of each column), then the
/// stream, then the columns. Fails on a string with a NUL in it.
pub struct Writer {
    stream: Vec<u8>,
    cols: [Vec<u8>; COLS],
    /// The first string that could not be packed.
    pub bad: Option<String>,
}

impl Default for Writer {
    fn default() -> Self {
        Writer {
            stream: Vec::new(),
            cols: std::array::from_fn(|_| Vec::new()),
            bad: None,
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

impl Io for Writer {
    fn str(&mut self, col: Col, s: &mut String) {
        if s.as_bytes().contains(&END) && self.bad.is_none() {
            self.bad = Some(s.clone());
        }
        let c = &mut self.cols[col as usize];
        c.extend_from_slice(s.as_bytes());
        c.push(END);
    }
    fn num(&mut self, n: &mut u32) {
        put_varint(&mut self.stream, u64::from(*n));
    }
    fn count(&mut self, n: usize) -> usize {
        put_varint(&mut self.stream, n as u64);
        n
    }
}

impl Writer {
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, self.stream.len() as u64);
        for c in &self.cols {
            put_varint(&mut out, c.len() as u64);
        }
        out.extend_from_slice(&self.stream);
        for c in &self.cols {
            out.extend_from_slice(c);
        }
        out
    }
}

/// Unpacks what [`Writer`] packed. Never panics on a damaged bundle: it notes the
/// damage, yields empty values from there on, and [`unpack`] reports it.
struct Reader<'a> {
    stream: &'a [u8],
    cols: [&'a str; COLS],
    damaged: bool,
}

fn get_varint(b: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&x, rest) = b.split_first()?;
        *b = rest;
        n |= u64::from(x & 0x7f) << shift;
        if x < 0x80 {
            return Some(n);
        }
    }
    None
}

impl Io for Reader<'_> {
    fn str(&mut self, col: Col, s: &mut String) {
        let c = &mut self.cols[col as usize];
        match c.split_once(char::from(END)) {
            Some((head, rest)) => {
                *s = head.to_string();
                *c = rest;
            }
            None => self.damaged = true,
        }
    }
    fn num(&mut self, n: &mut u32) {
        match get_varint(&mut self.stream).and_then(|v| u32::try_from(v).ok()) {
            Some(v) => *n = v,
            None => self.damaged = true,
        }
    }
    fn count(&mut self, _: usize) -> usize {
        // Every element takes at least one string or stream byte, so a count past what
        // is left is damage (and must not size an allocation).
        let left = self.stream.len() + self.cols.iter().map(|c| c.len()).sum::<usize>();
        match get_varint(&mut self.stream).and_then(|v| usize::try_from(v).ok()) {
            Some(n) if n <= left => n,
            _ => {
                self.damaged = true;
                0
            }
        }
    }
}

/// Unpacks an uncompressed bundle.
pub fn unpack(mut b: &[u8]) -> Result<Vec<(String, RawFile)>, &'static str> {
    const DAMAGED: &str = "the embedded rules bundle is damaged";
    let mut lens = [0usize; COLS + 1];
    for l in &mut lens {
        *l = get_varint(&mut b).ok_or(DAMAGED)? as usize;
    }
    let (stream, mut rest) = b.split_at_checked(lens[0]).ok_or(DAMAGED)?;
    let mut cols = [""; COLS];
    for (c, &l) in cols.iter_mut().zip(&lens[1..]) {
        let (head, tail) = rest.split_at_checked(l).ok_or(DAMAGED)?;
        *c = std::str::from_utf8(head).map_err(|_| DAMAGED)?;
        rest = tail;
    }
    let mut r = Reader {
        stream,
        cols,
        damaged: !rest.is_empty(),
    };
    let mut out = Vec::new();
    files(&mut r, &mut out);
    let left = !r.stream.is_empty() || r.cols.iter().any(|c| !c.is_empty());
    if r.damaged || left {
        return Err(DAMAGED);
    }
    Ok(out)
}

/// At most this much unpacked data (the rules are about 0.5 MB).
const MAX_UNPACKED: u64 = 64 << 20;

/// Decompresses the `.lzma` stream `build.rs` wrote (header: properties, dictionary
/// size, unpacked size).
pub fn decompress(b: &[u8]) -> Result<Vec<u8>, &'static str> {
    use lzma_rust2::Read;
    const BAD: &str = "the embedded rules bundle does not decompress";
    let size = b
        .get(5..13)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
        .map(u64::from_le_bytes)
        .filter(|n| *n <= MAX_UNPACKED)
        .ok_or(BAD)?;
    let mut r = lzma_rust2::LzmaReader::new_mem_limit(b, (MAX_UNPACKED >> 10) as u32, None)
        .map_err(|_| BAD)?;
    let mut out = vec![0; size as usize];
    r.read_exact(&mut out).map_err(|_| BAD)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

    fn pack(files: &mut Vec<(String, RawFile)>) -> Vec<u8> {
        let mut w = Writer::default();
        super::files(&mut w, files);
        assert!(w.bad.is_none());
        w.finish()
    }

    #[test]
    fn embedded_bundle_round_trips() {
        let packed = decompress(EMBEDDED).expect("decompresses");
        let mut files = unpack(&packed).expect("unpacks");
        assert!(files.iter().any(|(p, _)| p.ends_with("/region.toml")));
        assert!(
            files
                .iter()
                .any(|(_, f)| matches!(f, RawFile::Rules(r) if !r.is_empty()))
        );
        // Packing what was unpacked gives the same bytes: nothing lost or reordered.
        assert_eq!(pack(&mut files), packed);
    }

    #[test]
    fn damaged_bundles_are_errors_not_panics() {
        let packed = decompress(EMBEDDED).unwrap();
        let mut files = unpack(&packed).unwrap();
        // A small bundle (one region, one rule file) so every prefix can be tried.
        let region = files
            .iter()
            .position(|(p, _)| p.ends_with("/region.toml"))
            .unwrap();
        let rules = files
            .iter()
            .position(|(_, f)| matches!(f, RawFile::Rules(r) if !r.is_empty()))
            .unwrap();
        let mut small = vec![
            files.swap_remove(region.max(rules)),
            files.swap_remove(region.min(rules)),
        ];
        let small = pack(&mut small);
        assert!(unpack(&small).is_ok());
        for n in 0..small.len() {
            assert!(unpack(&small[..n]).is_err(), "prefix of {n} bytes");
        }
        let mut longer = small.clone();
        longer.push(b'x');
        assert!(unpack(&longer).is_err(), "trailing byte");
        for i in (0..small.len()).step_by(7) {
            let mut b = small.clone();
            b[i] ^= 0x5a;
            let _ = unpack(&b);
        }
        // The compressed form: cut short or flipped, never a panic.
        assert!(decompress(&EMBEDDED[..EMBEDDED.len() / 2]).is_err());
        assert!(decompress(&EMBEDDED[..10]).is_err());
        assert!(decompress(b"").is_err());
        for i in [0, 5, 12, 13, 20, 100, 1000, EMBEDDED.len() - 1] {
            let mut b = EMBEDDED.to_vec();
            b[i] ^= 0xff;
            if let Ok(d) = decompress(&b) {
                let _ = unpack(&d);
            }
        }
    }
}
