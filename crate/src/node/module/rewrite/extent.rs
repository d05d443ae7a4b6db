//! Where an expression starts and ends in the text. boa's spans are not
//! always the whole expression: a call's span is its argument list, a
//! computed access `a[k]` ends with `k` (before the `]`), and spans built
//! from those inherit it; the leftmost and rightmost parts say.

use super::text::{skip_blank, Lines};
use boa_ast::expression::access::{PropertyAccess, PropertyAccessField};
use boa_ast::expression::operator::assign::AssignTarget;
use boa_ast::expression::operator::update::UpdateTarget;
use boa_ast::function::FunctionBody;
use boa_ast::{Expression, Spanned, Statement, StatementListItem};

pub struct Extent<'s> {
    pub code: &'s str,
    pub lines: Lines<'s>,
}

impl Extent<'_> {
    pub fn start(&self, expression: &Expression) -> usize {
        let own = self.lines.offset(expression.span().start());
        let leftmost = match expression {
            Expression::Call(call) => Some(self.start(call.function())),
            Expression::PropertyAccess(access) => self.access_start(access),
            Expression::TaggedTemplate(template) => Some(self.start(template.tag())),
            Expression::Optional(optional) => Some(self.start(optional.target())),
            Expression::Binary(binary) => Some(self.start(binary.lhs())),
            Expression::Conditional(conditional) => Some(self.start(conditional.condition())),
            Expression::Assign(assign) => match assign.lhs() {
                AssignTarget::Access(access) => self.access_start(access),
                _ => None,
            },
            Expression::Update(update) => match update.target() {
                UpdateTarget::PropertyAccess(access) => self.access_start(access),
                UpdateTarget::Identifier(_) => None,
            },
            _ => None,
        };
        leftmost.map_or(own, |left| left.min(own))
    }

    fn access_start(&self, access: &PropertyAccess) -> Option<usize> {
        match access {
            PropertyAccess::Simple(simple) => Some(self.start(simple.target())),
            PropertyAccess::Private(private) => Some(self.start(private.target())),
            PropertyAccess::Super(_) => None,
        }
    }

    pub fn end(&self, expression: &Expression) -> usize {
        let own = self.lines.offset(expression.span().end());
        let rightmost = match expression {
            Expression::PropertyAccess(access) => self.access_end(access),
            Expression::Binary(binary) => Some(self.end(binary.rhs())),
            Expression::BinaryInPrivate(binary) => Some(self.end(binary.rhs())),
            Expression::Assign(assign) => Some(self.end(assign.rhs())),
            Expression::Conditional(conditional) => Some(self.end(conditional.if_false())),
            Expression::Unary(unary) => Some(self.end(unary.target())),
            Expression::Await(await_) => Some(self.end(await_.target())),
            Expression::Yield(yield_) => yield_.target().map(|target| self.end(target)),
            Expression::Spread(spread) => Some(self.end(spread.target())),
            Expression::Update(update) => match update.target() {
                UpdateTarget::PropertyAccess(access) => self.access_end(access),
                UpdateTarget::Identifier(_) => None,
            },
            Expression::ArrowFunction(arrow) => self.concise_body(arrow.body()).map(|body| self.end(body)),
            Expression::AsyncArrowFunction(arrow) => self.concise_body(arrow.body()).map(|body| self.end(body)),
            _ => None,
        };
        rightmost.map_or(own, |right| right.max(own))
    }

    fn access_end(&self, access: &PropertyAccess) -> Option<usize> {
        let field = match access {
            PropertyAccess::Simple(simple) => simple.field(),
            PropertyAccess::Super(sup) => sup.field(),
            PropertyAccess::Private(_) => return None,
        };
        let PropertyAccessField::Expr(key) = field else { return None };
        let bracket = skip_blank(self.code.as_bytes(), self.end(key));
        (self.code.as_bytes().get(bracket) == Some(&b']')).then_some(bracket + 1)
    }

    /// The expression of an arrow's expression body (`x => expression`).
    pub fn concise_body<'b>(&self, body: &'b FunctionBody) -> Option<&'b Expression> {
        if self.code.as_bytes().get(self.lines.offset(body.span().start())) == Some(&b'{') {
            return None;
        }
        match body.statements() {
            [StatementListItem::Statement(statement)] => match statement.as_ref() {
                Statement::Return(ret) => ret.target(),
                _ => None,
            },
            _ => None,
        }
    }
}
