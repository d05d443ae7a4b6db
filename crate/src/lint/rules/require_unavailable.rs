use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "require-unavailable",
    severity: Severity::Error,
    summary: "require of a module HubSpot does not install",
    explanation: "A custom code action cannot install packages: require() finds only Node's built-in modules and the \
libraries HubSpot lists for custom code actions. Anything else fails with \"Cannot find module\" before the handler runs. \
Fix: use one of the listed libraries (axios, lodash, @hubspot/api-client, …) or Node's built-ins (https, crypto, …), \
or call the service's HTTP API directly.",
    check,
};

/// HubSpot's "Node.js supported libraries" for custom code actions
/// (developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/custom-code-actions,
/// read 2026-11): @hubspot/api-client ^10, async ^3.2.0, aws-sdk ^2.744.0, axios ^1.2.0,
/// lodash ^4.17.20, mongoose ^6.8.0, mysql ^2.18.1, redis ^4.5.1, request ^2.88.2,
/// bluebird ^3.7.2, random-number-csprng ^1.0.2, googleapis ^67.0.0. HubSpot's
/// upgrade guide ("Upgrade custom code actions to Node.js 24") says these
/// changed versions on Node.js 24 without the stored copy listing new names,
/// so both runtimes share the list; a name that differs would go here.
const HUBSPOT_LIBRARIES: [&str; 12] =
    ["@hubspot/api-client", "async", "aws-sdk", "axios", "lodash", "mongoose", "mysql", "redis", "request", "bluebird", "random-number-csprng", "googleapis"];

/// Node 20's `require('module').builtinModules` (without `_` internals).
const NODE_BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Whether `require(id)` finds a module on HubSpot.
pub fn available(id: &str) -> bool {
    if let Some(builtin) = id.strip_prefix("node:") {
        return NODE_BUILTINS.contains(&builtin.split('/').next().unwrap_or(""));
    }
    let package = match id.strip_prefix('@') {
        Some(_) => id.splitn(3, '/').take(2).collect::<Vec<_>>().join("/"),
        None => id.split('/').next().unwrap_or("").to_string(),
    };
    HUBSPOT_LIBRARIES.contains(&package.as_str()) || NODE_BUILTINS.contains(&package.as_str())
}

fn check(input: &Input, out: &mut Vec<Found>) {
    for call in &input.facts.calls {
        let Some(id) = call.first_string.as_deref().filter(|_| call.callee == "require") else { continue };
        if !available(id) && !id.starts_with('.') && !id.starts_with('/') {
            out.push(Found::new(call.span, format!("'{id}' is not installed on HubSpot: require() fails with \"Cannot find module '{id}'\"")));
        } else if id.starts_with('.') || id.starts_with('/') {
            out.push(Found::new(call.span, format!("'{id}': a custom code action is one file; there is nothing else to require")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_modules_outside_hubspots_list() {
        assert_eq!(ids("const m = require('moment');\nexports.main = async (e) => ({});", Node24, &[], &[]), ["require-unavailable"]);
        assert_eq!(ids("const x = require('./helpers');\nexports.main = async (e) => ({});", Node24, &[], &[]), ["require-unavailable"]);
        let fine = "const a = require('axios'); const h = require('@hubspot/api-client'); const c = require('node:crypto');\n\
                    const fp = require('lodash/fp'); const p = require('fs/promises');\nexports.main = async (e) => ({});";
        assert!(ids(fine, Node24, &[], &[]).is_empty());
    }
}
