//! The action's source as compiled: Node's CommonJS wrapper around it, and
//! three hooks put in by text insertion at positions of boa's own AST (the
//! action is parsed with boa's parser), so that the code sees what it would
//! see in Node:
//!
//! - Property access on null/undefined throws V8's own TypeError
//!   ("Cannot read properties of null (reading 'b')"): every `a.b` / `a[k]`
//!   whose object may be nullish reads `((__apT = a) ?? __apNil(__apT)).b`.
//!   On the normal path that is one assignment and one nullish test; on
//!   null/undefined `__apNil` returns a stand-in whose property reads,
//!   writes and deletes throw V8's wording, so V8's order of evaluation is
//!   kept (a computed key and an assigned value are evaluated first, a
//!   call's arguments are not).
//! - A *catchable* "Maximum call stack size exceeded": every function body
//!   starts with `__apDepth();` (an arrow's expression body becomes
//!   `(__apDepth(), body)`), which throws Node's RangeError before boa's
//!   own limit ends the run with an error no `try` can see.
//! - V8's wording for other engine errors read in a `catch`: every
//!   `catch (e) {` starts with `e = __apCaught(e);`.
//! - V8's errors for a value iterated (`for…of`, spreads, `[a] = E`) or
//!   destructured (`{ a } = E`) that cannot be: the value passes through
//!   `__apIter(E, …)` / `__apDestr(E, …)`, which name it as V8 does
//!   (`r.data.results is not iterable`, `Cannot destructure property 'id'
//!   of 'f(...)' as it is undefined.`): values.rs, print.rs.
//!
//! Nothing inserted holds a line break, so lines stay where they were;
//! `Instrumented` maps columns and function sources back to the original.

mod callee;
mod collect;
pub(crate) mod extent;
mod print;
pub(crate) mod text;
mod values;

use boa_ast::scope::Scope;
use boa_interner::Interner;
use boa_parser::{Parser, Source};
use text::Lines;

pub const CAUGHT_HOOK: &str = "__apCaught";
pub const DEPTH_HOOK: &str = "__apDepth";
pub const NIL_HOOK: &str = "__apNil";
pub const ITERATE_HOOK: &str = "__apIter";
pub const DESTRUCTURE_HOOK: &str = "__apDestr";
/// The one temporary of the null checks: nothing runs between its
/// assignment and its test, so one variable serves every access.
pub const TEMP: &str = "__apT";

/// The action wrapped and instrumented, with what maps it back.
#[derive(Default)]
pub struct Instrumented {
    /// The action's code as written.
    pub code: String,
    /// Node's wrapper around the code, without the hooks.
    pub original: String,
    /// What is compiled.
    pub text: String,
    /// (offset in `original`, length) of each insertion, in order.
    inserts: Vec<(usize, usize)>,
}

fn wrap(code: &str) -> String {
    format!("(function (exports, require, module, __filename, __dirname, {CAUGHT_HOOK}, {DEPTH_HOOK}, {NIL_HOOK}, {ITERATE_HOOK}, {DESTRUCTURE_HOOK}, {TEMP}) {{ {code}\n}})")
}

/// Wraps and instruments the action. Code that does not parse is left as
/// written: compiling it reports the syntax error.
pub fn instrument(code: &str) -> Instrumented {
    let original = wrap(code);
    let action_start = original.len() - code.len() - 3;
    let mut interner = Interner::default();
    let parsed = Parser::new(Source::from_bytes(original.as_bytes())).parse_script(&Scope::new_global(), &mut interner);
    let Ok(script) = parsed else {
        return Instrumented { code: code.into(), text: original.clone(), original, inserts: Vec::new() };
    };
    let mut collector = collect::Collector::new(&original, action_start, &interner);
    use boa_ast::visitor::Visitor;
    let _ = collector.visit_script(&script);
    let mut inserts = collector.inserts;
    inserts.sort_by_key(|insert| (insert.at, insert.rank));
    let mut text = String::with_capacity(original.len() + inserts.iter().map(|i| i.text.len()).sum::<usize>());
    let mut from = 0;
    for insert in &inserts {
        text.push_str(&original[from..insert.at]);
        text.push_str(&insert.text);
        from = insert.at;
    }
    text.push_str(&original[from..]);
    let inserts = inserts.iter().map(|insert| (insert.at, insert.text.len())).collect();
    Instrumented { code: code.into(), original, text, inserts }
}

impl Instrumented {
    /// The offset in `original` of an offset in `text` (an offset inside
    /// inserted text maps to where it was inserted).
    fn original_offset(&self, offset: usize) -> usize {
        let mut shift = 0;
        for &(at, len) in &self.inserts {
            if at + shift >= offset {
                break;
            }
            shift += len.min(offset - (at + shift));
        }
        offset - shift
    }

    /// The column in the code as written of a (line, column) in the
    /// compiled text, both from 1, as boa reports them.
    pub fn original_column(&self, line: usize, column: usize) -> usize {
        let text_lines = Lines::new(&self.text);
        let offset = text_lines.offset(boa_ast::Position::new(line as u32, column as u32));
        Lines::new(&self.original).position(self.original_offset(offset)).1
    }

    /// V8's name for the callee of the call at a (line, column) of
    /// `original` (where boa reports a failed call), if there is one there.
    pub fn callee_at(&self, line: usize, column: usize) -> Option<String> {
        let mut interner = Interner::default();
        let script = Parser::new(Source::from_bytes(self.original.as_bytes())).parse_script(&Scope::new_global(), &mut interner).ok()?;
        let lines = Lines::new(&self.original);
        let offset = lines.offset(boa_ast::Position::new(line as u32, column as u32));
        let mut finder = callee::Finder { lines, interner: &interner, offset, found: None };
        use boa_ast::visitor::Visitor;
        let _ = finder.visit_script(&script);
        finder.found.map(|(_, name)| name)
    }

    /// A function's source as written, given its compiled source text
    /// (which boa's `Function.prototype.toString` returns); `None` when it
    /// is not part of the action.
    pub fn original_source(&self, compiled: &str) -> Option<&str> {
        let start = self.text.find(compiled)?;
        self.original.get(self.original_offset(start)..self.original_offset(start + compiled.len()))
    }
}

#[cfg(test)]
mod tests;
