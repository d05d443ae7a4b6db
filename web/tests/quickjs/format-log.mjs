// How the QuickJS reference page prints a console.log call: strings as they
// are, anything else as JSON, joined by spaces. Deliberately simpler than
// Node's util.format (the page measures a peer engine's cold start, not
// fidelity); the reference test formats Node's run of the sample the same way.
export const formatLogLine = (values) =>
  values.map((value) => (typeof value === "string" ? value : JSON.stringify(value) ?? String(value))).join(" ");
