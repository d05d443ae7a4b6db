//! `action-playground test` as a CI suite runner: parallel runs in a stable
//! order, shards, the JUnit and JSON reporters, isolation under `-j 2`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_action-playground"))
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/samples")
}

/// A fresh folder of scenario files, one per (name, json).
fn suite(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ap-suite-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, json) in files {
        std::fs::write(dir.join(file), json).unwrap();
    }
    dir
}

fn test(args: &[&str], path: &Path) -> (String, Output) {
    let out = bin().arg("test").args(args).arg(path).output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), out)
}

fn json_report(args: &[&str], path: &Path) -> serde_json::Value {
    let (text, _) = test(&[args, &["--reporter", "json"]].concat(), path);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// `(name, file, status)` of each test of a JSON report, in its order.
fn entries(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_string(), t["file"].as_str().unwrap().to_string(), t["status"].as_str().unwrap().to_string()))
        .collect()
}

/// The human report without the run times (they differ from run to run).
fn without_times(text: &str) -> String {
    text.lines().map(|l| l.rsplit_once(" (").filter(|_| l.starts_with("ok ")).map_or(l, |(head, _)| head)).collect::<Vec<_>>().join("\n")
}

#[test]
fn parallel_runs_report_in_the_suites_order_and_as_one_job_does() {
    let (serial, out) = test(&["-j", "1"], &samples());
    assert!(out.status.success(), "{serial}");
    let (parallel, out) = test(&["-j2"], &samples());
    assert!(out.status.success(), "{parallel}");
    assert_eq!(without_times(&parallel), without_times(&serial));
    let (default_jobs, _) = test(&[], &samples());
    assert_eq!(without_times(&default_jobs), without_times(&serial));
}

#[test]
fn shards_are_deterministic_disjoint_and_cover_the_suite() {
    let whole = entries(&json_report(&["-j", "2"], &samples()));
    assert!(whole.len() >= 10, "{whole:?}");
    let mut union = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let slice = entries(&json_report(&["--shard", &shard], &samples()));
        assert_eq!(slice, entries(&json_report(&["--shard", &shard, "-j", "1"], &samples())), "shard {shard} is the same every time");
        assert!(slice.len().abs_diff(whole.len() / 3) <= 1, "{shard}: {slice:?}");
        union.extend(slice);
    }
    union.sort();
    let mut expected = whole.clone();
    expected.sort();
    assert_eq!(union, expected, "the shards' union is the suite, each test once");
    let (_, out) = test(&["--shard", "4/3"], &samples());
    assert_eq!(out.status.code(), Some(2));
}

const PASSING: &str = r#"{"version":1,"name":"passes","code":"exports.main=(e,cb)=>cb({outputFields:{a:1}})","expect":{"outputFields":{"a":1}}}"#;
/// Its output holds markup, quotes and a control character XML cannot carry.
const FAILING: &str =
    r#"{"version":1,"name":"fails <&>","code":"exports.main=(e,cb)=>cb({outputFields:{a:'<b>\"x\" & \u0001'}})","expect":{"outputFields":{"a":"y"}}}"#;

#[test]
fn junit_has_a_testcase_per_test_and_the_difference_in_each_failure() {
    let dir = suite("junit", &[("a.json", PASSING), ("b.json", FAILING), ("c.json", r#"{"version":1,"code":"#)]);
    let (xml, out) = test(&["--reporter", "junit"], &dir);
    assert_eq!(out.status.code(), Some(2), "an invalid file makes the suite invalid");
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let suite = doc.descendants().find(|n| n.has_tag_name("testsuite")).unwrap();
    assert_eq!((suite.attribute("tests"), suite.attribute("failures"), suite.attribute("errors")), (Some("3"), Some("1"), Some("1")));
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let names: Vec<_> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(names[..2], ["passes", "fails <&>"]);
    assert!(cases[0].children().all(|c| !c.is_element()));
    let failure = cases[1].children().find(|c| c.has_tag_name("failure")).unwrap();
    let text = failure.text().unwrap();
    assert!(text.contains(r#"outputFields: expected {"a":"y"}, got {"a":"<b>\"x\" & \u0001"}"#), "{text}");
    assert_eq!(failure.attribute("message"), Some(text.lines().next().unwrap()));
    let error = cases[2].children().find(|c| c.has_tag_name("error")).unwrap();
    assert!(error.text().unwrap().contains("c.json"), "{xml}");
}

#[test]
fn json_reporter_to_a_file_beside_the_human_one() {
    let dir = suite("json", &[("a.json", PASSING), ("b.json", FAILING)]);
    let file = dir.join("report.out");
    let (human, out) = test(&["--reporter", "human", "--reporter", &format!("json={}", file.display())], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(human.trim_end().ends_with("1 passed, 1 failed"), "{human}");
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!((report["passed"].as_u64(), report["failed"].as_u64(), report["invalid"].as_u64()), (Some(1), Some(1), Some(0)));
    assert_eq!(report["tests"][0]["status"], "passed");
    assert_eq!(report["tests"][1]["name"], "fails <&>");
    assert!(report["tests"][1]["problems"][0].as_str().unwrap().starts_with("outputFields: expected"), "{report}");
    let (_, out) = test(&["--reporter", "yaml"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

/// An infinite loop, an allocation bomb (its process aborts) and a deep
/// recursion among ordinary scenarios, two at a time: each ends alone.
#[test]
fn a_run_that_hangs_or_dies_ends_only_itself_under_parallel_runs() {
    let mut files = vec![
        (
            "1-loop.json".to_string(),
            r#"{"version":1,"name":"loop","code":"exports.main=()=>{console.log('before');while(true){}}","settings":{"timeoutMs":1000},"expect":{"status":"error","error":{"name":"Error","message":"Task timed out after 1.00 seconds"},"logs":[{"level":"log","message":"before"}]}}"#.to_string(),
        ),
        (
            "2-bomb.json".to_string(),
            r#"{"version":1,"name":"bomb","code":"exports.main=()=>{const a=[];for(;;){a.push('x'.repeat(1e6)+a.length)}}","settings":{"memoryMb":64},"expect":{"status":"error","error":{"name":"Error","message":"Runtime exited with error: memory limit of 64 MB exceeded (Runtime.OutOfMemory)"}}}"#.to_string(),
        ),
        (
            "3-recursion.json".to_string(),
            r#"{"version":1,"name":"recursion","code":"function f(){return f()+1}exports.main=(e,cb)=>{try{f()}catch(err){cb({outputFields:{name:err.name}})}}","expect":{"outputFields":{"name":"RangeError"}}}"#.to_string(),
        ),
    ];
    for k in 0..6 {
        files.push((format!("{k}-ok.json"), PASSING.replace("passes", &format!("passes {k}"))));
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(f, j)| (f.as_str(), j.as_str())).collect();
    let dir = suite("isolation", &files);
    let started = std::time::Instant::now();
    let (text, out) = test(&["-j", "2"], &dir);
    assert!(out.status.success(), "{text}");
    assert!(text.trim_end().ends_with("9 passed, 0 failed"), "{text}");
    assert!(started.elapsed().as_secs() < 30, "the loop was killed at its deadline");
    // The same through a new process per run (the fallback where fork is unavailable).
    let out = bin().env("ACTION_PLAYGROUND_ISOLATION", "process").args(["test", "-j", "2"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn watch_reruns_a_file_that_changes() {
    use std::io::{BufRead, BufReader};
    let dir = suite("watch", &[("a.json", PASSING), ("b.json", FAILING)]);
    let mut child = bin().args(["test", "--watch"]).arg(&dir).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines().map_while(Result::ok);
    let first: Vec<String> = lines.by_ref().take_while(|l| !l.ends_with(" failed")).collect();
    assert!(first.iter().any(|l| l.starts_with("FAILED  fails")), "{first:?}");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(dir.join("b.json"), FAILING.replace(r#""a":"y""#, r#""a":"<b>\"x\" & \u0001""#)).unwrap();
    let next = lines.next().unwrap();
    let summary = lines.next().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(next.starts_with("ok      fails <&>"), "only the changed file reruns, now passing: {next}");
    assert_eq!(summary, "1 passed, 0 failed");
}
