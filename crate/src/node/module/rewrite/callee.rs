//! The callee of the call an error happened at, named as V8 names it in
//! "x is not a function" / "x is not a constructor" (print.rs). boa reports
//! a failed call at its argument list's `(`.

use super::print::{Calls, Printer};
use super::text::Lines;
use boa_ast::expression::{Call, New};
use boa_ast::visitor::{VisitWith, Visitor};
use boa_ast::Spanned;
use boa_interner::Interner;
use std::convert::Infallible;
use std::ops::ControlFlow;

pub struct Finder<'s> {
    pub lines: Lines<'s>,
    pub interner: &'s Interner,
    /// Where the error happened.
    pub offset: usize,
    /// The nearest call at or after `offset` on its line: (its offset, the callee's name).
    pub found: Option<(usize, String)>,
}

impl Finder<'_> {
    fn consider(&mut self, call: &Call) {
        let at = self.lines.offset(call.span().start());
        let same_line = self.lines.position(at).0 == self.lines.position(self.offset).0;
        if at < self.offset || !same_line || self.found.as_ref().is_some_and(|(best, _)| *best <= at) {
            return;
        }
        let name = Printer { interner: self.interner, calls: Calls::WithArguments }.print(call.function());
        self.found = Some((at, name));
    }
}

impl<'ast> Visitor<'ast> for Finder<'_> {
    type BreakTy = Infallible;

    fn visit_call(&mut self, node: &'ast Call) -> ControlFlow<Infallible> {
        self.consider(node);
        node.visit_with(self)
    }

    fn visit_new(&mut self, node: &'ast New) -> ControlFlow<Infallible> {
        self.consider(node.call());
        node.visit_with(self)
    }
}
