//! V8's wording must also reach code that reads `e.message` itself. Errors
//! the engine makes carry boa's wording until they are surfaced; a caught
//! one is surfaced by the `catch` clause, so every `catch (name) {` of the
//! action gets `name = __apCaught(name);` as its first statement (the
//! harness passes `__apCaught`, which rewrites the message in place). The
//! scan skips strings, template literals, comments and regular expressions,
//! and keeps every line where it was, so positions in stacks stay right.

/// The name the action's wrapper gives the rewriting function.
pub const CAUGHT_HOOK: &str = "__apCaught";

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

/// The action's source with every simple `catch (name) {` routed through the hook.
pub fn route_caught_errors(code: &str) -> String {
    let bytes = code.as_bytes();
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut stack: Vec<Mode> = vec![Mode::Code];
    let mut last_significant: u8 = b'(';
    let mut last_word = String::new();
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
                        last_significant = b;
                        last_word.clear();
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
                        if word == "catch" {
                            if let Some((name, after_brace)) = catch_clause(bytes, i) {
                                inserts.push((after_brace, format!(" {name} = {CAUGHT_HOOK}({name});")));
                            }
                        }
                        last_word = word.to_string();
                        last_significant = b'a';
                        i = end;
                        continue;
                    }
                    _ if b.is_ascii_whitespace() => {}
                    _ => {
                        last_significant = b;
                        last_word.clear();
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
        assert_eq!(route_caught_errors("try { a(); } catch (e) { log(e); }"), "try { a(); } catch (e) { e = __apCaught(e); log(e); }");
        assert_eq!(route_caught_errors("try {} catch(err){\n}"), "try {} catch(err){ err = __apCaught(err);\n}");
        assert_eq!(route_caught_errors("try {} catch {}"), "try {} catch {}");
        assert_eq!(route_caught_errors("try {} catch ({ message }) {}"), "try {} catch ({ message }) {}");
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
            assert_eq!(route_caught_errors(code), code, "{code}");
        }
        let nested = "const t = `${ (() => { try { f(); } catch (e) { return 1; } })() }`;";
        assert!(route_caught_errors(nested).contains("catch (e) { e = __apCaught(e);"));
        assert_eq!(route_caught_errors("x = a / b; try {} catch (e) {}"), "x = a / b; try {} catch (e) { e = __apCaught(e);}");
    }
}
