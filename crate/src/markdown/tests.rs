use super::*;
use crate::report::{ErrorInfo, LogLine, RequestRecord};

fn scenario(json: &str) -> Scenario {
    crate::parse_scenario(json).expect("valid scenario")
}

fn report() -> RunReport {
    RunReport {
        status: Status::Error,
        output_fields: None,
        error: Some(ErrorInfo { name: "TypeError".into(), message: "Cannot read properties of undefined (reading 'split')".into() }),
        logs: vec![LogLine { level: "info".into(), message: "key is sk-live-42".into() }],
        requests: vec![RequestRecord { method: "GET".into(), url: "https://api.example.com/x?key=sk-live-42".into(), status: Some(404), ..Default::default() }],
        runtime_ms: 1.0,
        memory_bytes: 0,
        crm_changes: vec![],
        undeclared_outputs: vec![],
        attempts: vec![],
        executions: vec![],
        timeline: vec![],
    }
}

const BASE: &str = r#"{"version":1,"name":"Lookup","runtime":"nodejs24","code":"exports.main = async () => ({ outputFields: {} });",
  "event":{"inputFields":{"email":"a@b.co"}},"secrets":{"API_KEY":"sk-live-42","SHORT":"1"},
  "outputs":[{"name":"domain","type":"string"}],
  "http":[{"method":"GET","url":"https://api.example.com/*","status":404,"times":1}]}"#;

#[test]
fn the_whole_post_in_order() {
    let text = scenario_markdown(&scenario(BASE), Some(&report()), Some("https://play.example/#s1.abc"));
    let expected = "### Lookup

Runtime: `nodejs24`

```js
exports.main = async () => ({ outputFields: {} });
```

**Event**

```json
{
  \"inputFields\": {
    \"email\": \"a@b.co\"
  }
}
```

**Secrets** (values not included): `API_KEY`, `SHORT`

**Data outputs**: `domain` (string)

**HTTP mocks**

- GET `https://api.example.com/*` → 404 (1×)

**Result: Error**

```
TypeError: Cannot read properties of undefined (reading 'split')
```

Logs:

```
INFO\tkey is [secret API_KEY]
```

Requests:

- GET `https://api.example.com/x?key=[secret API_KEY]` → 404

[Open in Action Playground](https://play.example/#s1.abc)

_Secret values are not in the link: fill them in after opening it._
";
    assert_eq!(text, expected);
}

#[test]
fn secret_values_never_appear() {
    let text = scenario_markdown(&scenario(BASE), Some(&report()), None);
    assert!(!text.contains("sk-live-42"), "{text}");
}

#[test]
fn code_with_a_fence_keeps_its_block() {
    let s = scenario(r#"{"version":1,"code":"// ```\n// ````\nexports.main = () => {};"}"#);
    let text = scenario_markdown(&s, None, None);
    assert!(text.contains("`````js\n// ```\n// ````\nexports.main = () => {};\n`````\n"), "{text}");
}

#[test]
fn without_a_run_there_is_no_result() {
    let text = scenario_markdown(&scenario(BASE), None, None);
    assert!(!text.contains("**Result"));
    assert!(text.starts_with("### Lookup\n"));
}
