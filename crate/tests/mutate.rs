//! Byte-level mutations for the fuzz harnesses (the scenario parser here,
//! share links and the store in `web/tests/fuzz.rs`, which includes this
//! file by path): random sets, inserts of JSON-ish bytes, deletions, and
//! splices from another seed.

use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// Copies a run of another seed over this position (JSON-shaped noise).
    Splice(usize, usize, usize, usize),
}

pub fn edit() -> impl Strategy<Value = Edit> {
    let interesting = prop::sample::select(vec![b'{', b'}', b'[', b']', b'"', b':', b',', b'\\', b'0', b'-', b'e', 0xff, 0xc3, b' ', b'n']);
    prop_oneof![
        (any::<usize>(), prop_oneof![any::<u8>(), interesting.clone()]).prop_map(|(p, b)| Edit::Set(p, b)),
        (any::<usize>(), prop::collection::vec(prop_oneof![any::<u8>(), interesting], 1..8)).prop_map(|(p, b)| Edit::Insert(p, b)),
        (any::<usize>(), 1usize..64).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), any::<usize>(), any::<usize>(), 1usize..200).prop_map(|(p, s, f, n)| Edit::Splice(p, s, f, n)),
    ]
}

pub fn apply(mut text: Vec<u8>, edits: &[Edit], seeds: &[Vec<u8>]) -> Vec<u8> {
    for e in edits {
        let len = text.len();
        match e {
            Edit::Set(p, b) if len > 0 => text[p % len] = *b,
            Edit::Insert(p, bytes) => {
                let at = p % (len + 1);
                text.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(p, n) if len > 0 => {
                let at = p % len;
                text.drain(at..(at + n).min(len));
            }
            Edit::Splice(p, s, f, n) => {
                let other = &seeds[s % seeds.len()];
                if !other.is_empty() {
                    let from = f % other.len();
                    let piece = &other[from..(from + n).min(other.len())];
                    let at = p % (len + 1);
                    text.splice(at..at, piece.iter().copied());
                }
            }
            _ => {}
        }
    }
    text
}
