//! The human reporter: a line per unit (`ok`, `FAILED` with the
//! differences below it, `INVALID`), then the counts.

use super::{Checked, Outcome, Reporter, Summary};
use std::io::Write;

pub struct Human {
    out: Box<dyn Write>,
}

impl Human {
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out }
    }
}

impl Reporter for Human {
    fn checked(&mut self, checked: &Checked) {
        let label = &checked.unit.label;
        let _ = match &checked.outcome {
            Outcome::Passed { runtime_ms } => writeln!(self.out, "ok      {label} ({runtime_ms:.1} ms)"),
            Outcome::Failed { problems } => {
                let _ = writeln!(self.out, "FAILED  {label} [{}]", checked.unit.file.display());
                problems.iter().try_for_each(|p| writeln!(self.out, "          {p}"))
            }
            Outcome::Invalid(e) => writeln!(self.out, "INVALID {e}"),
        };
        let _ = self.out.flush();
    }

    fn finish(&mut self, s: &Summary) {
        let _ = if s.invalid > 0 {
            writeln!(self.out, "{} passed, {} failed, {} invalid", s.passed, s.failed, s.invalid)
        } else {
            writeln!(self.out, "{} passed, {} failed", s.passed, s.failed)
        };
        let _ = self.out.flush();
    }
}
