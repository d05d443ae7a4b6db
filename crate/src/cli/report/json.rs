//! `--reporter json`: one JSON document once the suite is done — the
//! counts and, per unit in the suite's order, its name, file, case, status
//! (`passed`, `failed`, `invalid`), wall time and differences.

use super::{Checked, Outcome, Reporter, Summary};
use serde_json::{json, Value};
use std::io::Write;

pub struct Json {
    out: Box<dyn Write>,
    tests: Vec<Value>,
}

impl Json {
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out, tests: Vec::new() }
    }
}

impl Reporter for Json {
    fn checked(&mut self, checked: &Checked) {
        let (status, problems, runtime_ms) = match &checked.outcome {
            Outcome::Passed { runtime_ms } => ("passed", vec![], Some(*runtime_ms)),
            Outcome::Failed { problems } => ("failed", problems.clone(), None),
            Outcome::Invalid(e) => ("invalid", vec![e.clone()], None),
        };
        self.tests.push(json!({
            "name": checked.unit.label,
            "file": checked.unit.file.display().to_string(),
            "case": checked.unit.case,
            "status": status,
            "wallMs": checked.wall.as_secs_f64() * 1000.0,
            "runtimeMs": runtime_ms,
            "problems": problems,
        }));
    }

    fn finish(&mut self, s: &Summary) {
        let doc = json!({
            "passed": s.passed,
            "failed": s.failed,
            "invalid": s.invalid,
            "wallMs": s.wall.as_secs_f64() * 1000.0,
            "tests": std::mem::take(&mut self.tests),
        });
        let _ = writeln!(self.out, "{}", serde_json::to_string_pretty(&doc).expect("json"));
        let _ = self.out.flush();
    }
}
