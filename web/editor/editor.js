// The code editor: CodeMirror 6 (JavaScript highlighting, line numbers,
// lint markers from acorn's parser and the HubSpot lints the engine's worker
// computed (setLints), run errors marked on their line,
// Ctrl/Cmd+Enter runs). Bundled by esbuild (build.mjs) into the app's
// assets; the Yew app loads it after its first render (web/src/lazy_script.rs)
// and drives it through `window.PlaygroundEditor`.
import { basicSetup } from "codemirror";
import { EditorView } from "@codemirror/view";
import { keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { indentWithTab } from "@codemirror/commands";
import { actionCompletions, setScenarioNames } from "./completions.js";
import { hubspotHover } from "./hover.js";
import { themeExtension, follow, unfollow } from "./theme.js";

// acorn (~120 KB) is a bundle of its own (editor-syntax.js), loaded by the
// first lint; if it cannot load, the editor marks no syntax errors (a run
// still reports them).
let syntaxParser = null;
let syntaxLoading = null;
function loadSyntax() {
  syntaxLoading ??= new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = "editor-syntax.js";
    script.onload = () => { syntaxParser = window.PlaygroundSyntax || null; resolve(); };
    script.onerror = () => resolve();
    document.head.append(script);
  });
  return syntaxLoading;
}

// Syntax problems as the action would hit them: CommonJS, modern syntax.
// Until acorn has loaded, none (the first lint waits for it).
function syntaxDiagnostics(view) {
  if (!syntaxParser) return [];
  const source = view.state.doc.toString();
  try {
    syntaxParser.parse(source, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true, allowAwaitOutsideFunction: false });
    return [];
  } catch (error) {
    const at = Math.min(typeof error.pos === "number" ? error.pos : 0, source.length);
    return [{ from: at, to: Math.min(at + 1, source.length), severity: "error", message: String(error.message).replace(/ \(\d+:\d+\)$/, "") }];
  }
}

// The worker's HubSpot lints per view (UTF-16 offsets, as CodeMirror counts).
// They describe the text the worker saw: clamped to the current text until
// the next answer replaces them.
const hubspotLints = new WeakMap();
function hubspotDiagnostics(view) {
  const length = view.state.doc.length;
  return (hubspotLints.get(view) || []).map((d) => {
    const from = Math.min(d.from, length);
    return { from, to: Math.min(Math.max(d.to, from), length), severity: d.severity, source: d.rule, message: `${d.message} [${d.rule}]` };
  });
}

function allDiagnostics(view) {
  return [...syntaxDiagnostics(view), ...hubspotDiagnostics(view)];
}

async function lintSource(view) {
  if (!syntaxParser) await loadSyntax();
  return allDiagnostics(view);
}

function setLints(view, json) {
  hubspotLints.set(view, JSON.parse(json));
  // Shown at once (forceLinting only hurries a lint already scheduled).
  view.dispatch(setDiagnostics(view.state, allDiagnostics(view)));
}

function mount(parent, doc, onChange, onRun, readOnly = false) {
  const run = () => { onRun(); return true; };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
        basicSetup,
        keymap.of([indentWithTab]),
        javascript(),
        lintGutter(),
        linter(lintSource, { delay: 300 }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.every((t) => t.annotation(External))) {
            onChange(update.state.doc.toString());
          }
        }),
        // tabindex: the content is a tab stop anyway (contenteditable); said explicitly, audits see the
        // scrolling editor holds focusable content.
        EditorView.contentAttributes.of({ "aria-label": "Action code", "data-testid": "code", tabindex: "0" }),
        actionCompletions(),
        hubspotHover,
        themeExtension(),
        EditorState.readOnly.of(readOnly),
      ],
    }),
  });
  follow(view);
  return view;
}

import { Annotation } from "@codemirror/state";
const External = Annotation.define();

function setDoc(view, doc) {
  if (view.state.doc.toString() === doc) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, annotations: External.of(true) });
}

// Marks the line a run failed on (1-based), or clears the mark with 0.
function markRunError(view, line, message) {
  if (!line || line > view.state.doc.lines) {
    view.dispatch(setDiagnostics(view.state, allDiagnostics(view)));
    return;
  }
  const l = view.state.doc.line(line);
  view.dispatch(setDiagnostics(view.state, [...allDiagnostics(view), { from: l.from, to: l.to, severity: "error", message }]));
}

// The scenario's names the completions offer (property names, secret names).
function setContext(view, inputs, secrets) {
  view.dispatch({ effects: setScenarioNames.of({ inputs: Array.from(inputs), secrets: Array.from(secrets) }) });
}

// Focuses the editor with the cursor at `offset` (UTF-16, as a textarea counts).
function focusAt(view, offset) {
  view.focus();
  const at = Math.max(0, Math.min(offset, view.state.doc.length));
  view.dispatch({ selection: { anchor: at } });
}

function destroy(view) {
  unfollow(view);
  view.destroy();
}

window.PlaygroundEditor = { mount, setDoc, markRunError, setContext, setLints, focusAt, destroy };
