//! Two hooks the harness adds to the action's source, so that code sees
//! what it would see in Node:
//!
//! - V8's wording for `e.message` read in a `catch`. Errors the engine makes
//!   carry boa's wording until they are surfaced; every `catch (name) {` gets
//!   `name = __apCaught(name, [tryLine, catchLine]);` as its first statement,
//!   which rewrites the message in place (the lines bound where the failing
//!   access can be, where boa's own position for it is vague).
//! - A *catchable* "Maximum call stack size exceeded". boa's own recursion
//!   limit ends the run with an error no `try` can see; every function body
//!   starts with `__apDepth();`, which throws Node's RangeError a little
//!   before that limit.
//!
//! The scan skips strings, template literals, comments and regular
//! expressions, keeps directive prologues (`'use strict'`) first, and keeps
//! every line where it was, so positions in stacks stay right.

/// The name the action's wrapper gives the message-rewriting function.
pub const CAUGHT_HOOK: &str = "__apCaught";
/// The name the action's wrapper gives the call-depth check.
pub const DEPTH_HOOK: &str = "__apDepth";

/// Keywords whose parenthesized part is not a parameter list.
const NOT_PARAMETERS: [&str; 7] = ["if", "for", "while", "switch", "catch", "with", "return"];

/// Where a function body's first statement goes: after its directive
/// prologue (`'use strict';`), else right after the `{`.
fn body_start(code: &[u8], after_brace: usize) -> usize {
    let mut i = after_brace;
    while i < code.len() && code[i].is_ascii_whitespace() {
        i += 1;
    }
    let Some(&quote) = code.get(i).filter(|q| **q == b'\'' || **q == b'"') else { return after_brace };
    let mut j = i + 1;
    while j < code.len() && code[j] != quote && code[j] != b'\n' {
        j += if code[j] == b'\\' { 2 } else { 1 };
    }
    if code.get(j) != Some(&quote) {
        return after_brace;
    }
    j += 1;
    let mut k = j;
    while k < code.len() && (code[k] == b' ' || code[k] == b'\t') {
        k += 1;
    }
    match code.get(k) {
        Some(b';') => k + 1,
        Some(b'\n') | Some(b'}') | None => j,
        _ => after_brace,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Code,
    /// Inside `${ … }` of a template: code until the brace depth returns to 0.
    TemplateCode(u32),
    Template,
    Str(u8),
    LineComment,
    BlockComment,
    Regex { in_class: bool },
}

fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Keywords after which a `/` starts a regular expression.
const REGEX_AFTER_WORDS: [&str; 10] = ["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield"];

/// `catch (name) {` at `at` (which points at `catch`): the name and the index just past `{`.
fn catch_clause(code: &[u8], at: usize) -> Option<(String, usize)> {
    let mut i = at + 5;
    let skip = |i: &mut usize| {
        while *i < code.len() && code[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip(&mut i);
    if code.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    skip(&mut i);
    let start = i;
    while i < code.len() && ident_byte(code[i]) {
        i += 1;
    }
    if i == start || code[start].is_ascii_digit() {
        return None;
    }
    let name = String::from_utf8_lossy(&code[start..i]).into_owned();
    skip(&mut i);
    if code.get(i) != Some(&b')') {
        return None;
    }
    i += 1;
    skip(&mut i);
    if code.get(i) != Some(&b'{') {
        return None;
    }
    Some((name, i + 1))
}

/// The action's source with both hooks in place.
pub fn with_hooks(code: &str) -> String {
    let bytes = code.as_bytes();
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut stack: Vec<Mode> = vec![Mode::Code];
    let mut last_significant: u8 = b'(';
    let mut last_word = String::new();
    // For each open `(`: whether it opens a parameter list (follows a name,
    // `function`, `]` or `*`, not a control keyword).
    let mut parens: Vec<bool> = Vec::new();
    // Whether the last `)` closed a parameter list; `=>` likewise marks a body.
    let mut closed_parameters = false;
    let mut arrow = false;
    // Lines of the `try`s whose `catch` is still to come.
    let mut tries: Vec<usize> = Vec::new();
    let line_of = |at: usize| code[..at].bytes().filter(|b| *b == b'\n').count() + 1;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mode = *stack.last().expect("the stack keeps its base");
        match mode {
            Mode::Code | Mode::TemplateCode(_) => {
                let next = bytes.get(i + 1).copied();
                match b {
                    b'/' if next == Some(b'/') => stack.push(Mode::LineComment),
                    b'/' if next == Some(b'*') => {
                        stack.push(Mode::BlockComment);
                        i += 1;
                    }
                    b'/' => {
                        let regex = b"(,=:[!&|?{};+-*%<>~^".contains(&last_significant) || REGEX_AFTER_WORDS.contains(&last_word.as_str());
                        if regex {
                            stack.push(Mode::Regex { in_class: false });
                        } else {
                            last_significant = b;
                            last_word.clear();
                        }
                    }
                    b'\'' | b'"' => stack.push(Mode::Str(b)),
                    b'`' => stack.push(Mode::Template),
                    b'{' => {
                        if let Mode::TemplateCode(depth) = mode {
                            *stack.last_mut().expect("non-empty") = Mode::TemplateCode(depth + 1);
                        }
                        // (A catch clause's `(` is not a parameter list: no depth check there.)
                        if (last_significant == b')' && closed_parameters) || arrow {
                            inserts.push((body_start(bytes, i + 1), format!(" {DEPTH_HOOK}();")));
                        }
                        last_significant = b;
                        last_word.clear();
                        arrow = false;
                    }
                    b'(' => {
                        let opens_parameters = (last_significant == b'a' && !NOT_PARAMETERS.contains(&last_word.as_str()))
                            || last_significant == b']'
                            || last_significant == b'*';
                        parens.push(opens_parameters);
                        last_significant = b;
                        last_word.clear();
                        arrow = false;
                    }
                    b')' => {
                        closed_parameters = parens.pop().unwrap_or(false);
                        last_significant = b;
                        last_word.clear();
                        arrow = false;
                    }
                    b'=' if next == Some(b'>') => {
                        arrow = true;
                        last_significant = b'>';
                        last_word.clear();
                        i += 2;
                        continue;
                    }
                    b'}' => {
                        match mode {
                            Mode::TemplateCode(0) => {
                                stack.pop();
                            }
                            Mode::TemplateCode(depth) => *stack.last_mut().expect("non-empty") = Mode::TemplateCode(depth - 1),
                            _ => {}
                        }
                        last_significant = b;
                        last_word.clear();
                    }
                    _ if ident_byte(b) && (i == 0 || !ident_byte(bytes[i - 1])) => {
                        let mut end = i;
                        while end < bytes.len() && ident_byte(bytes[end]) {
                            end += 1;
                        }
                        let word = &code[i..end];
                        if word == "try" {
                            tries.push(line_of(i));
                        }
                        if word == "catch" || word == "finally" {
                            let try_line = tries.pop();
                            if word == "catch" {
                                if let Some((name, after_brace)) = catch_clause(bytes, i) {
                                    let lines = try_line.map(|t| format!(", [{t}, {}]", line_of(i))).unwrap_or_default();
                                    inserts.push((after_brace, format!(" {name} = {CAUGHT_HOOK}({name}{lines});")));
                                }
                            }
                        }
                        last_word = word.to_string();
                        last_significant = b'a';
                        arrow = false;
                        i = end;
                        continue;
                    }
                    _ if b.is_ascii_whitespace() => {}
                    _ => {
                        last_significant = b;
                        last_word.clear();
                        arrow = false;
                    }
                }
            }
            Mode::Str(quote) => {
                if b == b'\\' {
                    i += 1;
                } else if b == quote || b == b'\n' {
                    stack.pop();
                    last_significant = b'a';
                }
            }
            Mode::Template => {
                if b == b'\\' {
                    i += 1;
                } else if b == b'`' {
                    stack.pop();
                    last_significant = b'a';
                } else if b == b'$' && bytes.get(i + 1) == Some(&b'{') {
                    stack.push(Mode::TemplateCode(0));
                    i += 1;
                }
            }
            Mode::LineComment => {
                if b == b'\n' {
                    stack.pop();
                }
            }
            Mode::BlockComment => {
                if b == b'*' && bytes.get(i + 1) == Some(&b'/') {
                    stack.pop();
                    i += 1;
                }
            }
            Mode::Regex { in_class } => match b {
                b'\\' => i += 1,
                b'[' => *stack.last_mut().expect("non-empty") = Mode::Regex { in_class: true },
                b']' => *stack.last_mut().expect("non-empty") = Mode::Regex { in_class: false },
                b'/' if !in_class => {
                    stack.pop();
                    last_significant = b'a';
                }
                b'\n' => {
                    stack.pop();
                }
                _ => {}
            },
        }
        i += 1;
    }
    if inserts.is_empty() {
        return code.to_string();
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(code.len() + inserts.len() * 32);
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&code[from..at]);
        out.push_str(&text);
        from = at;
    }
    out.push_str(&code[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catch_clauses_get_the_hook() {
        assert_eq!(with_hooks("try { a(); } catch (e) { log(e); }"), "try { a(); } catch (e) { e = __apCaught(e, [1, 1]); log(e); }");
        assert_eq!(with_hooks("try {} catch(err){\n}"), "try {} catch(err){ err = __apCaught(err, [1, 1]);\n}");
        assert_eq!(with_hooks("try {} catch {}"), "try {} catch {}");
        assert_eq!(with_hooks("try {} catch ({ message }) {}"), "try {} catch ({ message }) {}");
    }

    #[test]
    fn catch_hooks_know_their_try_lines() {
        let code = "try {\n  try { a(); } catch (inner) {}\n  b();\n} finally {}\ntry {\n  c();\n} catch (outer) {}";
        let hooked = with_hooks(code);
        assert!(hooked.contains("inner = __apCaught(inner, [2, 2]);"), "{hooked}");
        assert!(hooked.contains("outer = __apCaught(outer, [5, 7]);"), "{hooked}");
    }

    #[test]
    fn function_bodies_check_the_depth_and_blocks_do_not() {
        assert_eq!(with_hooks("function f(n) { return f(n); }"), "function f(n) { __apDepth(); return f(n); }");
        assert_eq!(with_hooks("const g = async (a, b) => { x(); };"), "const g = async (a, b) => { __apDepth(); x(); };");
        assert_eq!(with_hooks("const h = x => x + 1;"), "const h = x => x + 1;");
        assert_eq!(with_hooks("class A { get v() { return 1; } [k]() {} *gen() {} }"), "class A { get v() { __apDepth(); return 1; } [k]() { __apDepth();} *gen() { __apDepth();} }");
        for block in ["if (a) { b(); }", "for (const x of y) { z(); }", "while (f(x)) { g(); }", "switch (k) { case 1: }", "const o = { a: 1 };"] {
            assert_eq!(with_hooks(block), block);
        }
        assert_eq!(with_hooks("function s() {\n  'use strict';\n  go();\n}"), "function s() {\n  'use strict'; __apDepth();\n  go();\n}");
        assert_eq!(with_hooks("exports.main = async (event, callback) => {\n  ok();\n};"), "exports.main = async (event, callback) => { __apDepth();\n  ok();\n};");
    }

    #[test]
    fn strings_comments_templates_and_regexes_are_left_alone() {
        for code in [
            "const s = 'try {} catch (e) {}';",
            "// catch (e) {\nx();",
            "/* catch (e) { */ x();",
            "const t = `catch (e) {`;",
            "const r = /catch (e) {/;",
            "const u = a / b; const w = `${ '}' } catch (e) {`;",
        ] {
            assert_eq!(with_hooks(code), code, "{code}");
        }
        let nested = "const t = `${ (() => { try { f(); } catch (e) { return 1; } })() }`;";
        assert!(with_hooks(nested).contains("catch (e) { e = __apCaught(e, [1, 1]);"));
        assert_eq!(with_hooks("x = a / b; try {} catch (e) {}"), "x = a / b; try {} catch (e) { e = __apCaught(e, [1, 1]);}");
    }
}
