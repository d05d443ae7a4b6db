//! `--reporter junit`: JUnit XML as GitHub Actions' and GitLab's test
//! report readers take it — one `testcase` per unit (classname: the file),
//! a `failure` carrying the differences, an `error` for an invalid file.

use super::{Checked, Outcome, Reporter, Summary};
use std::fmt::Write as _;
use std::io::Write;

pub struct Junit {
    out: Box<dyn Write>,
    cases: String,
}

impl Junit {
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out, cases: String::new() }
    }
}

/// `text` as XML 1.0 character data or attribute value. Characters XML 1.0
/// cannot carry at all (most C0 controls, U+FFFE, U+FFFF; not even as
/// references) are written as `\u{…}` text; tabs and line breaks are
/// references so attribute normalization keeps them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit {
    fn checked(&mut self, checked: &Checked) {
        let unit = checked.unit;
        let file = escape(&unit.file.display().to_string());
        let _ = write!(
            self.cases,
            "    <testcase name=\"{}\" classname=\"{file}\" file=\"{file}\" time=\"{:.3}\"",
            escape(&unit.label),
            checked.wall.as_secs_f64()
        );
        let _ = match &checked.outcome {
            Outcome::Passed { .. } => writeln!(self.cases, "/>"),
            Outcome::Failed { problems } => writeln!(
                self.cases,
                ">\n      <failure message=\"{}\" type=\"expect\">{}</failure>\n    </testcase>",
                escape(problems.first().map_or("", String::as_str)),
                escape(&problems.join("\n"))
            ),
            Outcome::Invalid(e) => writeln!(self.cases, ">\n      <error message=\"{}\" type=\"invalid\">{}</error>\n    </testcase>", escape(e), escape(e)),
        };
    }

    fn finish(&mut self, s: &Summary) {
        let counts =
            format!("tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3}\"", s.passed + s.failed + s.invalid, s.failed, s.invalid, s.wall.as_secs_f64());
        let _ = write!(
            self.out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"action-playground\" {counts}>\n  <testsuite name=\"action-playground\" {counts} skipped=\"0\">\n{}  </testsuite>\n</testsuites>\n",
            self.cases
        );
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_quotes_breaks_and_characters_xml_cannot_hold() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\ny\tz\r"), "x&#10;y&#9;z&#13;");
        assert_eq!(escape("\u{1}\u{1b}[31m\u{ffff}é😀"), "\\u{1}\\u{1b}[31m\\u{ffff}é😀");
        assert_eq!(escape("]]>"), "]]&gt;");
    }
}
