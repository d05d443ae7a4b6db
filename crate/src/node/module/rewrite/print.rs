//! How V8 names an expression in an error message (its `CallPrinter`):
//! `o.items is not iterable`, `Cannot destructure property 'id' of
//! 'r.data.results[0]' …`, `f(...)`. Sub-expressions V8 does not spell
//! out read `(intermediate value)`.

use boa_ast::expression::access::{PropertyAccess, PropertyAccessField};
use boa_ast::expression::literal::{LiteralKind, TemplateElement};
use boa_ast::expression::operator::binary::{ArithmeticOp, BinaryOp, BitwiseOp, LogicalOp, RelationalOp};
use boa_ast::Expression;
use boa_interner::{Interner, Sym};

pub const INTERMEDIATE: &str = "(intermediate value)";

/// Whether a call prints its `(...)`: V8 leaves it out in iterator errors
/// (`s.f().g` is named `s.f.g` there) and keeps it elsewhere.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Calls {
    Bare,
    WithArguments,
}

pub struct Printer<'i> {
    pub interner: &'i Interner,
    pub calls: Calls,
}

impl Printer<'_> {
    fn sym(&self, sym: Sym) -> String {
        self.interner.resolve_expect(sym).to_string()
    }

    pub fn print(&self, expression: &Expression) -> String {
        match expression {
            Expression::Identifier(name) => self.sym(name.sym()),
            Expression::This(_) => "this".into(),
            Expression::Literal(literal) => match literal.kind() {
                LiteralKind::String(s) => format!("\"{}\"", self.sym(*s)),
                LiteralKind::Num(n) => number(*n),
                LiteralKind::Int(i) => i.to_string(),
                LiteralKind::BigInt(b) => b.to_string(),
                LiteralKind::Bool(b) => b.to_string(),
                LiteralKind::Null => "null".into(),
                LiteralKind::Undefined => "undefined".into(),
            },
            Expression::TemplateLiteral(template) => match template.elements() {
                [TemplateElement::String(s)] => format!("\"{}\"", self.sym(*s)),
                [] => "\"\"".into(),
                _ => INTERMEDIATE.into(),
            },
            Expression::ObjectLiteral(object) => format!("{{{}}}", INTERMEDIATE.repeat(object.properties().len())),
            Expression::PropertyAccess(PropertyAccess::Simple(access)) => {
                let target = self.print(access.target());
                match access.field() {
                    PropertyAccessField::Const(name) => format!("{target}.{}", self.sym(name.sym())),
                    PropertyAccessField::Expr(key) => match key.as_ref() {
                        Expression::Literal(literal) => match literal.kind() {
                            LiteralKind::String(s) if !is_array_index(&self.sym(*s)) => format!("{target}.{}", self.sym(*s)),
                            _ => format!("{target}[{}]", self.print(key)),
                        },
                        _ => format!("{target}[{}]", self.print(key)),
                    },
                }
            }
            Expression::Call(call) => match self.calls {
                Calls::Bare => self.print(call.function()),
                Calls::WithArguments => format!("{}(...)", self.print(call.function())),
            },
            Expression::New(_) => INTERMEDIATE.into(),
            Expression::Binary(binary) => match operator(binary.op()) {
                Some(op) => format!("({} {op} {})", self.print(binary.lhs()), self.print(binary.rhs())),
                None => INTERMEDIATE.into(),
            },
            Expression::Conditional(_) => INTERMEDIATE.repeat(3),
            Expression::Parenthesized(inner) => self.print(inner.expression()),
            _ => INTERMEDIATE.into(),
        }
    }
}

/// A number as JavaScript prints it (the cases a literal in code needs).
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

fn is_array_index(key: &str) -> bool {
    key.parse::<u32>().is_ok_and(|i| i.to_string() == key && i != u32::MAX)
}

fn operator(op: BinaryOp) -> Option<&'static str> {
    Some(match op {
        BinaryOp::Logical(LogicalOp::And) => "&&",
        BinaryOp::Logical(LogicalOp::Or) => "||",
        BinaryOp::Logical(LogicalOp::Coalesce) => "??",
        BinaryOp::Arithmetic(ArithmeticOp::Add) => "+",
        BinaryOp::Arithmetic(ArithmeticOp::Sub) => "-",
        BinaryOp::Arithmetic(ArithmeticOp::Mul) => "*",
        BinaryOp::Arithmetic(ArithmeticOp::Div) => "/",
        BinaryOp::Arithmetic(ArithmeticOp::Mod) => "%",
        BinaryOp::Arithmetic(ArithmeticOp::Exp) => "**",
        BinaryOp::Bitwise(BitwiseOp::And) => "&",
        BinaryOp::Bitwise(BitwiseOp::Or) => "|",
        BinaryOp::Bitwise(BitwiseOp::Xor) => "^",
        BinaryOp::Bitwise(BitwiseOp::Shl) => "<<",
        BinaryOp::Bitwise(BitwiseOp::Shr) => ">>",
        BinaryOp::Bitwise(BitwiseOp::UShr) => ">>>",
        BinaryOp::Relational(RelationalOp::Equal) => "==",
        BinaryOp::Relational(RelationalOp::NotEqual) => "!=",
        BinaryOp::Relational(RelationalOp::StrictEqual) => "===",
        BinaryOp::Relational(RelationalOp::StrictNotEqual) => "!==",
        BinaryOp::Relational(RelationalOp::GreaterThan) => ">",
        BinaryOp::Relational(RelationalOp::GreaterThanOrEqual) => ">=",
        BinaryOp::Relational(RelationalOp::LessThan) => "<",
        BinaryOp::Relational(RelationalOp::LessThanOrEqual) => "<=",
        BinaryOp::Relational(RelationalOp::In) => "in",
        BinaryOp::Relational(RelationalOp::InstanceOf) => "instanceof",
        BinaryOp::Comma => return None,
    })
}
