//! `JSON.parse` without recursion. V8 parses JSON iteratively, so Node reads
//! `'['.repeat(1e5) + ']'.repeat(1e5)` without complaint; boa's parser stops
//! at 128 levels, and a recursive one would overflow the worker's stack.
//! This builds the value with an explicit stack of open containers. Syntax
//! errors are not worded here: the caller asks `json_errors.js`, which words
//! them as V8 does.

use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyKey;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue};

/// An array or object being filled, with the key its next value goes under.
enum Open {
    Array(Vec<JsValue>),
    Object(JsObject, JsString),
}

struct Scanner<'a> {
    text: &'a [u16],
    at: usize,
}

const fn unit(c: char) -> u16 {
    c as u16
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(&c) = self.text.get(self.at) {
            if c == unit(' ') || c == unit('\t') || c == unit('\n') || c == unit('\r') {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u16> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(unit(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        for c in word.chars() {
            if !self.eat(c) {
                return None;
            }
        }
        Some(())
    }

    /// A string, the opening quote already consumed.
    fn string(&mut self) -> Option<JsString> {
        let start = self.at;
        // Fast path: no escapes.
        while let Some(c) = self.peek() {
            if c == unit('"') {
                let s = JsString::from(&self.text[start..self.at]);
                self.at += 1;
                return Some(s);
            }
            if c == unit('\\') || c < 0x20 {
                break;
            }
            self.at += 1;
        }
        let mut out: Vec<u16> = self.text[start..self.at].to_vec();
        loop {
            let c = self.peek()?;
            self.at += 1;
            if c == unit('"') {
                return Some(JsString::from(&out[..]));
            }
            if c < 0x20 {
                return None;
            }
            if c != unit('\\') {
                out.push(c);
                continue;
            }
            let escape = self.peek()?;
            self.at += 1;
            let decoded = match char::from_u32(u32::from(escape))? {
                '"' => unit('"'),
                '\\' => unit('\\'),
                '/' => unit('/'),
                'b' => 0x08,
                'f' => 0x0c,
                'n' => unit('\n'),
                'r' => unit('\r'),
                't' => unit('\t'),
                'u' => {
                    let digits = self.text.get(self.at..self.at + 4)?;
                    self.at += 4;
                    let text: String = digits.iter().map(|&d| char::from_u32(u32::from(d)).unwrap_or('?')).collect();
                    u16::from_str_radix(&text, 16).ok().filter(|_| text.chars().all(|c| c.is_ascii_hexdigit()))?
                }
                _ => return None,
            };
            out.push(decoded);
        }
    }

    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        self.eat('-');
        let digits = |s: &mut Self| {
            let from = s.at;
            while s.peek().is_some_and(|c| (unit('0')..=unit('9')).contains(&c)) {
                s.at += 1;
            }
            s.at - from
        };
        if self.eat('0') {
            // A leading zero stands alone.
        } else if digits(self) == 0 {
            return None;
        }
        if self.eat('.') && digits(self) == 0 {
            return None;
        }
        if self.eat('e') || self.eat('E') {
            let _ = self.eat('+') || self.eat('-');
            if digits(self) == 0 {
                return None;
            }
        }
        let text: String = self.text[start..self.at].iter().map(|&c| c as u8 as char).collect();
        text.parse().ok()
    }
}

/// The value of `text` as JSON, or `None` when it is not valid JSON.
pub fn parse(text: &JsString, context: &mut Context) -> JsResult<Option<JsValue>> {
    let units = text.to_vec();
    let mut s = Scanner { text: &units, at: 0 };
    let mut open: Vec<Open> = Vec::new();
    'value: loop {
        s.skip_whitespace();
        let Some(c) = s.peek() else { return Ok(None) };
        s.at += 1;
        let mut value: JsValue = match char::from_u32(u32::from(c)).unwrap_or('\0') {
            '{' => {
                s.skip_whitespace();
                let object = JsObject::with_object_proto(context.intrinsics());
                if s.eat('}') {
                    object.into()
                } else {
                    let Some(key) = object_key(&mut s) else { return Ok(None) };
                    open.push(Open::Object(object, key));
                    continue 'value;
                }
            }
            '[' => {
                s.skip_whitespace();
                if s.eat(']') {
                    JsArray::new(context)?.into()
                } else {
                    open.push(Open::Array(Vec::new()));
                    continue 'value;
                }
            }
            '"' => match s.string() {
                Some(string) => string.into(),
                None => return Ok(None),
            },
            't' => match s.literal("rue") {
                Some(()) => true.into(),
                None => return Ok(None),
            },
            'f' => match s.literal("alse") {
                Some(()) => false.into(),
                None => return Ok(None),
            },
            'n' => match s.literal("ull") {
                Some(()) => JsValue::null(),
                None => return Ok(None),
            },
            '-' | '0'..='9' => {
                s.at -= 1;
                match s.number() {
                    Some(n) => JsValue::from(n),
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        // Hand the finished value to its container; close what it completes.
        loop {
            s.skip_whitespace();
            match open.last_mut() {
                None => return Ok((s.at == units.len()).then_some(value)),
                Some(Open::Array(items)) => {
                    items.push(value);
                    if s.eat(',') {
                        continue 'value;
                    }
                    if !s.eat(']') {
                        return Ok(None);
                    }
                    let Some(Open::Array(items)) = open.pop() else { unreachable!() };
                    value = JsArray::from_iter(items, context).into();
                }
                Some(Open::Object(object, key)) => {
                    object.create_data_property_or_throw(PropertyKey::from(key.clone()), value, context)?;
                    if s.eat(',') {
                        s.skip_whitespace();
                        let Some(next) = object_key(&mut s) else { return Ok(None) };
                        *key = next;
                        continue 'value;
                    }
                    if !s.eat('}') {
                        return Ok(None);
                    }
                    let Some(Open::Object(object, _)) = open.pop() else { unreachable!() };
                    value = object.into();
                }
            }
        }
    }
}

/// `"key" :` at the scanner (whitespace before it already skipped).
fn object_key(s: &mut Scanner<'_>) -> Option<JsString> {
    if !s.eat('"') {
        return None;
    }
    let key = s.string()?;
    s.skip_whitespace();
    s.eat(':').then_some(key)
}
