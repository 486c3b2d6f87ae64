//! The rules as the browser gets them (issue 24: a first visit downloads one region's
//! rules, not five). `build.rs` splits the rule files in two:
//!
//! - [`INDEX`], every region's `region.toml` (names, parents, documents, areas,
//!   parameters), embedded in the wasm: every region is listed at once;
//! - one pack per region folder, its rule files, a file of its own next to the app
//!   (`rules-<id>-<hash>.bin`, named in [`PACKS`]), fetched when the region is chosen.
//!
//! A [`Packs`] is the index and the packs added so far; adding packs validates them with
//! the rest (errors named file, rule, field, as everywhere in the catalog layer) and
//! yields a new [`Engine`] over every region's header and the rules of the loaded ones. A
//! region is loaded once its pack and its parents' are in. Native builds embed every rule
//! (`catalog::embedded`) and use this only in tests.

use super::{CatalogError, assemble, loc, pack, raw::RawFile};
use crate::domain::engine::Engine;
use crate::domain::hash;

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// Every region's `region.toml`, packed and compressed as the packs are.
pub const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The file name of `region`'s own pack (not its parents').
pub fn file_of(region: &str) -> Option<&'static str> {
    PACKS.iter().find(|(id, _)| *id == region).map(|(_, f)| *f)
}

fn region_of(file: &str) -> Option<&'static str> {
    PACKS.iter().find(|(_, f)| *f == file).map(|(id, _)| *id)
}

/// The index and the packs added to it.
pub struct Packs {
    /// The index, unpacked (not yet validated).
    index: Vec<u8>,
    /// Each region's parent, from the index.
    parents: Vec<(String, Option<String>)>,
    /// The packs added, unpacked: (region, bytes).
    loaded: Vec<(&'static str, Vec<u8>)>,
    engine: &'static Engine,
}

fn layout(file: &str, detail: impl Into<String>) -> CatalogError {
    CatalogError::Layout {
        at: loc(file, None, ""),
        detail: detail.into(),
    }
}

impl Packs {
    /// The index alone: every region listed, none loaded.
    pub fn new() -> Result<Packs, CatalogError> {
        let index = pack::decompress(INDEX).map_err(|d| layout("index.bin", d))?;
        let files = pack::unpack(&index).map_err(|d| layout("index.bin", d))?;
        let mut parents = Vec::new();
        for (path, f) in &files {
            match f {
                RawFile::Region(r) => parents.push((r.region.id.clone(), r.region.parent.clone())),
                RawFile::Rules(_) => {
                    return Err(layout(path, "the index holds only region.toml files"));
                }
            }
        }
        let engine = Engine::new(assemble(files)?.catalog);
        Ok(Packs {
            index,
            parents,
            loaded: Vec::new(),
            engine: Box::leak(Box::new(engine)),
        })
    }

    /// The engine over every region's header and the loaded regions' rules.
    pub fn engine(&self) -> &'static Engine {
        self.engine
    }

    fn parent(&self, region: &str) -> Option<&str> {
        self.parents
            .iter()
            .find(|(id, _)| id == region)
            .and_then(|(_, p)| p.as_deref())
    }

    /// `region` and its parents, the root first (`None` for an unknown region).
    fn chain(&self, region: &str) -> Option<Vec<&'static str>> {
        let mut chain = Vec::new();
        let mut at = Some(region);
        while let Some(r) = at {
            let (id, _) = PACKS.iter().find(|(id, _)| *id == r)?;
            if chain.contains(id) || chain.len() > 8 {
                return None;
            }
            chain.insert(0, *id);
            at = self.parent(r);
        }
        Some(chain)
    }

    /// Whether `region`'s rules (its own and its parents') are in.
    pub fn is_loaded(&self, region: &str) -> bool {
        self.chain(region)
            .is_some_and(|c| c.iter().all(|r| self.loaded.iter().any(|(l, _)| l == r)))
    }

    /// The files still to fetch for `region`, its parents' first; empty once it is loaded,
    /// `None` for a region the index does not list.
    pub fn missing(&self, region: &str) -> Option<Vec<&'static str>> {
        Some(
            self.chain(region)?
                .into_iter()
                .filter(|r| !self.loaded.iter().any(|(l, _)| l == r))
                .filter_map(file_of)
                .collect(),
        )
    }

    /// Adds packs (`(file name, bytes as fetched)`), validating them with everything
    /// loaded before: the new engine, or why not (and nothing changes). A pack must be one
    /// this build named, hold exactly what its name's hash says, and hold rule files of its
    /// own region only; a region's parents must be loaded or added with it.
    pub fn add(&mut self, packs: &[(&str, &[u8])]) -> Result<&'static Engine, CatalogError> {
        let mut added: Vec<(&'static str, Vec<u8>)> = Vec::new();
        for &(name, bytes) in packs {
            let region =
                region_of(name).ok_or_else(|| layout(name, "not a rule pack of this build"))?;
            let want = name
                .strip_suffix(".bin")
                .and_then(|n| n.rsplit_once('-'))
                .and_then(|(_, h)| u64::from_str_radix(h, 16).ok());
            if want != Some(hash::fnv1a(hash::START, bytes)) {
                return Err(layout(
                    name,
                    "the file is not the one this build made (damaged, cut short, or from another build)",
                ));
            }
            let unpacked = pack::decompress(bytes).map_err(|d| layout(name, d))?;
            for (path, f) in pack::unpack(&unpacked).map_err(|d| layout(name, d))? {
                if !path
                    .strip_prefix(region)
                    .is_some_and(|p| p.starts_with('/'))
                    || matches!(f, RawFile::Region(_))
                {
                    return Err(layout(
                        &path,
                        format!("`{name}` may hold only rule files of `{region}`"),
                    ));
                }
            }
            if !self.loaded.iter().chain(&added).any(|(r, _)| *r == region) {
                added.push((region, unpacked));
            }
        }
        if added.is_empty() {
            return Ok(self.engine);
        }
        let have = |r: &str| self.loaded.iter().chain(&added).any(|(l, _)| *l == r);
        for (r, _) in &added {
            let mut at = self.parent(r);
            while let Some(p) = at {
                if !have(p) {
                    return Err(CatalogError::Unknown {
                        at: loc(&format!("{r}/region.toml"), None, "region.parent"),
                        what: "loaded region (add its parent's pack with it)",
                        name: p.to_string(),
                    });
                }
                at = self.parent(p);
            }
        }
        let mut files = pack::unpack(&self.index).map_err(|d| layout("index.bin", d))?;
        for (_, b) in self.loaded.iter().chain(&added) {
            // Checked above (added) or when it was added (loaded). Each put in path order, as
            // `assemble` wants them (a few dozen files; no sort instantiation in the wasm).
            for f in pack::unpack(b).map_err(|d| layout("pack", d))? {
                let at = files.partition_point(|x| x.0 < f.0);
                files.insert(at, f);
            }
        }
        let engine = Engine::new(assemble(files)?.catalog);
        self.loaded.append(&mut added);
        self.engine = Box::leak(Box::new(engine));
        Ok(self.engine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(region: &str) -> (&'static str, Vec<u8>) {
        let name = file_of(region).unwrap();
        let path = std::path::Path::new(env!("OUT_DIR"))
            .join("packs")
            .join(name);
        (name, std::fs::read(path).unwrap())
    }

    #[test]
    fn the_index_lists_every_region_and_loads_none() {
        let p = Packs::new().unwrap();
        assert_eq!(p.engine().regions.len(), PACKS.len());
        for (id, _) in PACKS {
            assert!(!p.is_loaded(id));
            assert!(p.engine().region(id).unwrap().rules.is_empty());
        }
        assert_eq!(p.missing("nowhere"), None);
    }

    #[test]
    fn a_region_loads_with_its_parents_and_matches_the_embedded_catalog() {
        let full = super::super::embedded().unwrap();
        let mut p = Packs::new().unwrap();
        let child = PACKS
            .iter()
            .map(|(id, _)| *id)
            .find(|id| p.parent(id).is_some())
            .expect("a region with a parent");
        let parent = p.parent(child).unwrap().to_string();
        let want = p.missing(child).unwrap();
        assert_eq!(
            want,
            vec![file_of(&parent).unwrap(), file_of(child).unwrap()]
        );
        // The child alone is refused, naming the missing parent; nothing changes.
        let (cn, cb) = file(child);
        let e = p.add(&[(cn, &cb)]).unwrap_err();
        assert!(e.to_string().contains(&parent), "{e}");
        assert!(!p.is_loaded(child));
        let (pn, pb) = file(&parent);
        let engine = p.add(&[(pn, &pb), (cn, &cb)]).unwrap();
        assert!(p.is_loaded(child) && p.is_loaded(&parent));
        assert_eq!(p.missing(child), Some(vec![]));
        for r in [child, parent.as_str()] {
            assert_eq!(engine.region(r), full.region(r), "{r}");
        }
        // Adding the rest one by one gives the embedded catalog.
        for (id, _) in PACKS {
            let (n, b) = file(id);
            p.add(&[(n, &b)]).unwrap();
        }
        assert_eq!(p.engine().catalog(), full.catalog());
    }

    #[test]
    fn a_bad_pack_is_an_error_naming_it_and_changes_nothing() {
        let mut p = Packs::new().unwrap();
        let root = PACKS
            .iter()
            .map(|(id, _)| *id)
            .find(|id| p.parent(id).is_none())
            .unwrap();
        let (name, bytes) = file(root);
        let before = p.engine();
        let cut = &bytes[..bytes.len() / 2];
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        for (n, b) in [
            ("rules-nowhere-0000000000000000.bin", &bytes[..]),
            (name, cut),
            (name, &flipped[..]),
            (name, b"<!doctype html>"),
        ] {
            let e = p.add(&[(n, b)]).unwrap_err();
            assert_eq!(e.location().file, n, "{e}");
        }
        // Another region's pack under this one's name fails the hash.
        let other = PACKS.iter().find(|(id, _)| *id != root).unwrap().0;
        let (_, ob) = file(other);
        assert!(p.add(&[(name, &ob)]).is_err());
        assert!(std::ptr::eq(p.engine(), before));
        assert!(!p.is_loaded(root));
        p.add(&[(name, &bytes)]).unwrap();
        assert!(p.is_loaded(root));
    }
}
