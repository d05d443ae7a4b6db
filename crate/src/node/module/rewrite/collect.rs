//! Walks the parsed action and lists the text to insert (see `mod.rs`).

use super::extent::Extent;
use super::text::{body_start, skip_blank, Lines};
use super::values::{self, Iterated};
use super::{CAUGHT_HOOK, DEPTH_HOOK, DESTRUCTURE_HOOK, ITERATE_HOOK, NIL_HOOK, TEMP};
use boa_ast::declaration::{Binding, Variable};
use boa_ast::expression::access::SimplePropertyAccess;
use boa_ast::expression::literal::ArrayLiteral;
use boa_ast::expression::literal::LiteralKind;
use boa_ast::expression::operator::assign::{AssignOp, AssignTarget};
use boa_ast::expression::operator::unary::UnaryOp;
use boa_ast::expression::operator::Assign;
use boa_ast::expression::operator::Unary;
use boa_ast::expression::New;
use boa_ast::expression::{Call, Optional, OptionalOperation, OptionalOperationKind};
use boa_ast::function::FunctionBody;
use boa_ast::pattern::Pattern;
use boa_ast::statement::iteration::ForOfLoop;
use boa_ast::statement::Catch;
use boa_ast::visitor::{VisitWith, Visitor};
use boa_ast::{Expression, Spanned, Statement, StatementListItem};
use boa_interner::Interner;
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
/// The end of a value hook's call: after everything its argument closes.
const RANK_CLOSE_HOOK: u8 = 4;

pub struct Collector<'s> {
    code: &'s str,
    interner: &'s Interner,
    extent: Extent<'s>,
    /// Bodies starting before this offset are the wrapper's own.
    action_start: usize,
    /// Where expression statements of statement lists start: a `(` put
    /// there must not continue the statement before (no ASI before `(`).
    statement_starts: HashSet<usize>,
    guarded: HashSet<usize>,
    /// Where optional chains start that must stay references.
    kept_chains: HashSet<usize>,
    /// For each function being walked: whether its own code uses the temporary.
    functions: Vec<bool>,
    pub inserts: Vec<Insert>,
}

impl<'s> Collector<'s> {
    pub fn new(code: &'s str, action_start: usize, interner: &'s Interner) -> Self {
        Self {
            code,
            interner,
            extent: Extent { code, lines: Lines::new(code) },
            action_start,
            statement_starts: HashSet::new(),
            guarded: HashSet::new(),
            functions: Vec::new(),
            kept_chains: HashSet::new(),
            inserts: Vec::new(),
        }
    }

    fn insert(&mut self, at: usize, rank: u8, text: String) {
        self.inserts.push(Insert { at, rank, text });
    }

    fn keep_chain(&mut self, expression: &Expression) {
        match expression {
            Expression::Optional(optional) => {
                self.kept_chains.insert(self.extent.start(optional.target()));
            }
            Expression::Parenthesized(inner) => self.keep_chain(inner.expression()),
            _ => {}
        }
    }

    /// An empty insertion to fill in later; its index.
    fn insert_slot(&mut self, at: usize, rank: u8) -> usize {
        self.insert(at, rank, String::new());
        self.inserts.len() - 1
    }

    /// A `;` before a `(` put where a statement starts.
    fn guard(&mut self, at: usize) {
        if self.statement_starts.contains(&at) && self.guarded.insert(at) {
            self.insert(at, RANK_STATEMENT_GUARD, ";".into());
        }
    }

    /// `E` → `hook(E, args)`: the hooks of values.rs.
    fn wrap_value(&mut self, value: &Expression, hook: &str, args: String) {
        let (start, end) = (self.extent.start(value), self.extent.end(value));
        if start < self.action_start {
            return;
        }
        self.insert(start, RANK_OPEN, format!("{hook}("));
        self.insert(end, RANK_CLOSE_HOOK, format!(", {args})"));
    }

    fn check_iterable(&mut self, value: &Expression, from: Iterated) {
        if matches!(value, Expression::ArrayLiteral(_)) {
            return;
        }
        let (form, name) = values::iteration(value, from, self.interner);
        let name = name.map_or_else(|| "null".to_string(), |name| values::js_string(&name));
        self.wrap_value(value, ITERATE_HOOK, format!("{}, {name}", form as u8));
    }

    fn check_spreads(&mut self, arguments: &[Expression]) {
        for argument in arguments {
            if let Expression::Spread(spread) = argument {
                self.check_iterable(spread.target(), Iterated::CallSpread);
            }
        }
    }

    /// `= E` of a destructuring pattern.
    fn check_destructured(&mut self, pattern: &Pattern, value: &Expression) {
        match pattern {
            Pattern::Object(object) => {
                let args = values::destructuring(object, value, self.interner);
                self.wrap_value(value, DESTRUCTURE_HOOK, args);
            }
            Pattern::Array(_) => self.check_iterable(value, Iterated::ArrayPattern),
        }
    }

    /// An opening `(` at `at`, after a `;` when a statement starts there.
    fn open(&mut self, at: usize, text: String) {
        self.guard(at);
        self.insert(at, RANK_OPEN, text);
    }
}

/// Targets that can be read twice: a name, `this`.
fn plain_read(target: &Expression) -> bool {
    match target {
        Expression::Identifier(_) | Expression::This(_) => true,
        Expression::Parenthesized(inner) => plain_read(inner.expression()),
        _ => false,
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
    /// access throws V8's TypeError, at the moment V8 throws it. A name or
    /// `this` is read again instead (`(a ?? __apNil(a)).b`): cheaper than
    /// the temporary, and reading it has no effect.
    fn visit_simple_property_access(&mut self, node: &'ast SimplePropertyAccess) -> ControlFlow<Infallible> {
        let target = node.target();
        if !never_nullish(target) {
            let (start, end) = (self.extent.start(target), self.extent.end(target));
            if plain_read(target) {
                let name = &self.code[start..end];
                self.open(start, "(".into());
                self.insert(end, RANK_CLOSE_TARGET, format!(" ?? {NIL_HOOK}({name}))"));
            } else {
                if let Some(uses_temp) = self.functions.last_mut() {
                    *uses_temp = true;
                }
                self.open(start, format!("(({TEMP} = "));
                self.insert(end, RANK_CLOSE_TARGET, format!(") ?? {NIL_HOOK}({TEMP}))"));
            }
        }
        node.visit_with(self)
    }

    /// `delete a?.b.c` and `(a?.b.c)()` need the chain as a reference
    /// (to delete it, to call it as a method): those chains stay as written.
    fn visit_unary(&mut self, node: &'ast Unary) -> ControlFlow<Infallible> {
        if node.op() == UnaryOp::Delete {
            self.keep_chain(node.target());
        }
        node.visit_with(self)
    }

    fn visit_call(&mut self, node: &'ast Call) -> ControlFlow<Infallible> {
        self.keep_chain(node.function());
        self.check_spreads(node.args());
        node.visit_with(self)
    }

    fn visit_new(&mut self, node: &'ast New) -> ControlFlow<Infallible> {
        self.check_spreads(node.arguments());
        node.visit_with(self)
    }

    fn visit_array_literal(&mut self, node: &'ast ArrayLiteral) -> ControlFlow<Infallible> {
        for element in node.as_ref().iter().flatten() {
            if let Expression::Spread(spread) = element {
                self.check_iterable(spread.target(), Iterated::ArraySpread);
            }
        }
        node.visit_with(self)
    }

    fn visit_for_of_loop(&mut self, node: &'ast ForOfLoop) -> ControlFlow<Infallible> {
        self.check_iterable(node.iterable(), if node.r#await() { Iterated::ForAwait } else { Iterated::ForOf });
        node.visit_with(self)
    }

    fn visit_variable(&mut self, node: &'ast Variable) -> ControlFlow<Infallible> {
        if let (Binding::Pattern(pattern), Some(init)) = (node.binding(), node.init()) {
            self.check_destructured(pattern, init);
        }
        node.visit_with(self)
    }

    fn visit_assign(&mut self, node: &'ast Assign) -> ControlFlow<Infallible> {
        if let (AssignOp::Assign, AssignTarget::Pattern(pattern)) = (node.op(), node.lhs()) {
            self.check_destructured(pattern, node.rhs());
        }
        node.visit_with(self)
    }

    /// In an optional chain, a plain link after a `?.` (`a?.b.c`) throws
    /// on a nullish object too; the chain is spelled out so that it can be
    /// checked while every `?.` still ends the whole chain:
    /// `((__apT = a) == null ? void 0 : ((__apT = __apT?.b) ?? __apNil(__apT)).c)`.
    fn visit_optional(&mut self, node: &'ast Optional) -> ControlFlow<Infallible> {
        let links = node.chain();
        let checked = |link: &OptionalOperation| !link.shorted() && matches!(link.kind(), OptionalOperationKind::SimplePropertyAccess { .. });
        if links.iter().any(checked) && !self.kept_chains.contains(&self.extent.start(node.target())) {
            if let Some(uses_temp) = self.functions.last_mut() {
                *uses_temp = true;
            }
            let open = format!("(({TEMP} = ");
            // Where the object of the next link starts: the chain's start,
            // then just before the `__apT` after each `?.`.
            let start = self.extent.start(node.target());
            self.guard(start);
            let (mut slot, mut prefix_at) = (self.insert_slot(start, RANK_OPEN), 0);
            let mut conditionals = 0;
            for link in links {
                let at = self.extent.lines.offset(link.span().start());
                if link.shorted() {
                    self.inserts[slot].text.insert_str(prefix_at, &open);
                    slot = self.insert_slot(at, RANK_CLOSE_TARGET);
                    self.inserts[slot].text = format!(") == null ? void 0 : {TEMP}");
                    prefix_at = self.inserts[slot].text.len() - TEMP.len();
                    conditionals += 1;
                } else if checked(link) {
                    self.inserts[slot].text.insert_str(prefix_at, &open);
                    self.insert(at, RANK_CLOSE_TARGET, format!(") ?? {NIL_HOOK}({TEMP}))"));
                }
            }
            self.insert(self.extent.lines.offset(node.span().end()), RANK_CLOSE_TARGET, ")".repeat(conditionals));
        }
        node.visit_with(self)
    }

    /// Every function of the action checks the call depth first, and
    /// declares its own temporary when it uses one (a local is far cheaper
    /// for boa than a variable shared with other functions): `{ var
    /// __apT; __apDepth(); …`. An arrow's expression body becomes
    /// `(__apDepth(), body)`, or `{ var __apT; __apDepth(); return body}`.
    fn visit_function_body(&mut self, body: &'ast FunctionBody) -> ControlFlow<Infallible> {
        let start = self.extent.lines.offset(body.span().start());
        if start < self.action_start {
            return body.visit_with(self);
        }
        let concise = self.extent.concise_body(body).map(|expression| (self.extent.start(expression), self.extent.end(expression)));
        // Opened before what the body holds, filled in once it is walked.
        match concise {
            Some((start, _)) => self.open(start, String::new()),
            None => self.insert(body_start(self.code.as_bytes(), start + 1), RANK_STATEMENT_GUARD, String::new()),
        }
        let open = self.inserts.len() - 1;
        self.functions.push(false);
        body.visit_with(self)?;
        let uses_temp = self.functions.pop().unwrap_or(false);
        let declare = if uses_temp { format!(" var {TEMP};") } else { String::new() };
        self.inserts[open].text = match concise {
            Some(_) if uses_temp => format!("{{{declare} {DEPTH_HOOK}(); return "),
            Some(_) => format!("({DEPTH_HOOK}(), "),
            None => format!("{declare} {DEPTH_HOOK}();"),
        };
        if let Some((_, end)) = concise {
            self.insert(end, RANK_CLOSE_BODY, if uses_temp { "}" } else { ")" }.into());
        }
        ControlFlow::Continue(())
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
