// Shared by the Cases view's browser tests and its benchmark.

/** A scenario with cases: one passes, one fails, one expects an error, one has no expectation. */
export function doublerScenario(extraCases = []) {
  return {
    version: 1, name: "Doubler", runtime: "nodejs24",
    code: "exports.main = async (event) => {\n  const n = Number(event.inputFields.n);\n  if (Number.isNaN(n)) throw new Error('n is not a number');\n  console.log('doubling', n);\n  return { outputFields: { doubled: n * 2, at: Date.now() } };\n};\n",
    event: { inputFields: { n: "1" } },
    secrets: { TOKEN: "base-secret" },
    settings: { now: "2026-01-01T00:00:00Z" },
    ignore: ["outputFields.at"],
    cases: [
      { name: "two", inputFields: { n: "2" }, expect: { status: "success", outputFields: { doubled: 4 } } },
      { name: "wrong", inputFields: { n: "3" }, secrets: { TOKEN: "case-secret" }, expect: { status: "success", outputFields: { doubled: 5 } } },
      { name: "not a number", inputFields: { n: "x" }, expect: { status: "error", error: { name: "Error", message: "n is not a number" } } },
      { name: "draft", inputFields: { n: "10" } },
      ...extraCases,
    ],
  };
}

/** Imports `scenario` as a file and waits for its cases to be listed. */
export async function importScenario(page, scenario) {
  await page.setInputFiles("#import", { name: "cases.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction((n) => document.querySelector("#cases h2")?.textContent === `Test cases (${n})`, scenario.cases.length);
}

/** Presses Run all and waits until every case has its row. */
export async function runAll(page) {
  await page.waitForFunction(() => !document.querySelector("#run-all").disabled);
  await page.click("#run-all");
  await page.waitForSelector("#case-results", { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector("#run-all").textContent === "Run all");
}
