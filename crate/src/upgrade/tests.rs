use super::upgrade_code;

fn upgraded(code: &str) -> String {
    upgrade_code(code).expect("upgrades").code
}

#[test]
fn a_final_callback_becomes_the_return_value_and_the_parameter_goes() {
    let code = "exports.main = async (event, callback) => {\n  // score it\n  const score = 3; /* keep */\n  callback({\n    outputFields: { score } // the score\n  });\n};";
    let want =
        "exports.main = async (event) => {\n  // score it\n  const score = 3; /* keep */\n  return {\n    outputFields: { score } // the score\n  };\n};";
    assert_eq!(upgraded(code), want);
}

#[test]
fn early_returns_if_else_and_try_catch() {
    let code = "exports.main = function (event, callback) {\n  if (!event.inputFields.email) {\n    callback({ outputFields: { ok: false } });\n    return;\n  }\n  try {\n    if (a) callback({ outputFields: { ok: 1 } });\n    else { callback({ outputFields: { ok: 2 } }); }\n  } catch (err) {\n    callback({ outputFields: { ok: 3 } });\n  }\n};";
    let want = "exports.main = function (event) {\n  if (!event.inputFields.email) {\n    return { outputFields: { ok: false } };\n  }\n  try {\n    if (a) return { outputFields: { ok: 1 } };\n    else { return { outputFields: { ok: 2 } }; }\n  } catch (err) {\n    return { outputFields: { ok: 3 } };\n  }\n};";
    assert_eq!(upgraded(code), want);
}

#[test]
fn then_chains_are_returned_and_their_callbacks_return() {
    let code = "exports.main = (event, callback) => {\n  hubspotClient.crm.contacts.basicApi.getById(id)\n    .then(r => callback({ outputFields: { e: r.properties.email } }))\n    .catch(err => {\n      console.error(err);\n      callback({ outputFields: {} });\n    });\n};";
    let want = "exports.main = (event) => {\n  return hubspotClient.crm.contacts.basicApi.getById(id)\n    .then(r => ({ outputFields: { e: r.properties.email } }))\n    .catch(err => {\n      console.error(err);\n      return { outputFields: {} };\n    });\n};";
    assert_eq!(upgraded(code), want);
}

#[test]
fn lambda_style_callback_null_keeps_what_hubspot_delivered() {
    assert_eq!(
        upgraded("exports.main = async (event, cb) => {\n  return cb(null, { outputFields: {} });\n};"),
        "exports.main = async (event) => {\n  return null;\n};"
    );
}

#[test]
fn what_no_return_can_replace_resolves_a_promise_instead() {
    let code = "exports.main = (event, callback) => {\n  setTimeout(() => callback({ outputFields: { a: 1 } }), 10);\n  console.log('after');\n};";
    let result = upgrade_code(code).unwrap();
    let want = "exports.main = (event) => { return new Promise((callback) => {\n  setTimeout(() => callback({ outputFields: { a: 1 } }), 10);\n  console.log('after');\n});};";
    assert_eq!(result.code, want);
    assert_eq!(result.left.len(), 1);
    let left = &result.left[0];
    assert_eq!((left.rule.as_str(), left.line, left.column), ("upgrade-wrapped", 2, 20));
    assert_eq!(&want[left.from..left.to], "callback({ outputFields: { a: 1 } })");
    let awaited =
        upgrade_code("exports.main = async (event, cb) => {\n  await x();\n  cb({ outputFields: {} });\n  cb({ outputFields: { late: 1 } });\n};").unwrap();
    assert!(awaited.code.starts_with("exports.main = async (event) => { return new Promise(async (cb) => {\n"), "{}", awaited.code);
}

#[test]
fn return_style_code_is_left_as_it_is() {
    let code = "exports.main = async (event) => ({ outputFields: {} });";
    assert_eq!(upgraded(code), code);
}

#[test]
fn both_versions_are_compared_on_the_base_and_every_case() {
    let original = crate::parse_scenario(
        r#"{"version":1,"name":"A","code":"exports.main = (e, cb) => cb({})",
            "cases":[{"name":"empty","inputFields":{"x":""}},{"name":"big","inputFields":{"x":"9"}}]}"#,
    )
    .unwrap();
    let mut upgraded = original.clone();
    upgraded.code = "exports.main = async (e) => ({})".into();
    let pairs = super::compare::pairs(&original, &upgraded);
    let labels: Vec<&str> = pairs.iter().map(|(label, _, _)| label.as_str()).collect();
    assert_eq!(labels, ["A", "A › empty", "A › big"]);
    let (_, before, after) = &pairs[2];
    assert_eq!(before.effective_event()["inputFields"]["x"], "9");
    assert_eq!(after.effective_event()["inputFields"]["x"], "9");
    assert!(after.code.contains("async (e)") && before.cases.is_empty() && after.cases.is_empty());
}
