//! The Node.js 20 → 24 upgrade: a callback-style handler rewritten to return
//! its outputs, on boa's syntax tree of the action (`lint::facts`) and by
//! text edits at the tree's spans, so comments and formatting stay as written.
//!
//! HubSpot's guide ("Upgrade custom code actions to Node.js 24",
//! developers.hubspot.com/docs/api-reference/legacy/automation/workflow-actions/
//! upgrade-custom-code-actions-to-node-24): Node.js 24 does not support
//! callback-style handlers; the code must return its outputs instead of
//! calling callback(). A `callback(X)` becomes `return X` only where that
//! cannot change what runs:
//!
//! - `callback(X);` as the last thing its function does (through `if`/`else`,
//!   blocks, `try`/`catch` without `finally`), or followed by a bare `return;`
//!   (which goes: `callback(X); return;` → `return X;`);
//! - `return callback(X);` → `return X;`;
//! - inside a `.then`/`.catch`/`.finally` callback whose chain the handler
//!   ends with: the chain is returned (`return fetch(…).then(…)`), and the
//!   call becomes that callback's return value.
//!
//! Anything else (a callback handed to a helper, called from a timer, or
//! with more code after it) stays as written, and the `callback-on-node24`
//! lint points at it. The parameter goes once nothing uses it.
//! `callback(null, X)` delivers `null` on Node.js 20 (HubSpot reads the
//! first argument), so it becomes `return null`, which delivers the same.

pub mod compare;

use crate::lint::facts::{analyze, Facts, Function, Span};
use crate::lint::Diagnostic;
use crate::scenario::{Runtime, Scenario};

/// What the upgrade made of a handler.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Upgraded {
    pub code: String,
    /// `callback(…)` calls turned into returns.
    pub converted: usize,
    /// What was left as written, as the Node 24 lints see the new code.
    pub left: Vec<Diagnostic>,
}

struct Edit {
    span: Span,
    text: String,
}

/// The scenario on Node.js 24 with its handler upgraded.
pub fn upgrade_scenario(scenario: &Scenario) -> Result<(Scenario, Upgraded), String> {
    let upgraded = upgrade_code(&scenario.code)?;
    let mut next = scenario.clone();
    next.code = upgraded.code.clone();
    next.runtime = Runtime::Node24;
    Ok((next, upgraded))
}

pub fn upgrade_code(code: &str) -> Result<Upgraded, String> {
    let facts = analyze(code).ok_or("the code does not parse: fix the syntax error first")?;
    let handler = facts.handler().ok_or("no `exports.main = …` handler found")?;
    let Some(callback) = handler.params.get(1).filter(|p| !p.name.is_empty()) else {
        return Ok(Upgraded { code: code.to_string(), converted: 0, left: Vec::new() });
    };
    let mut edits = Vec::new();
    let mut converted = 0;
    let mut returned_chains: Vec<Span> = Vec::new();
    for call in facts.calls.iter().filter(|c| c.callee == callback.name) {
        let Some(owner) = facts.function_at(call.span.0) else { continue };
        // `callback(null, X)` and `callback(X)` deliver their first argument.
        let Some(first) = call.args.first() else { continue };
        let value = &code[first.0..first.1];
        let chain = if Some(owner) == facts.handler { None } else { chain_of(&facts, owner, code) };
        if Some(owner) != facts.handler && chain.is_none() {
            continue;
        }
        let function = &facts.functions[owner];
        let statement = facts.statements.iter().find(|s| s.span == call.span);
        let edit = if function.concise && function.body == call.span {
            let wrapped = if value.trim_start().starts_with('{') { format!("({value})") } else { value.to_string() };
            Some(vec![Edit { span: call.span, text: wrapped }])
        } else if facts.returns.contains(&call.span) {
            Some(vec![Edit { span: call.span, text: value.to_string() }])
        } else if let Some(statement) = statement.filter(|s| s.tail || s.before_bare_return) {
            let mut edits = vec![Edit { span: call.span, text: format!("return {value}") }];
            if statement.before_bare_return {
                if let Some(bare) = bare_return_after(code, call.span.1) {
                    edits.push(Edit { span: bare, text: String::new() });
                }
            }
            Some(edits)
        } else {
            None
        };
        let Some(edit) = edit else { continue };
        if let Some(chain) = chain {
            if !returned_chains.contains(&chain.span) {
                returned_chains.push(chain.span);
                edits.extend(chain.edits);
            }
        }
        edits.extend(edit);
        converted += 1;
    }
    let uses = facts.identifiers.iter().filter(|(name, span)| *name == callback.name && span.0 >= handler.body.0 && span.0 < handler.body.1).count();
    let event_end = handler.params[0].span.1;
    let remove_parameter = Edit { span: (event_end, callback.span.1), text: String::new() };
    if uses == converted {
        edits.push(remove_parameter);
        let code = apply(code, edits)?;
        return Ok(Upgraded { code, converted, left: Vec::new() });
    }
    wrap_in_promise(code, &facts, handler, &callback.name, remove_parameter)
}

/// What no return can replace (a callback handed to a helper, called from
/// a timer or an event handler, or with code after it): the handler returns
/// a Promise that `callback` resolves — the first call wins and later code
/// still runs, as on Node.js 20 — and each call is listed in `left`.
fn wrap_in_promise(code: &str, facts: &Facts, handler: &Function, callback: &str, remove_parameter: Edit) -> Result<Upgraded, String> {
    if handler.concise || !code[handler.body.0..].starts_with('{') {
        return Err("a concise arrow handler that passes its callback on: convert it by hand".into());
    }
    let executor = if handler.is_async { "async " } else { "" };
    let open = Edit { span: (handler.body.0 + 1, handler.body.0 + 1), text: format!(" return new Promise({executor}({callback}) => {{") };
    let close = Edit { span: (handler.body.1 - 1, handler.body.1 - 1), text: "});".into() };
    let calls: Vec<Span> =
        facts.calls.iter().filter(|c| c.callee == callback && c.span.0 >= handler.body.0 && c.span.0 < handler.body.1).map(|c| c.span).collect();
    let moved = open.text.len() as isize - (remove_parameter.span.1 - remove_parameter.span.0) as isize;
    let code = apply(code, vec![remove_parameter, open, close])?;
    // Every call is past both edits: it moved by what they added.
    let shift = |at: usize| (at as isize + moved) as usize;
    let left = calls
        .iter()
        .map(|span| {
            let (from, to) = (shift(span.0), shift(span.1));
            crate::lint::note(
                &code,
                "upgrade-wrapped",
                (from, to),
                format!("kept as {callback}(…): the handler now returns a Promise this call resolves (the first call wins, as on Node.js 20)"),
            )
        })
        .collect();
    Ok(Upgraded { code, converted: 0, left })
}

struct Chain {
    span: Span,
    edits: Vec<Edit>,
}

/// When `function` is an argument of a `.then`/`.catch`/`.finally` call in a
/// statement the handler ends with (directly in its body): that statement,
/// and the edits that return it (none when it is returned already).
fn chain_of(facts: &Facts, function: usize, code: &str) -> Option<Chain> {
    let f: &Function = &facts.functions[function];
    // The function's own enclosing function must be the handler.
    let enclosing = facts
        .functions
        .iter()
        .enumerate()
        .filter(|(i, g)| *i != function && g.body.0 <= f.whole.0 && f.whole.1 <= g.body.1)
        .min_by_key(|(_, g)| g.body.1 - g.body.0)
        .map(|(i, _)| i);
    if enclosing != facts.handler {
        return None;
    }
    let link = facts
        .calls
        .iter()
        .find(|c| [".then", ".catch", ".finally"].iter().any(|m| c.callee.ends_with(m)) && c.args.iter().any(|a| a.0 <= f.whole.0 && f.whole.1 <= a.1))?;
    if let Some(returned) = facts.returns.iter().find(|r| r.0 <= link.span.0 && link.span.1 <= r.1) {
        return Some(Chain { span: *returned, edits: Vec::new() });
    }
    let statement = facts.statements.iter().find(|s| s.span.0 <= link.span.0 && link.span.1 <= s.span.1 && facts.in_handler_body(s.span.0))?;
    if !(statement.tail || statement.before_bare_return) {
        return None;
    }
    let mut edits = vec![Edit { span: (statement.span.0, statement.span.0), text: "return ".into() }];
    if statement.before_bare_return {
        if let Some(bare) = bare_return_after(code, statement.span.1) {
            edits.push(Edit { span: bare, text: String::new() });
        }
    }
    Some(Chain { span: statement.span, edits })
}

/// The span from the end of a statement (after its `;`) to the end of the
/// bare `return;` that follows it: deleting it removes that line. With a
/// comment between them the `return;` stays (unreachable, and harmless).
fn bare_return_after(code: &str, end: usize) -> Option<Span> {
    let bytes = code.as_bytes();
    let mut at = end;
    if bytes.get(at) == Some(&b';') {
        at += 1;
    }
    let statement_end = at;
    let next = at + code[at..].len() - code[at..].trim_start().len();
    let rest = code.get(next..)?;
    let after = rest.strip_prefix("return")?;
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
        return None;
    }
    let trimmed = after.trim_start_matches([' ', '\t']);
    let len = "return".len() + (after.len() - trimmed.len()) + usize::from(trimmed.starts_with(';'));
    Some((statement_end, next + len))
}

fn apply(code: &str, mut edits: Vec<Edit>) -> Result<String, String> {
    edits.sort_by_key(|e| (e.span.0, e.span.1));
    for pair in edits.windows(2) {
        if pair[0].span.1 > pair[1].span.0 {
            return Err("the upgrade's edits overlap (a shape it does not know): nothing was changed".into());
        }
    }
    let mut out = String::with_capacity(code.len());
    let mut from = 0;
    for edit in &edits {
        out.push_str(&code[from..edit.span.0]);
        out.push_str(&edit.text);
        from = edit.span.1;
    }
    out.push_str(&code[from..]);
    Ok(out)
}

#[cfg(test)]
mod tests;
