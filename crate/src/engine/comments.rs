//! The code with its comments blanked, for the preload heuristics
//! (`preload.rs`): a `require('lodash')` commented out, or `process.env`
//! named in a comment, must not make a context load what the action never
//! uses. In the browser's first context that load runs in code the browser
//! has not compiled yet, beside the page's own start.
//!
//! A scanner, not a parser: strings, template literals (with their `${…}`
//! code) and regular expression literals are kept as they are, so `//`
//! inside them is not a comment. Whether a `/` starts a regular expression
//! is told by what precedes it, as JavaScript tokenizers do. A wrong guess
//! costs only a preload (made or missed), never a result.

/// `code` with every comment's characters replaced by spaces (line breaks kept).
pub(super) fn without_comments(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    // Open `${` of template literals: the brace depth of the code inside each.
    let mut templates: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    out.push(' ');
                    i += 1;
                }
                continue;
            }
            '/' if next == Some('*') => {
                let end = (i + 2..chars.len().saturating_sub(1)).find(|&j| chars[j] == '*' && chars[j + 1] == '/').map_or(chars.len(), |j| j + 2);
                out.extend(chars[i..end].iter().map(|&c| if c == '\n' { '\n' } else { ' ' }));
                i = end;
                continue;
            }
            '/' if regex_may_start(&out) => i = copy_regex(&chars, i, &mut out),
            '\'' | '"' => i = copy_string(&chars, i, &mut out),
            '`' => i = copy_template(&chars, i, &mut out, &mut templates),
            '}' if templates.last() == Some(&0) => {
                templates.pop();
                out.push(c);
                i = copy_template(&chars, i, &mut out, &mut templates);
            }
            '{' | '}' => {
                if let Some(depth) = templates.last_mut() {
                    *depth = if c == '{' { *depth + 1 } else { *depth - 1 };
                }
                out.push(c);
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Copies the character at `i` to `out` (with the one it escapes, for a
/// backslash) and moves past it; returns it, or None when it escaped one.
fn copy_next(chars: &[char], i: &mut usize, out: &mut String) -> Option<char> {
    let c = chars[*i];
    out.push(c);
    *i += 1;
    if c == '\\' && *i < chars.len() {
        out.push(chars[*i]);
        *i += 1;
        return None;
    }
    Some(c)
}

/// Copies the quoted string starting at `start`; returns the index after it.
fn copy_string(chars: &[char], start: usize, out: &mut String) -> usize {
    let quote = chars[start];
    out.push(quote);
    let mut i = start + 1;
    while i < chars.len() {
        match copy_next(chars, &mut i, out) {
            Some('\n') => break,
            Some(c) if c == quote => break,
            _ => {}
        }
    }
    i
}

/// Copies template text from `start` (a backtick, or the `}` closing a
/// `${…}`) up to its closing backtick, or up to a `${`, whose code the
/// caller scans next (its depth pushed on `templates`).
fn copy_template(chars: &[char], start: usize, out: &mut String, templates: &mut Vec<usize>) -> usize {
    if chars[start] == '`' {
        out.push('`');
    }
    let mut i = start + 1;
    while i < chars.len() {
        match copy_next(chars, &mut i, out) {
            Some('`') => break,
            Some('$') if chars.get(i) == Some(&'{') => {
                out.push('{');
                templates.push(0);
                return i + 1;
            }
            _ => {}
        }
    }
    i
}

/// Copies the regular expression literal at `start`; returns the index after it.
fn copy_regex(chars: &[char], start: usize, out: &mut String) -> usize {
    out.push('/');
    let mut i = start + 1;
    let mut in_class = false;
    while i < chars.len() && chars[i] != '\n' {
        match copy_next(chars, &mut i, out) {
            Some('[') => in_class = true,
            Some(']') => in_class = false,
            Some('/') if !in_class => return i,
            _ => {}
        }
    }
    i
}

/// Whether a `/` after `before` starts a regular expression rather than
/// dividing: after an operator, an opening bracket, a separator, a keyword
/// that takes an expression, or at the start.
fn regex_may_start(before: &str) -> bool {
    let trimmed = before.trim_end();
    let Some(last) = trimmed.chars().last() else { return true };
    if "(,=:[!&|?{};+-*%<>~^".contains(last) {
        return true;
    }
    const KEYWORDS: [&str; 13] = ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"];
    let word: String = trimmed.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect::<Vec<_>>().into_iter().rev().collect();
    KEYWORDS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_are_blanked_and_lines_kept() {
        let code = "a(); // require('lodash')\n/* process.env\n fetch( */ b();";
        let stripped = without_comments(code);
        assert_eq!(stripped.len(), code.len());
        assert_eq!(stripped.lines().count(), code.lines().count());
        assert!(!stripped.contains("lodash") && !stripped.contains("process") && !stripped.contains("fetch"), "{stripped}");
        assert!(stripped.contains("a();") && stripped.contains("b();"));
    }

    #[test]
    fn strings_templates_and_regexes_keep_their_slashes() {
        let code = concat!(
            "fetch('https://api.example.com'); const u = \"http://x\"; const t = `//${a /* c */ + '//'}//`;\n",
            "const r = /\\/\\/[/]/g.test(s); const half = n / 2 / k; // process\n",
            "if (x) return /a\\/b/.source; const o = { k: `${ {a:1}.a }` }; require('axios');"
        );
        let stripped = without_comments(code);
        for kept in [
            "'https://api.example.com'",
            "\"http://x\"",
            "`//${a ",
            "+ '//'}//`",
            "/\\/\\/[/]/g",
            "n / 2 / k",
            "/a\\/b/.source",
            "`${ {a:1}.a }`",
            "require('axios')",
        ] {
            assert!(stripped.contains(kept), "{kept} lost: {stripped}");
        }
        assert!(!stripped.contains("/* c */") && !stripped.contains("process"), "{stripped}");
    }
}
