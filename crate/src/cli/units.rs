//! `test`'s unit of work: a scenario file, or one of its cases, with an
//! `expect` to check; and `--shard i/n`, the deterministic slice of them
//! one CI machine runs.

use action_playground::Scenario;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One thing `test` checks (a file that cannot be read or is invalid is a
/// unit too: it is reported, in its place, as INVALID).
pub struct Unit {
    pub file: PathBuf,
    pub case: Option<String>,
    /// The scenario's name (or the file's path), `› case` when a case.
    pub label: String,
    pub work: Result<Scenario, String>,
}

/// Every unit with an `expect` in the scenario files under `paths`, in
/// path order (folders walked in name order), cases in file order.
pub fn collect(paths: &[&str]) -> Result<Vec<Unit>, String> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        super::collect_scenarios(Path::new(path), &mut files, &mut seen)?;
    }
    Ok(files.iter().flat_map(|file| units_of(file)).collect())
}

/// The units of one file.
pub fn units_of(file: &Path) -> Vec<Unit> {
    let scenario = match super::load(file) {
        Ok(scenario) => scenario,
        Err(e) => return vec![Unit { file: file.to_path_buf(), case: None, label: file.display().to_string(), work: Err(e) }],
    };
    let name = scenario.name.clone().unwrap_or_else(|| file.display().to_string());
    scenario
        .test_units()
        .into_iter()
        .map(|unit| Unit { file: file.to_path_buf(), label: unit.label(&name), case: unit.case, work: Ok(unit.scenario) })
        .collect()
}

/// `--shard i/n`: the i-th of n slices (1-based).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("--shard takes i/n with 1 ≤ i ≤ n (got '{text}')");
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count) = (i.trim().parse::<usize>().map_err(|_| bad())?, n.trim().parse::<usize>().map_err(|_| bad())?);
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Self { index, count })
    }

    /// Unit k (in the suite's order) belongs to slice k mod n: every
    /// machine computes the same slices from the same files, the slices are
    /// disjoint, their union is the suite, and their sizes differ by one at most.
    pub fn select(self, units: Vec<Unit>) -> Vec<Unit> {
        units.into_iter().enumerate().filter(|(k, _)| k % self.count == self.index - 1).map(|(_, unit)| unit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(n: usize) -> Vec<Unit> {
        (0..n).map(|k| Unit { file: PathBuf::from(format!("{k}.json")), case: None, label: k.to_string(), work: Err(String::new()) }).collect()
    }

    #[test]
    fn shards_are_disjoint_and_cover_the_suite() {
        for count in 1..6 {
            let mut all: Vec<String> = (1..=count).flat_map(|index| Shard { index, count }.select(units(13))).map(|u| u.label).collect();
            all.sort_by_key(|l| l.parse::<usize>().unwrap());
            assert_eq!(all, (0..13).map(|k| k.to_string()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn shard_syntax() {
        assert_eq!(Shard::parse("2/3"), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1", "a/b", "1/0"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }
}
