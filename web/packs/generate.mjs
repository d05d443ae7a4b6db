// Writes beginner-course.json from course.mjs: every check's `expect` is what
// real Node (the oracle, /work/shared/oracle/reference-result) gives the
// step's solution on that check's scenario. Run by hand after editing the
// course: `node web/packs/generate.mjs`. `action-playground test
// web/packs/beginner-course.json` then proves each solution passes its
// checks and each starter fails them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { course } from "./course.mjs";

const ORACLE = process.env.ORACLE || "/work/shared/oracle/reference-result";
const KEEP = ["status", "outputFields", "error", "logs", "requests"];
const dir = mkdtempSync(join(tmpdir(), "pack-"));

// The case's scenario as cases-format.md merges it (the overrides the course uses).
function merged(base, check) {
  const s = structuredClone(base);
  s.event = { ...(s.event || {}), inputFields: { ...(s.event?.inputFields || {}), ...(check.inputFields || {}) } };
  if (check.event?.object) s.event.object = { ...(s.event.object || {}), ...check.event.object };
  if (check.secrets) s.secrets = { ...(s.secrets || {}), ...check.secrets };
  if (check.http) s.http = [...check.http, ...(s.http || [])];
  if (check.crm) s.crm = check.crm;
  return s;
}

function oracle(scenario) {
  const file = join(dir, "s.json");
  writeFileSync(file, JSON.stringify(scenario));
  const result = JSON.parse(execFileSync(ORACLE, [file], { encoding: "utf8" }));
  const expect = Object.fromEntries(KEEP.filter((k) => k in result).map((k) => [k, result[k]]));
  if (expect.error) expect.error = { name: expect.error.name, message: expect.error.message.split("\n")[0] };
  return expect;
}

const steps = course.steps.map((step) => {
  const base = { version: 1, runtime: "nodejs24", ...step.scenario, code: step.starter };
  const cases = step.checks.map((check) => {
    const expect = oracle({ ...merged(base, check), code: step.solution });
    if (check.status && expect.status !== check.status) throw new Error(`${step.id} › ${check.name}: the solution ends in ${expect.status}`);
    const { status, ...overrides } = check;
    return { ...overrides, expect };
  });
  return { id: step.id, title: step.title, instructions: step.instructions, hints: step.hints, solution: step.solution, scenario: { ...base, cases } };
});

const pack = { pack: 1, id: course.id, title: course.title, description: course.description, steps };
writeFileSync(new URL("beginner-course.json", import.meta.url), JSON.stringify(pack, null, 2) + "\n");
console.log(`${steps.length} steps, ${steps.reduce((n, s) => n + s.scenario.cases.length, 0)} checks`);
