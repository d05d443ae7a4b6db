//! The options of `test` that take cases further: `--update` (rewrite
//! expectations, as snapshot tools do) and `--repeat N` (find flaky actions).

/// How many runs `--repeat` allows per test (each is a full isolated run).
const REPEAT_LIMIT: u32 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestOptions {
    pub update: bool,
    /// Runs per test; results that differ between runs fail it as flaky.
    pub repeat: u32,
}

impl TestOptions {
    /// Takes `--update`, `--repeat N` and `--repeat=N` out of `args`; the rest is returned as given.
    pub fn take(args: &[String]) -> Result<(TestOptions, Vec<String>), String> {
        let mut options = TestOptions { update: false, repeat: 1 };
        let mut rest = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--update" | "-u" => options.update = true,
                "--repeat" => options.repeat = repeat_count(args.next().map(String::as_str))?,
                other => match other.strip_prefix("--repeat=") {
                    Some(count) => options.repeat = repeat_count(Some(count))?,
                    None => rest.push(arg.clone()),
                },
            }
        }
        Ok((options, rest))
    }
}

fn repeat_count(given: Option<&str>) -> Result<u32, String> {
    let given = given.ok_or("--repeat needs a number of runs")?;
    match given.parse::<u32>() {
        Ok(n) if (1..=REPEAT_LIMIT).contains(&n) => Ok(n),
        _ => Err(format!("--repeat takes a number of runs from 1 to {REPEAT_LIMIT}, not '{given}'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(args: &[&str]) -> Result<(TestOptions, Vec<String>), String> {
        TestOptions::take(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_come_out_and_paths_stay() {
        assert_eq!(take(&["a", "--update", "--repeat", "3", "b"]).unwrap(), (TestOptions { update: true, repeat: 3 }, vec!["a".into(), "b".into()]));
        assert_eq!(take(&["--repeat=5", "a"]).unwrap().0.repeat, 5);
        assert_eq!(take(&["a"]).unwrap().0, TestOptions { update: false, repeat: 1 });
        assert!(take(&["--repeat"]).is_err());
        assert!(take(&["--repeat", "0"]).is_err());
        assert!(take(&["--repeat=x"]).is_err());
    }
}
