//! Walks the parsed action and lists the text to insert (see `mod.rs`).

use super::extent::Extent;
use super::text::{body_start, skip_blank, Lines};
use super::{CAUGHT_HOOK, DEPTH_HOOK, NIL_HOOK, TEMP};
use boa_ast::declaration::Binding;
use boa_ast::expression::access::SimplePropertyAccess;
use boa_ast::expression::literal::LiteralKind;
use boa_ast::function::FunctionBody;
use boa_ast::statement::Catch;
use boa_ast::visitor::{VisitWith, Visitor};
use boa_ast::{Expression, Spanned, Statement, StatementListItem};
use std::collections::HashSet;
use std::convert::Infallible;
use std::ops::ControlFlow;

/// Text to insert at a byte offset. At one offset, lower ranks go first.
pub struct Insert {
    pub at: usize,
    pub rank: u8,
    pub text: String,
}

/// Ranks: what opens must come before what it encloses, what closes after.
const RANK_STATEMENT_GUARD: u8 = 0;
const RANK_OPEN: u8 = 1;
const RANK_CLOSE_TARGET: u8 = 2;
const RANK_CLOSE_BODY: u8 = 3;

pub struct Collector<'s> {
    code: &'s str,
    extent: Extent<'s>,
    /// Bodies starting before this offset are the wrapper's own.
    action_start: usize,
    /// Where expression statements of statement lists start: a `(` put
    /// there must not continue the statement before (no ASI before `(`).
    statement_starts: HashSet<usize>,
    guarded: HashSet<usize>,
    pub inserts: Vec<Insert>,
}

impl<'s> Collector<'s> {
    pub fn new(code: &'s str, action_start: usize) -> Self {
        Self { code, extent: Extent { code, lines: Lines::new(code) }, action_start, statement_starts: HashSet::new(), guarded: HashSet::new(), inserts: Vec::new() }
    }

    fn insert(&mut self, at: usize, rank: u8, text: String) {
        self.inserts.push(Insert { at, rank, text });
    }

    /// An opening `(` at `at`, after a `;` when a statement starts there.
    fn open(&mut self, at: usize, text: String) {
        if self.statement_starts.contains(&at) && self.guarded.insert(at) {
            self.insert(at, RANK_STATEMENT_GUARD, ";".into());
        }
        self.insert(at, RANK_OPEN, text);
    }
}

/// Targets whose value can never be null or undefined: no check needed.
fn never_nullish(target: &Expression) -> bool {
    match target {
        Expression::Literal(literal) => !matches!(literal.kind(), LiteralKind::Null | LiteralKind::Undefined),
        Expression::TemplateLiteral(_)
        | Expression::ArrayLiteral(_)
        | Expression::ObjectLiteral(_)
        | Expression::RegExpLiteral(_)
        | Expression::FunctionExpression(_)
        | Expression::ArrowFunction(_)
        | Expression::AsyncArrowFunction(_)
        | Expression::GeneratorExpression(_)
        | Expression::AsyncFunctionExpression(_)
        | Expression::AsyncGeneratorExpression(_)
        | Expression::ClassExpression(_)
        | Expression::New(_) => true,
        Expression::Parenthesized(inner) => never_nullish(inner.expression()),
        _ => false,
    }
}

impl<'ast> Visitor<'ast> for Collector<'_> {
    type BreakTy = Infallible;

    fn visit_statement_list_item(&mut self, node: &'ast StatementListItem) -> ControlFlow<Infallible> {
        if let StatementListItem::Statement(statement) = node {
            if let Statement::Expression(expression) = statement.as_ref() {
                let at = self.extent.start(expression);
                self.statement_starts.insert(at);
            }
        }
        node.visit_with(self)
    }

    /// `a.b` → `((__apT = a) ?? __apNil(__apT)).b`: the same value on the
    /// normal path; on null/undefined a stand-in whose every property
    /// access throws V8's TypeError, at the moment V8 throws it.
    fn visit_simple_property_access(&mut self, node: &'ast SimplePropertyAccess) -> ControlFlow<Infallible> {
        let target = node.target();
        if !never_nullish(target) {
            let (start, end) = (self.extent.start(target), self.extent.end(target));
            self.open(start, format!("(({TEMP} = "));
            self.insert(end, RANK_CLOSE_TARGET, format!(") ?? {NIL_HOOK}({TEMP}))"));
        }
        node.visit_with(self)
    }

    /// Every function of the action checks the call depth first.
    fn visit_function_body(&mut self, body: &'ast FunctionBody) -> ControlFlow<Infallible> {
        let start = self.extent.lines.offset(body.span().start());
        if start >= self.action_start {
            if let Some(expression) = self.extent.concise_body(body) {
                // An arrow's expression body: `(check(), body)`.
                let (start, end) = (self.extent.start(expression), self.extent.end(expression));
                self.open(start, format!("({DEPTH_HOOK}(), "));
                self.insert(end, RANK_CLOSE_BODY, ")".into());
            } else if self.code.as_bytes().get(start) == Some(&b'{') {
                self.insert(body_start(self.code.as_bytes(), start + 1), RANK_STATEMENT_GUARD, format!(" {DEPTH_HOOK}();"));
            }
        }
        body.visit_with(self)
    }

    /// `catch (e) {` gets `e = __apCaught(e);` first: V8's wording for
    /// engine errors whose message the code reads.
    fn visit_catch(&mut self, node: &'ast Catch) -> ControlFlow<Infallible> {
        if let Some(Binding::Identifier(name)) = node.parameter() {
            let code = self.code.as_bytes();
            let close = skip_blank(code, self.extent.lines.offset(name.span().end()));
            let open = skip_blank(code, close + 1);
            if code.get(close) == Some(&b')') && code.get(open) == Some(&b'{') {
                let name = &self.code[self.extent.lines.offset(name.span().start())..self.extent.lines.offset(name.span().end())];
                self.insert(open + 1, RANK_STATEMENT_GUARD, format!(" {name} = {CAUGHT_HOOK}({name});"));
            }
        }
        node.visit_with(self)
    }
}
