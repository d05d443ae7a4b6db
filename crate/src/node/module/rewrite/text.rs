//! Positions in the action's text: boa's (line, column) to byte offsets and
//! back, and the few token scans the AST leaves to the source.

use boa_ast::Position;

/// Where each line starts, by boa's line terminators (`\r\n`, `\n`, `\r`,
/// U+2028, U+2029); boa counts columns in code points from 1.
pub struct Lines<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    pub fn new(text: &'s str) -> Self {
        let mut starts = vec![0];
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\r' if chars.peek().is_some_and(|(_, next)| *next == '\n') => {}
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => starts.push(at + c.len_utf8()),
                _ => {}
            }
        }
        Self { text, starts }
    }

    /// The byte offset of a position (clamped to the text).
    pub fn offset(&self, position: Position) -> usize {
        let line = (position.line_number() as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(line) else { return self.text.len() };
        let columns = (position.column_number() as usize).saturating_sub(1);
        self.text[start..].char_indices().nth(columns).map_or(self.text.len(), |(at, _)| start + at)
    }

    /// The (line, column) of a byte offset, both from 1.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset.min(self.text.len())].chars().count() + 1)
    }
}

/// The offset of the first byte at or after `at` that is not whitespace or
/// part of a comment.
pub fn skip_blank(code: &[u8], mut at: usize) -> usize {
    loop {
        while at < code.len() && code[at].is_ascii_whitespace() {
            at += 1;
        }
        match (code.get(at), code.get(at + 1)) {
            (Some(b'/'), Some(b'/')) => {
                while at < code.len() && code[at] != b'\n' {
                    at += 1;
                }
            }
            (Some(b'/'), Some(b'*')) => {
                at += 2;
                while at + 1 < code.len() && !(code[at] == b'*' && code[at + 1] == b'/') {
                    at += 1;
                }
                at = (at + 2).min(code.len());
            }
            _ => return at,
        }
    }
}

/// Where a function body's first statement goes, given the offset just past
/// its `{`: after its directive prologue (`'use strict';`), which must stay
/// first, else right after the brace.
pub fn body_start(code: &[u8], after_brace: usize) -> usize {
    let mut at = after_brace;
    loop {
        let i = skip_blank(code, at);
        let Some(&quote) = code.get(i).filter(|q| **q == b'\'' || **q == b'"') else { return at };
        let mut j = i + 1;
        while j < code.len() && code[j] != quote && code[j] != b'\n' {
            j += if code[j] == b'\\' { 2 } else { 1 };
        }
        if code.get(j) != Some(&quote) {
            return at;
        }
        j += 1;
        let mut k = j;
        while k < code.len() && (code[k] == b' ' || code[k] == b'\t') {
            k += 1;
        }
        match code.get(k) {
            Some(b';') => at = k + 1,
            Some(b'\n') | Some(b'\r') | Some(b'}') | None => at = j,
            _ => return at,
        }
    }
}
