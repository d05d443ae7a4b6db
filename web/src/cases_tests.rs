use super::*;
use action_playground::report::{ErrorInfo, LogLine, Status};
use serde_json::json;

fn scenario() -> Scenario {
    parse_scenario(
        &json!({
            "version": 1, "code": "exports.main = () => {}",
            "event": {"inputFields": {"email": "a@b.c"}},
            "expect": {"status": "success"},
            "ignore": ["outputFields.at"],
            "cases": [{"name": "empty email", "inputFields": {"email": ""}, "expect": {"status": "error"}}]
        })
        .to_string(),
    )
    .unwrap()
}

fn report(status: Status, outputs: Value, logs: &[&str]) -> RunReport {
    let mut report = RunReport::platform_error("Error", "boom".into(), 3.0);
    report.status = status;
    if status == Status::Success {
        report.error = None;
        report.output_fields = Some(outputs);
    }
    report.logs = logs.iter().map(|m| LogLine { level: "log".into(), message: m.to_string() }).collect();
    report
}

#[test]
fn add_duplicate_rename_and_delete() {
    let mut s = scenario();
    assert_eq!(add_case(&mut s), "case 2");
    assert_eq!(s.cases[1].input_fields.as_ref().unwrap()["email"], "a@b.c", "the base's inputs are there to change");
    assert_eq!(duplicate_case(&mut s, 0).unwrap(), "empty email (copy)");
    assert_eq!(duplicate_case(&mut s, 0).unwrap(), "empty email (copy) 2");
    assert_eq!(s.cases.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["empty email", "empty email (copy) 2", "empty email (copy)", "case 2"]);
    assert_eq!(s.cases[1].expect, s.cases[0].expect);
    assert_eq!(rename_case(&mut s, 1, " missing "), Ok(()));
    assert_eq!(s.cases[1].name, "missing");
    assert!(rename_case(&mut s, 1, "case 2").unwrap_err().contains("already a case named"));
    assert!(rename_case(&mut s, 1, "  ").is_err());
    delete_case(&mut s, 0);
    assert_eq!(s.cases[0].name, "missing");
    assert!(parse_scenario(&serde_json::to_string(&s).unwrap()).is_ok());
}

#[test]
fn a_case_edited_as_json_goes_through_the_parser() {
    let mut s = scenario();
    replace_case(&mut s, 0, json!({"inputFields": {"email": "x"}, "settings": {"timezone": "Europe/Paris"}})).unwrap();
    assert_eq!(s.cases[0].name, "empty email");
    assert_eq!(s.cases[0].settings.as_ref().unwrap().timezone.as_deref(), Some("Europe/Paris"));
    assert_eq!(
        replace_case(&mut s, 0, json!({"settings": {"timezone": "Mars/Base"}})).unwrap_err(),
        "cases[0].settings.timezone: unknown time zone 'Mars/Base'"
    );
    assert_eq!(s.cases[0].settings.as_ref().unwrap().timezone.as_deref(), Some("Europe/Paris"), "a refused edit changes nothing");
    assert!(case_json(&s.cases[0]).get("name").is_none());
}

#[test]
fn ignore_paths_are_checked_and_kept_out_of_a_saved_expectation() {
    let mut s = scenario();
    assert!(set_ignore(&mut s, Some("empty email"), "logs[x]").unwrap_err().starts_with("Not a result path"));
    set_ignore(&mut s, Some("empty email"), "logs[0].message,\n outputFields.id").unwrap();
    assert_eq!(s.cases[0].ignore, ["logs[0].message", "outputFields.id"]);
    let result = report(Status::Success, json!({"id": 7, "at": 1, "kept": true}), &["t=1", "done"]);
    save_expectation(&mut s, Some("empty email"), &result).unwrap();
    let expect = s.cases[0].expect.clone().unwrap();
    assert_eq!(expect["outputFields"], json!({"kept": true}), "the base's and the case's ignored paths are left out");
    assert_eq!(expect["logs"], json!([{"level": "log"}, {"level": "log", "message": "done"}]));
    let again = CaseResult {
        case: Some("empty email".into()),
        report: report(Status::Success, json!({"id": 8, "at": 2, "kept": true}), &["t=2", "done"]),
        wall_ms: 1.0,
    };
    assert_eq!(again.verdict(&s), Verdict::Pass);
}

#[test]
fn verdicts_follow_the_scenario_as_it_is_now() {
    let mut s = scenario();
    let failed = CaseResult { case: Some("empty email".into()), report: report(Status::Success, json!({"a": 1}), &["hi"]), wall_ms: 2.0 };
    let Verdict::Fail(problems) = failed.verdict(&s) else { panic!() };
    assert_eq!(problems, ["status: expected \"error\", got \"success\""]);
    let diff = failed.diff(&s);
    assert_eq!(
        diff.iter().map(|d| (d.title, d.differs)).collect::<Vec<_>>(),
        [("Status", true), ("Outputs", false), ("Logs", false), ("Requests", false), ("CRM changes", false)]
    );
    assert_eq!(diff[0].expected.as_deref(), Some("{\n  \"status\": \"error\"\n}"));
    assert!(diff[1].expected.is_none(), "the expectation does not check outputs");
    assert!(diff[1].actual.contains("\"a\": 1"));
    save_expectation(&mut s, Some("empty email"), &failed.report).unwrap();
    assert_eq!(failed.verdict(&s), Verdict::Pass);
    s.cases[0].expect = None;
    assert_eq!(failed.verdict(&s), Verdict::NoExpectation);
    s.cases.clear();
    assert_eq!(failed.verdict(&s), Verdict::Gone);
}

#[test]
fn run_all_queues_the_base_and_every_case_and_keeps_the_file_order() {
    let mut s = scenario();
    add_case(&mut s);
    let mut run = CasesRun::start(&s, 100.0).unwrap();
    assert_eq!(run.total, 3);
    // Two workers: slot 1 takes the second unit and finishes last.
    let base = run.next(0, 100.0).unwrap();
    assert!(base.cases.is_empty());
    assert_eq!(run.running_case(), Some(BASE_LABEL));
    assert_eq!(run.next(1, 100.0).unwrap().event["inputFields"]["email"], "");
    assert!(run.is_busy(1));
    run.finished(0, report(Status::Success, json!({}), &[]), 110.0);
    assert!(!run.is_busy(0));
    assert!(run.next(0, 110.0).is_some());
    assert!(run.next(0, 110.0).is_none(), "nothing left");
    run.finished(0, report(Status::Success, json!({}), &[]), 130.0);
    assert!(!run.is_done());
    assert_eq!(run.done_count(), 2);
    run.finished(1, report(Status::Success, json!({}), &[]), 150.0);
    assert!(run.is_done());
    let results = run.results();
    assert_eq!(results.iter().map(|r| r.label()).collect::<Vec<_>>(), [BASE_LABEL, "empty email", "case 2"]);
    assert_eq!(results.iter().map(|r| r.wall_ms).collect::<Vec<_>>(), [10.0, 50.0, 20.0]);
    s.cases[0].settings = Some(serde_json::from_value(json!({"timezone": "Mars/Base"})).unwrap());
    assert_eq!(CasesRun::start(&s, 0.0).unwrap_err(), "cases[0].settings.timezone: unknown time zone 'Mars/Base'");
    let mut none = scenario();
    none.expect = None;
    none.cases.clear();
    assert!(CasesRun::start(&none, 0.0).unwrap_err().contains("no cases"));
}

#[test]
fn an_error_result_is_judged_by_status_and_error() {
    let s = scenario();
    let failed = CaseResult { case: Some("empty email".into()), report: report(Status::Error, Value::Null, &[]), wall_ms: 1.0 };
    assert_eq!(failed.verdict(&s), Verdict::Pass);
    assert_eq!(failed.report.error, Some(ErrorInfo { name: "Error".into(), message: "boom".into() }));
}
