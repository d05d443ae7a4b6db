//! Bakes ICU4X's locale-dependent collation data (tailoring, metadata,
//! reordering, diacritics) for the locales Node's ICU collates into
//! crate/src/node/collation/locales.rs.data; the engine takes the root order
//! from icu_collator's compiled data itself. Run from the repository root:
//! `cargo run --manifest-path scripts/collation-data/Cargo.toml`
//! (after `node scripts/collation-data/available-locales.js`).
use databake::{Bake, CrateEnv};
use icu_collator::provider::*;
use icu_provider::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Collation types (`-u-co-`) besides the standard one. ICU4X's compiled data
/// has no `search` types (usage: 'search' sorts as 'sort').
const TYPES: &[&str] = &["", "phonebk", "trad", "dict", "compat"];
/// The languages whose tailorings are kept: those written in the Latin,
/// Cyrillic or Greek alphabets (where a few letters move, e.g. Swedish å ä ö
/// after z; a kilobyte each), and Thai. The others keep their script order
/// (reordering) and sort in the root order within it: their tailorings are
/// large (Japanese, Chinese, Korean order thousands of ideographs, hundreds of
/// kilobytes) and together would double the browser's added wasm.
const TAILORED: &str = "af az be bg blo br bs ca ceb cs cy da de dsb ee el en eo es et fi fil fo fr fy ga gl ha haw hr hsb hu ig is it kk kl ku ky lb lt lv mk mt nb nl nn no nso om pl pt ro ru se sk sl smn sq sr st sv sw th tk tn to tr uk uz vi wae wo xh yo zu";
/// CollationMetadata's "tailored" bit (icu_collator's provider.rs).
const TAILORED_BIT: u32 = 1 << 3;

/// The locales Node's ICU collates (written by available-locales.js).
fn node_locales() -> Vec<String> {
    let text = std::fs::read_to_string("crate/src/node/collation/available.js").expect("run from the repository root");
    let list = text.split("module.exports = '").nth(1).and_then(|t| t.split('\'').next()).expect("the quoted list");
    std::iter::once("und").chain(list.split(' ')).map(String::from).collect()
}

/// The data ICU4X has for a locale and type: its own or a parent's (`nb` → `no`),
/// not the root's (the root is an entry of its own).
fn load<M: DataMarker>(locale: &str, ty: &str) -> Option<DataPayload<M>>
where
    Baked: DataProvider<M>,
{
    let locale: DataLocale = locale.parse().unwrap_or_else(|e| panic!("{locale}: {e:?}"));
    let req = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(DataMarkerAttributes::from_str_or_panic(ty), &locale),
        metadata: { let mut m = DataRequestMetadata::default(); m.silent = true; m },
    };
    let response = DataProvider::<M>::load(&Baked, req).ok()?;
    match response.metadata.locale {
        Some(parent) if parent.is_unknown() && !locale.is_unknown() => None,
        _ => Some(response.payload),
    }
}

fn baked<M: DataMarker>(payload: &DataPayload<M>) -> String
where
    for<'a> <M::DataStruct as yoke::Yokeable<'a>>::Output: Bake,
{
    payload.get().bake(&CrateEnv::default()).to_string()
}

fn main() {
    let out = "crate/src/node/collation/locales.rs.data";
    // Each distinct baked value once, as a static named by its type.
    let mut statics: BTreeMap<String, String> = BTreeMap::new();
    let mut intern = |code: Option<String>| -> String {
        let Some(code) = code else { return "None".into() };
        let count = statics.len();
        let name = statics.entry(code).or_insert_with(|| format!("DATA_{count}"));
        format!("Some(&{name})")
    };
    let mut written: BTreeMap<(String, String), [Option<String>; 4]> = BTreeMap::new();
    let mut entries = String::new();
    for locale in node_locales() {
        for ty in TYPES {
            let tailoring = load::<CollationTailoringV1>(&locale, ty).map(|p| baked(&p));
            let mut metadata = load::<CollationMetadataV1>(&locale, ty);
            let language = locale.split('-').next().unwrap();
            let tailoring = match tailoring {
                Some(code) if !TAILORED.split(' ').any(|l| l == language) => {
                    // Script order only: the metadata without its "tailored" bit.
                    if let Some(m) = metadata.as_mut() {
                        m.with_mut(|m| m.bits &= !TAILORED_BIT);
                    }
                    eprintln!("{locale} {ty}: tailoring of {} bytes left out", code.len());
                    None
                }
                other => other,
            };
            let metadata = metadata.map(|p| baked(&p));
            let reordering = load::<CollationReorderingV1>(&locale, ty).map(|p| baked(&p));
            let diacritics = load::<CollationDiacriticsV1>(&locale, ty).map(|p| baked(&p));
            let data = [tailoring, metadata, reordering, diacritics];
            // A type is kept where it has its own tailoring; a locale where
            // its data differs from what the engine finds for its parent.
            let standard = written.get(&(locale.clone(), String::new()));
            if !ty.is_empty() && (data[0].is_none() || standard.is_some_and(|s| s[0] == data[0])) {
                continue;
            }
            let parent = locale.rfind('-').map(|i| locale[..i].to_string()).unwrap_or_else(|| "und".into());
            if data.iter().all(Option::is_none) || (locale != "und" && written.get(&(parent, ty.to_string())) == Some(&data)) {
                continue;
            }
            let [tailoring, metadata, reordering, diacritics] = data.clone().map(|code| intern(code));
            writeln!(entries, "    LocaleData {{ locale: {locale:?}, collation: {ty:?}, tailoring: {tailoring}, metadata: {metadata}, reordering: {reordering}, diacritics: {diacritics} }},").unwrap();
            written.insert((locale.clone(), ty.to_string()), data);
        }
    }
    let mut text = String::from("// @generated by scripts/collation-data from icu_collator 2.3.0's compiled data\n// (CLDR 48.2.1, ICU 78.1: Node 20's collation). Do not edit.\n\n");
    writeln!(text, "pub(super) static LOCALE_DATA: &[LocaleData] = &[\n{entries}];\n").unwrap();
    let mut by_name: Vec<_> = statics.into_iter().map(|(code, name)| (name, code)).collect();
    by_name.sort_by_key(|(name, _)| name[5..].parse::<usize>().unwrap());
    for (name, code) in by_name {
        // The baked value names its own type (`icu_collator :: provider :: CollationData { … }`).
        let ty = code.split(" {").next().unwrap().replace(" :: ", "::");
        let lifetime = if ty.ends_with("CollationMetadata") { "" } else { "<'static>" };
        writeln!(text, "static {name}: {ty}{lifetime} = {code};").unwrap();
    }
    std::fs::write(&out, text).unwrap();
    eprintln!("wrote {out}");
}
