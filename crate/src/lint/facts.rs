//! The action parsed once with boa's parser (as `node/module/rewrite/`
//! parses it, inside Node's CommonJS wrapper so that a top-level `return`
//! parses) and flattened into plain facts with byte offsets in the code as
//! written: what the rules read. No rule sees the AST, so a rule is a few
//! lines over these lists.

use crate::node::module::rewrite::extent::Extent;
use crate::node::module::rewrite::text::Lines;
use boa_ast::declaration::{Binding, LexicalDeclaration, VarDeclaration, Variable};
use boa_ast::expression::access::{PropertyAccessField, SimplePropertyAccess};
use boa_ast::expression::literal::{LiteralKind, ObjectLiteral, PropertyDefinition, TemplateElement, TemplateLiteral};
use boa_ast::expression::operator::assign::AssignTarget;
use boa_ast::expression::operator::update::UpdateTarget;
use boa_ast::expression::operator::{Assign, Update};
use boa_ast::expression::{Call, New};
use boa_ast::function::{FormalParameterList, FunctionBody};
use boa_ast::pattern::{ObjectPatternElement, Pattern};
use boa_ast::property::PropertyName;
use boa_ast::scope::Scope;
use boa_ast::statement::Return;
use boa_ast::visitor::{VisitWith, Visitor};
use boa_ast::{Declaration, Expression, Spanned, Statement, StatementListItem};
use boa_interner::{Interner, Sym};
use boa_parser::{Parser, Source};
use std::convert::Infallible;
use std::ops::ControlFlow;

/// Byte offsets `[start, end)` in the code as written.
pub type Span = (usize, usize);

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub span: Span,
}

/// A function (declaration, expression or arrow) of the action.
#[derive(Debug, Clone)]
pub struct Function {
    pub params: Vec<Param>,
    /// `{ … }` inclusive, or an arrow's expression body.
    pub body: Span,
    /// From its first token (`async`, `function`, the parameters) to its end.
    pub whole: Span,
    pub is_async: bool,
    /// An arrow whose body is an expression.
    pub concise: bool,
    /// The name it is declared under (`function name`, `const name = …`).
    pub name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CallFact {
    /// The callee as written (`client.crm.contacts.basicApi.getById`).
    pub callee: String,
    pub callee_span: Span,
    /// The whole call, callee to closing parenthesis.
    pub span: Span,
    pub args: Vec<Span>,
    /// The first argument when it is a string literal (its value).
    pub first_string: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewFact {
    pub callee: String,
    pub span: Span,
    /// Property names of the first argument when it is an object literal.
    pub first_object_keys: Vec<(String, Span)>,
}

#[derive(Debug, Clone)]
pub struct AccessFact {
    /// The object as written (`event.inputFields`).
    pub target: String,
    pub field: String,
    pub span: Span,
    pub field_span: Span,
}

#[derive(Debug, Clone)]
pub struct StringFact {
    /// The literal's text between its quotes (template chunks: their raw text).
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct DeclFact {
    /// Names bound directly (`const a = …`), or by an object pattern
    /// (`const { a, b: c } = …` gives the keys `a`, `b`).
    pub names: Vec<(String, Span)>,
    pub pattern_keys: Vec<(String, Span)>,
    pub is_const: bool,
    /// The initializer as written, and its span.
    pub init: Option<(String, Span)>,
    pub init_kind: InitKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitKind {
    None,
    /// `[]`, `{}`, `new Map()` …: a value that can change in place.
    Container,
    Function,
    Other,
}

/// A write to a variable or property: `x = …`, `x += …`, `x++`, `x.y = …`.
#[derive(Debug, Clone)]
pub struct WriteFact {
    /// The leftmost name of the target (`cache` for `cache[k] = …`).
    pub root: String,
    pub span: Span,
}

/// An expression statement: `foo();`, `await bar;`.
#[derive(Debug, Clone)]
pub struct StatementFact {
    pub span: Span,
    pub kind: StatementKind,
    /// Nothing of its function runs after it (the last statement, through
    /// enclosing `if`/`else`, blocks and `try`/`catch` without `finally`).
    pub tail: bool,
    /// The next statement of its list is a bare `return;`.
    pub before_bare_return: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    Call,
    Await,
    Other,
}

/// An object literal's `outputFields: { … }` (in a callback or a return).
#[derive(Debug, Clone)]
pub struct OutputsFact {
    pub fields: Vec<OutputField>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct OutputField {
    pub name: String,
    pub span: Span,
    pub value: ValueKind,
    /// The value when it is a literal (a string, number, boolean or null).
    pub literal: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    String,
    Number,
    Bool,
    Null,
    Object,
    Array,
    Unknown,
}

#[derive(Debug, Default)]
pub struct Facts {
    pub functions: Vec<Function>,
    /// Index in `functions` of `exports.main`.
    pub handler: Option<usize>,
    pub calls: Vec<CallFact>,
    pub news: Vec<NewFact>,
    pub accesses: Vec<AccessFact>,
    pub strings: Vec<StringFact>,
    pub declarations: Vec<DeclFact>,
    pub writes: Vec<WriteFact>,
    pub statements: Vec<StatementFact>,
    pub outputs: Vec<OutputsFact>,
    /// Spans of `return …` arguments.
    pub returns: Vec<Span>,
    /// Spans of `await` operands.
    pub awaits: Vec<Span>,
    /// Every identifier reference (name, span).
    pub identifiers: Vec<(String, Span)>,
}

impl Facts {
    /// The innermost function whose body holds `at` (None: module level).
    pub fn function_at(&self, at: usize) -> Option<usize> {
        self.functions.iter().enumerate().filter(|(_, f)| f.body.0 <= at && at < f.body.1).min_by_key(|(_, f)| f.body.1 - f.body.0).map(|(i, _)| i)
    }

    /// Whether `at` runs in the handler's own body (not in a function nested in it).
    pub fn in_handler_body(&self, at: usize) -> bool {
        self.handler.is_some() && self.function_at(at) == self.handler
    }

    /// Whether `at` is inside the handler, nested functions included.
    pub fn within_handler(&self, at: usize) -> bool {
        self.handler.map(|h| &self.functions[h]).is_some_and(|f| f.body.0 <= at && at < f.body.1)
    }

    pub fn handler(&self) -> Option<&Function> {
        self.handler.map(|h| &self.functions[h])
    }
}

/// Node's wrapper (as `rewrite::wrap`, without the hooks).
const PREFIX: &str = "(function (exports, require, module, __filename, __dirname) { ";

/// The facts of `code`; `None` when it does not parse (the editor's syntax
/// lint and the run say why).
pub fn analyze(code: &str) -> Option<Facts> {
    let wrapped = format!("{PREFIX}{code}\n}})");
    let mut interner = Interner::default();
    let script = Parser::new(Source::from_bytes(wrapped.as_bytes())).parse_script(&Scope::new_global(), &mut interner).ok()?;
    let mut collector = Collector {
        extent: Extent { code: &wrapped, lines: Lines::new(&wrapped) },
        interner: &interner,
        shift: PREFIX.len(),
        len: code.len(),
        facts: Facts::default(),
        handler_target: None,
    };
    let _ = collector.visit_script(&script);
    let mut facts = collector.facts;
    let target = collector.handler_target;
    facts.handler = match target {
        Some(HandlerTarget::At(at)) => facts.functions.iter().position(|f| f.whole.0 == at),
        Some(HandlerTarget::Named(name)) => facts.functions.iter().position(|f| f.name.as_deref() == Some(name.as_str())),
        None => None,
    };
    Some(facts)
}

enum HandlerTarget {
    At(usize),
    Named(String),
}

struct Collector<'s> {
    extent: Extent<'s>,
    interner: &'s Interner,
    shift: usize,
    len: usize,
    facts: Facts,
    handler_target: Option<HandlerTarget>,
}

impl Collector<'_> {
    fn name(&self, sym: Sym) -> String {
        self.interner.resolve_expect(sym).to_string()
    }

    /// An offset of the wrapped text as an offset of the code.
    fn at(&self, offset: usize) -> usize {
        offset.saturating_sub(self.shift).min(self.len)
    }

    fn span_of(&self, expression: &Expression) -> Span {
        (self.at(self.extent.start(expression)), self.at(self.extent.end(expression)))
    }

    fn pos_span(&self, span: boa_ast::Span) -> Span {
        (self.at(self.extent.lines.offset(span.start())), self.at(self.extent.lines.offset(span.end())))
    }

    fn text(&self, span: Span) -> String {
        self.extent.code[span.0 + self.shift..span.1 + self.shift].to_string()
    }

    fn function(&mut self, params: &FormalParameterList, body: &FunctionBody, is_async: bool, whole_start: Option<usize>, name: Option<String>) {
        if self.extent.lines.offset(body.span().start()) < self.shift {
            return; // Node's wrapper: its body is the module level
        }
        let params: Vec<Param> = params
            .as_ref()
            .iter()
            .map(|p| match p.variable().binding() {
                Binding::Identifier(ident) => Param { name: self.name(ident.sym()), span: self.pos_span(ident.span()) },
                Binding::Pattern(_) => Param { name: String::new(), span: (0, 0) },
            })
            .collect();
        let concise = self.extent.concise_body(body).map(|e| self.span_of(e));
        let body_span = match concise {
            Some(span) => span,
            None => {
                let start = self.at(self.extent.lines.offset(body.span().start()));
                let end = self.at(self.extent.lines.offset(body.span().end()));
                (start, end.max(start))
            }
        };
        let start = whole_start.or_else(|| params.first().filter(|p| !p.name.is_empty()).map(|p| p.span.0)).unwrap_or(body_span.0);
        self.facts.functions.push(Function { params, body: body_span, whole: (start, body_span.1), is_async, concise: concise.is_some(), name });
    }

    /// The function an expression is, recorded (with the name it is bound to).
    fn function_expression(&mut self, expression: &Expression, name: Option<String>) -> bool {
        let start = self.at(self.extent.start(expression));
        match expression {
            Expression::FunctionExpression(f) => self.function(f.parameters(), f.body(), false, Some(start), name),
            Expression::AsyncFunctionExpression(f) => self.function(f.parameters(), f.body(), true, Some(start), name),
            Expression::ArrowFunction(f) => self.function(f.parameters(), f.body(), false, Some(start), name),
            Expression::AsyncArrowFunction(f) => self.function(f.parameters(), f.body(), true, Some(start), name),
            Expression::Parenthesized(inner) => return self.function_expression(inner.expression(), name),
            _ => return false,
        }
        true
    }

    fn object_keys(&self, object: &ObjectLiteral) -> Vec<(String, Span)> {
        object
            .properties()
            .iter()
            .filter_map(|p| match p {
                PropertyDefinition::IdentifierReference(ident) => Some((self.name(ident.sym()), self.pos_span(ident.span()))),
                PropertyDefinition::Property(PropertyName::Literal(ident), _) => Some((self.name(ident.sym()), self.pos_span(ident.span()))),
                _ => None,
            })
            .collect()
    }

    fn value_kind(expression: &Expression) -> ValueKind {
        match expression {
            Expression::Literal(l) => match l.kind() {
                LiteralKind::String(_) => ValueKind::String,
                LiteralKind::Num(_) | LiteralKind::Int(_) | LiteralKind::BigInt(_) => ValueKind::Number,
                LiteralKind::Bool(_) => ValueKind::Bool,
                LiteralKind::Null => ValueKind::Null,
                LiteralKind::Undefined => ValueKind::Unknown,
            },
            Expression::TemplateLiteral(_) => ValueKind::String,
            Expression::ObjectLiteral(_) => ValueKind::Object,
            Expression::ArrayLiteral(_) => ValueKind::Array,
            Expression::Parenthesized(inner) => Self::value_kind(inner.expression()),
            _ => ValueKind::Unknown,
        }
    }

    fn variable(&mut self, variable: &Variable, is_const: bool) {
        let mut names = Vec::new();
        let mut pattern_keys = Vec::new();
        match variable.binding() {
            Binding::Identifier(ident) => names.push((self.name(ident.sym()), self.pos_span(ident.span()))),
            Binding::Pattern(Pattern::Object(object)) => {
                for element in object.bindings() {
                    if let ObjectPatternElement::SingleName { name: PropertyName::Literal(key), ident, .. } = element {
                        pattern_keys.push((self.name(key.sym()), self.pos_span(key.span())));
                        names.push((self.name(ident.sym()), self.pos_span(ident.span())));
                    }
                }
            }
            Binding::Pattern(_) => {}
        }
        let init = variable.init().map(|e| {
            let span = self.span_of(e);
            (self.text(span), span)
        });
        let init_kind = match variable.init() {
            None => InitKind::None,
            Some(Expression::ArrayLiteral(_) | Expression::ObjectLiteral(_)) => InitKind::Container,
            Some(Expression::New(new)) if matches!(self.callee_text(new.constructor()).as_str(), "Map" | "Set" | "Array" | "Object" | "WeakMap") => {
                InitKind::Container
            }
            Some(e) => {
                let name = names.first().map(|(n, _)| n.clone());
                if self.function_expression(e, name) {
                    InitKind::Function
                } else {
                    InitKind::Other
                }
            }
        };
        let start = names.first().map(|(_, s)| s.0).or_else(|| pattern_keys.first().map(|(_, s)| s.0)).unwrap_or(0);
        let end = init.as_ref().map(|(_, s)| s.1).unwrap_or(start);
        self.facts.declarations.push(DeclFact { names, pattern_keys, is_const, init, init_kind, span: (start, end) });
    }

    fn literal_value(&self, expression: &Expression) -> Option<serde_json::Value> {
        let Expression::Literal(literal) = expression else { return None };
        let text = self.text(self.pos_span(literal.span()));
        match literal.kind() {
            LiteralKind::String(_) => Some(serde_json::Value::String(text.get(1..text.len().saturating_sub(1)).unwrap_or("").to_string())),
            LiteralKind::Num(n) => serde_json::Number::from_f64(*n).map(serde_json::Value::Number),
            LiteralKind::Int(n) => Some(serde_json::Value::from(*n)),
            LiteralKind::Bool(b) => Some(serde_json::Value::Bool(*b)),
            LiteralKind::Null => Some(serde_json::Value::Null),
            _ => None,
        }
    }

    fn callee_text(&self, expression: &Expression) -> String {
        self.text(self.span_of(expression))
    }

    fn root_name(&self, expression: &Expression) -> Option<String> {
        match expression {
            Expression::Identifier(ident) => Some(self.name(ident.sym())),
            Expression::PropertyAccess(boa_ast::expression::access::PropertyAccess::Simple(access)) => self.root_name(access.target()),
            Expression::Parenthesized(inner) => self.root_name(inner.expression()),
            _ => None,
        }
    }
}

impl<'ast> Visitor<'ast> for Collector<'_> {
    type BreakTy = Infallible;

    fn visit_function_body(&mut self, node: &'ast FunctionBody) -> ControlFlow<Infallible> {
        self.walk_list(node.statements(), true)
    }

    fn visit_statement_list(&mut self, node: &'ast boa_ast::StatementList) -> ControlFlow<Infallible> {
        self.walk_list(node.statements(), false)
    }

    fn visit_statement(&mut self, node: &'ast Statement) -> ControlFlow<Infallible> {
        if let Statement::Var(VarDeclaration(list)) = node {
            for variable in list.as_ref() {
                self.variable(variable, false);
            }
            // The initializers' own contents are walked below; the
            // functions among them are already recorded.
            return self.walk_initializers(list.as_ref());
        }
        node.visit_with(self)
    }

    fn visit_statement_list_item(&mut self, node: &'ast StatementListItem) -> ControlFlow<Infallible> {
        match node {
            StatementListItem::Statement(statement) => return self.visit_statement(statement),
            StatementListItem::Declaration(declaration) => match declaration.as_ref() {
                Declaration::Lexical(lexical) => {
                    let (list, is_const) = match lexical {
                        LexicalDeclaration::Const(list) => (list, true),
                        LexicalDeclaration::Let(list) => (list, false),
                        _ => return node.visit_with(self),
                    };
                    for variable in list.as_ref() {
                        self.variable(variable, is_const);
                    }
                    return self.walk_initializers(list.as_ref());
                }
                Declaration::FunctionDeclaration(f) => {
                    let name = Some(self.name(f.name().sym()));
                    let start = self.at(self.extent.lines.offset(f.name().span().start()));
                    self.function(f.parameters(), f.body(), false, Some(start), name);
                    return self.visit_function_body(f.body());
                }
                Declaration::AsyncFunctionDeclaration(f) => {
                    let name = Some(self.name(f.name().sym()));
                    let start = self.at(self.extent.lines.offset(f.name().span().start()));
                    self.function(f.parameters(), f.body(), true, Some(start), name);
                    return self.visit_function_body(f.body());
                }
                _ => {}
            },
        }
        node.visit_with(self)
    }

    fn visit_expression(&mut self, node: &'ast Expression) -> ControlFlow<Infallible> {
        match node {
            Expression::FunctionExpression(_) | Expression::AsyncFunctionExpression(_) | Expression::ArrowFunction(_) | Expression::AsyncArrowFunction(_) => {
                self.function_expression(node, None);
            }
            Expression::Identifier(ident) => {
                let name = self.name(ident.sym());
                let span = self.pos_span(ident.span());
                self.facts.identifiers.push((name, span));
            }
            Expression::Literal(literal) => {
                if let LiteralKind::String(_) = literal.kind() {
                    let span = self.pos_span(literal.span());
                    let text = self.text(span);
                    let inner = text.get(1..text.len().saturating_sub(1)).unwrap_or("").to_string();
                    self.facts.strings.push(StringFact { text: inner, span });
                }
            }
            Expression::Await(await_) => {
                let span = self.span_of(await_.target());
                self.facts.awaits.push(span);
            }
            _ => {}
        }
        node.visit_with(self)
    }

    fn visit_template_literal(&mut self, node: &'ast TemplateLiteral) -> ControlFlow<Infallible> {
        let span = self.pos_span(node.span());
        let whole = self.text(span);
        for element in node.elements() {
            if let TemplateElement::String(_) = element {
                // Chunks are read from the text: the raw characters as written.
                for chunk in whole.split("${") {
                    let chunk = chunk.split('}').next_back().unwrap_or(chunk).trim_matches('`');
                    if !chunk.is_empty() {
                        self.facts.strings.push(StringFact { text: chunk.to_string(), span });
                    }
                }
                break;
            }
        }
        node.visit_with(self)
    }

    fn visit_call(&mut self, node: &'ast Call) -> ControlFlow<Infallible> {
        let callee_span = self.span_of(node.function());
        let end = self.at(self.extent.lines.offset(node.span().end()));
        let first_string = match node.args().first() {
            Some(Expression::Literal(l)) if matches!(l.kind(), LiteralKind::String(_)) => {
                let text = self.text(self.pos_span(l.span()));
                Some(text.get(1..text.len().saturating_sub(1)).unwrap_or("").to_string())
            }
            _ => None,
        };
        let args = node.args().iter().map(|a| self.span_of(a)).collect();
        self.facts.calls.push(CallFact { callee: self.text(callee_span), callee_span, span: (callee_span.0, end.max(callee_span.1)), args, first_string });
        node.visit_with(self)
    }

    fn visit_new(&mut self, node: &'ast New) -> ControlFlow<Infallible> {
        let callee_span = self.span_of(node.constructor());
        let end = self.at(self.extent.lines.offset(node.call().span().end()));
        let first_object_keys = match node.arguments().first() {
            Some(Expression::ObjectLiteral(object)) => self.object_keys(object),
            _ => Vec::new(),
        };
        self.facts.news.push(NewFact { callee: self.text(callee_span), span: (callee_span.0.saturating_sub(4), end), first_object_keys });
        node.visit_with(self)
    }

    fn visit_simple_property_access(&mut self, node: &'ast SimplePropertyAccess) -> ControlFlow<Infallible> {
        if let PropertyAccessField::Const(ident) = node.field() {
            let target = self.span_of(node.target());
            let field_span = self.pos_span(ident.span());
            self.facts.accesses.push(AccessFact { target: self.text(target), field: self.name(ident.sym()), span: (target.0, field_span.1), field_span });
        }
        node.visit_with(self)
    }

    fn visit_assign(&mut self, node: &'ast Assign) -> ControlFlow<Infallible> {
        let root = match node.lhs() {
            AssignTarget::Identifier(ident) => Some(self.name(ident.sym())),
            AssignTarget::Access(boa_ast::expression::access::PropertyAccess::Simple(access)) => self.root_name(access.target()),
            _ => None,
        };
        let lhs_text = match node.lhs() {
            AssignTarget::Access(access) => {
                let e: Expression = access.clone().into();
                self.callee_text(&e)
            }
            _ => String::new(),
        };
        if let Some(root) = root {
            let span = (self.span_of(node.rhs()).0.saturating_sub(1), self.span_of(node.rhs()).1);
            self.facts.writes.push(WriteFact { root, span });
        }
        // The first `exports.main =` is the handler (a later one wraps it).
        if (lhs_text == "exports.main" || lhs_text == "module.exports.main") && self.handler_target.is_none() {
            match node.rhs() {
                Expression::Identifier(ident) => self.handler_target = Some(HandlerTarget::Named(self.name(ident.sym()))),
                rhs => self.handler_target = Some(HandlerTarget::At(self.at(self.extent.start(rhs)))),
            }
        }
        node.visit_with(self)
    }

    fn visit_update(&mut self, node: &'ast Update) -> ControlFlow<Infallible> {
        let root = match node.target() {
            UpdateTarget::Identifier(ident) => Some(self.name(ident.sym())),
            UpdateTarget::PropertyAccess(boa_ast::expression::access::PropertyAccess::Simple(access)) => self.root_name(access.target()),
            _ => None,
        };
        if let Some(root) = root {
            let e: Expression = node.clone().into();
            let span = self.span_of(&e);
            self.facts.writes.push(WriteFact { root, span });
        }
        node.visit_with(self)
    }

    fn visit_object_literal(&mut self, node: &'ast ObjectLiteral) -> ControlFlow<Infallible> {
        for property in node.properties() {
            if let PropertyDefinition::Property(PropertyName::Literal(key), Expression::ObjectLiteral(fields)) = property {
                if self.name(key.sym()) == "outputFields" {
                    let fields_out = fields
                        .properties()
                        .iter()
                        .filter_map(|p| match p {
                            PropertyDefinition::Property(PropertyName::Literal(k), value) => {
                                let literal = self.literal_value(value);
                                Some(OutputField { name: self.name(k.sym()), span: self.pos_span(k.span()), value: Self::value_kind(value), literal })
                            }
                            PropertyDefinition::IdentifierReference(k) => {
                                Some(OutputField { name: self.name(k.sym()), span: self.pos_span(k.span()), value: ValueKind::Unknown, literal: None })
                            }
                            _ => None,
                        })
                        .collect();
                    let span = self.pos_span(key.span());
                    self.facts.outputs.push(OutputsFact { fields: fields_out, span });
                }
            }
        }
        node.visit_with(self)
    }

    fn visit_return(&mut self, node: &'ast Return) -> ControlFlow<Infallible> {
        if let Some(target) = node.target() {
            let span = self.span_of(target);
            self.facts.returns.push(span);
        }
        node.visit_with(self)
    }
}

/// `return;` (no value): what follows a statement without changing what the function delivers.
fn bare_return(item: &StatementListItem) -> bool {
    matches!(item, StatementListItem::Statement(s) if matches!(s.as_ref(), Statement::Return(r) if r.target().is_none()) || matches!(s.as_ref(), Statement::Empty))
}

impl Collector<'_> {
    /// A statement list, knowing whether falling off its end ends the function.
    fn walk_list(&mut self, items: &[StatementListItem], tail: bool) -> ControlFlow<Infallible> {
        for (i, item) in items.iter().enumerate() {
            let rest = &items[i + 1..];
            let item_tail = tail && rest.iter().all(bare_return);
            let before_bare_return = rest
                .first()
                .is_some_and(|next| bare_return(next) && !matches!(next, StatementListItem::Statement(s) if matches!(s.as_ref(), Statement::Empty)));
            match item {
                StatementListItem::Statement(statement) => self.walk_statement(statement, item_tail, before_bare_return)?,
                StatementListItem::Declaration(_) => self.visit_statement_list_item(item)?,
            }
        }
        ControlFlow::Continue(())
    }

    fn walk_statement(&mut self, statement: &Statement, tail: bool, before_bare_return: bool) -> ControlFlow<Infallible> {
        match statement {
            Statement::Expression(expression) => {
                let kind = match expression {
                    Expression::Call(_) => StatementKind::Call,
                    Expression::Await(_) => StatementKind::Await,
                    _ => StatementKind::Other,
                };
                let span = self.span_of(expression);
                self.facts.statements.push(StatementFact { span, kind, tail, before_bare_return });
                self.visit_expression(expression)
            }
            Statement::Block(block) => self.walk_list(block.statement_list().statements(), tail),
            Statement::If(node) => {
                self.visit_expression(node.cond())?;
                self.walk_statement(node.body(), tail, false)?;
                match node.else_node() {
                    Some(other) => self.walk_statement(other, tail, false),
                    None => ControlFlow::Continue(()),
                }
            }
            Statement::Try(node) => {
                let inner_tail = tail && node.finally().is_none();
                self.walk_list(node.block().statement_list().statements(), inner_tail)?;
                if let Some(catch) = node.catch() {
                    if let Some(parameter) = catch.parameter() {
                        self.visit_binding(parameter)?;
                    }
                    self.walk_list(catch.block().statement_list().statements(), inner_tail)?;
                }
                match node.finally() {
                    Some(finally) => self.walk_list(finally.block().statement_list().statements(), tail),
                    None => ControlFlow::Continue(()),
                }
            }
            _ => self.visit_statement(statement),
        }
    }

    /// Walks declarations' initializers without recording their functions twice.
    fn walk_initializers(&mut self, variables: &[Variable]) -> ControlFlow<Infallible> {
        for variable in variables {
            if let Some(init) = variable.init() {
                match init {
                    Expression::FunctionExpression(f) => self.visit_function_body(f.body())?,
                    Expression::AsyncFunctionExpression(f) => self.visit_function_body(f.body())?,
                    Expression::ArrowFunction(f) => self.visit_function_body(f.body())?,
                    Expression::AsyncArrowFunction(f) => self.visit_function_body(f.body())?,
                    other => self.visit_expression(other)?,
                }
            }
        }
        ControlFlow::Continue(())
    }
}
