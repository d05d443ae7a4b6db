//! V8's errors for values the action's syntax iterates or destructures:
//! `for (x of E)`, `[...E]`, `f(...E)`, `const [a] = E` and `const { a } =
//! E` read `__apIter(E, form, "text")` / `__apDestr(E, form, key, "text",
//! nested)`, which return E unchanged unless it cannot be iterated or
//! destructured, and then throw V8's TypeError, naming E as V8 does
//! (print.rs). Which naming V8 uses depends on the syntax and on the kind
//! of expression: those rules, read off Node 20, live here; the messages
//! themselves in property_errors.js.

use super::print::{Calls, Printer};
use boa_ast::expression::access::PropertyAccess;
use boa_ast::expression::literal::LiteralKind;
use boa_ast::pattern::{ObjectPattern, ObjectPatternElement, Pattern};
use boa_ast::property::PropertyName;
use boa_ast::Expression;
use boa_interner::Interner;

/// How a failed iteration is worded (kept in step with property_errors.js).
#[derive(Clone, Copy)]
pub enum IterForm {
    /// `E is not iterable`
    Named = 0,
    /// `f is not a function or its return value is not iterable`
    Call = 1,
    /// `undefined is not iterable (cannot read property Symbol(Symbol.iterator))`, from the value
    FromValue = 2,
    /// a call's spread argument
    SpreadArgument = 3,
    /// `E is not async iterable`
    AsyncNamed = 4,
    /// `f(...) is not a function or its return value is not async iterable`
    AsyncCall = 5,
}

/// How a failed object destructuring is worded.
#[derive(Clone, Copy)]
pub enum DestrForm {
    /// `Cannot destructure property 'k' of 'E' as it is undefined.`
    Property = 0,
    /// `Cannot destructure 'E' as it is undefined.`
    Whole = 1,
    /// `Cannot read properties of undefined (reading 'k')` (the first property has a default)
    Read = 2,
}

/// Where the iterated value comes from.
pub enum Iterated {
    ForOf,
    ForAwait,
    ArraySpread,
    CallSpread,
    ArrayPattern,
}

/// The form and the name for an iterated expression, as V8 words its error.
pub fn iteration(expression: &Expression, from: Iterated, interner: &Interner) -> (IterForm, Option<String>) {
    let bare = Printer { interner, calls: Calls::Bare };
    let inner = strip_parentheses(expression);
    match from {
        Iterated::ForOf | Iterated::ArraySpread => match inner {
            Expression::Call(call) => (IterForm::Call, Some(bare.print(call.function()))),
            Expression::New(new) => (IterForm::Call, Some(bare.print(new.call().function()))),
            e if named_by_v8(e) || matches!(e, Expression::PropertyAccess(PropertyAccess::Simple(_))) => (IterForm::Named, Some(bare.print(e))),
            _ => (IterForm::FromValue, None),
        },
        Iterated::ForAwait => match inner {
            Expression::Call(_) => (IterForm::AsyncCall, Some(Printer { interner, calls: Calls::WithArguments }.print(inner))),
            e => (IterForm::AsyncNamed, Some(bare.print(e))),
        },
        Iterated::CallSpread => match inner {
            Expression::Identifier(_) | Expression::PropertyAccess(PropertyAccess::Simple(_)) => (IterForm::SpreadArgument, Some(bare.print(inner))),
            _ => (IterForm::SpreadArgument, None),
        },
        Iterated::ArrayPattern => match inner {
            Expression::Call(call) if matches!(call.function(), Expression::Identifier(_)) => (IterForm::Call, Some(bare.print(call.function()))),
            e if named_by_v8(e) => (IterForm::Named, Some(bare.print(e))),
            _ => (IterForm::FromValue, None),
        },
    }
}

/// Expressions V8 finds by position in every iteration error.
fn named_by_v8(expression: &Expression) -> bool {
    matches!(
        expression,
        Expression::Identifier(_)
            | Expression::This(_)
            | Expression::Literal(_)
            | Expression::TemplateLiteral(_)
            | Expression::ObjectLiteral(_)
            | Expression::Await(_)
    )
}

fn strip_parentheses(mut expression: &Expression) -> &Expression {
    while let Expression::Parenthesized(inner) = expression {
        expression = inner.expression();
    }
    expression
}

/// The arguments of `__apDestr` after the value, as JavaScript source:
/// `form, "key", "E"` and, when nested object patterns need checks, a list
/// of `[path…, firstKey]`.
pub fn destructuring(pattern: &ObjectPattern, init: &Expression, interner: &Interner) -> String {
    let name = Printer { interner, calls: Calls::WithArguments }.print(init);
    let (form, key) = match pattern.bindings().first().and_then(|first| literal_key(first, interner).map(|key| (first, key))) {
        Some((first, key)) if has_default(first) => (DestrForm::Read, key),
        Some((_, key)) => (DestrForm::Property, key),
        None => (DestrForm::Whole, String::new()),
    };
    let mut nested = Vec::new();
    nested_checks(pattern, &mut Vec::new(), &mut nested, interner);
    let mut args = format!("{}, {}, {}", form as u8, js_string(&key), js_string(&name));
    if !nested.is_empty() {
        args.push_str(&format!(", {}", serde_json::Value::from(nested)));
    }
    args
}

/// V8 reads a nested object pattern's value as a property read: `const {
/// a: { b } } = o` with `o.a` undefined throws "Cannot read properties of
/// undefined (reading 'b')". Each check is the path to the nested value
/// followed by the nested pattern's first key.
fn nested_checks(pattern: &ObjectPattern, path: &mut Vec<String>, checks: &mut Vec<serde_json::Value>, interner: &Interner) {
    for element in pattern.bindings() {
        let ObjectPatternElement::Pattern { name: PropertyName::Literal(name), pattern: Pattern::Object(inner), default_init: None } = element else {
            continue;
        };
        let Some(first) = inner.bindings().first().and_then(|first| literal_key(first, interner)) else { continue };
        path.push(interner.resolve_expect(name.sym()).to_string());
        let mut check: Vec<serde_json::Value> = path.iter().map(|p| serde_json::Value::from(p.as_str())).collect();
        check.push(first.into());
        checks.push(check.into());
        nested_checks(inner, path, checks, interner);
        path.pop();
    }
}

fn literal_key(element: &ObjectPatternElement, interner: &Interner) -> Option<String> {
    let name = match element {
        ObjectPatternElement::SingleName { name, .. }
        | ObjectPatternElement::AssignmentPropertyAccess { name, .. }
        | ObjectPatternElement::Pattern { name, .. } => name,
        _ => return None,
    };
    match name {
        PropertyName::Literal(name) => Some(interner.resolve_expect(name.sym()).to_string()),
        // boa keeps a numeric key (`{ 5: z }`) as a computed literal.
        PropertyName::Computed(key @ Expression::Literal(literal)) if matches!(literal.kind(), LiteralKind::Int(_) | LiteralKind::Num(_)) => {
            Some(Printer { interner, calls: Calls::Bare }.print(key))
        }
        PropertyName::Computed(_) => None,
    }
}

fn has_default(element: &ObjectPatternElement) -> bool {
    match element {
        ObjectPatternElement::SingleName { default_init, .. }
        | ObjectPatternElement::AssignmentPropertyAccess { default_init, .. }
        | ObjectPatternElement::Pattern { default_init, .. } => default_init.is_some(),
        _ => false,
    }
}

/// A JavaScript string literal (JSON's is one, without line breaks).
pub fn js_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
