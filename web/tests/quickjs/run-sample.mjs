// The QuickJS reference page's script (bundled by web/tests/quickjs-page.mjs):
// runs one scenario's action in quickjs-emscripten as soon as the page loads
// and paints <pre id="result"> (JSON: what main returned and the log lines),
// or <pre id="error"> if anything fails. The scenario ({ code, event }) comes
// in the URL's hash, as the playground has its first sample built in.
import { getQuickJS, Scope } from "quickjs-emscripten";
import { formatLogLine } from "./format-log.mjs";

function paint(id, text) {
  const pre = document.createElement("pre");
  pre.id = id;
  pre.textContent = text;
  document.body.append(pre);
}

/** Defines `module`, `exports` and a console.log that collects formatted lines into `logs`. */
function defineGlobals(scope, vm, logs) {
  const console = scope.manage(vm.newObject());
  const log = scope.manage(vm.newFunction("log", (...args) => { logs.push(formatLogLine(args.map((arg) => vm.dump(arg)))); }));
  vm.setProp(console, "log", log);
  vm.setProp(vm.global, "console", console);
  scope.manage(vm.unwrapResult(vm.evalCode("globalThis.module = { exports: {} }; globalThis.exports = module.exports;")));
}

/** Evaluates the action, calls module.exports.main(event) and waits for what it returns. */
async function runAction(runtime, { code, event }) {
  const logs = [];
  return Scope.withScopeAsync(async (scope) => {
    const vm = scope.manage(runtime.newContext());
    defineGlobals(scope, vm, logs);
    scope.manage(vm.unwrapResult(vm.evalCode(code, "action.js")));
    const main = scope.manage(vm.unwrapResult(vm.evalCode("module.exports.main")));
    const eventHandle = scope.manage(vm.unwrapResult(vm.evalCode(`(${JSON.stringify(event)})`)));
    const returned = scope.manage(vm.unwrapResult(vm.callFunction(main, vm.undefined, eventHandle)));
    const settled = vm.resolvePromise(returned);
    runtime.executePendingJobs();
    const value = scope.manage(vm.unwrapResult(await settled));
    return { returned: vm.dump(value), logs };
  });
}

try {
  const scenario = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const QuickJS = await getQuickJS();
  const runtime = QuickJS.newRuntime();
  try {
    paint("result", JSON.stringify(await runAction(runtime, scenario), null, 2));
  } finally {
    runtime.dispose();
  }
} catch (error) {
  paint("error", String(error?.stack || error));
}
