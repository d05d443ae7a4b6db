// The beginner course: the sample library's patterns as ten exercises.
// Each step: instructions (Markdown), starter code (what the learner
// edits), hints, the solution, and checks (cases of the step's scenario;
// generate.mjs fills their `expect` from real Node running the solution).
const main = (body) => `exports.main = async (event) => {\n${body}\n};\n`;

export const course = {
  id: "hubspot-custom-code-beginner",
  title: "Custom code actions: a beginner course",
  description: "Ten short exercises on what every HubSpot custom code action does: read inputs, set typed outputs, use secrets, call APIs, use the HubSpot client, handle errors, work with dates.",
  steps: [
    {
      id: "reading-inputs",
      title: "1. Reading inputs",
      instructions: `A workflow hands your code the properties you chose under **Properties to include in code** as \`event.inputFields\`.

Output the **domain of the contact's email**, in lower case, as \`email_domain\`.

- \`ada@Example.com\` → \`example.com\``,
      hints: ["The email is `event.inputFields.email` — always a string.", "`email.split('@')[1]` is the part after the @; `.toLowerCase()` does the rest."],
      starter: main(`  const email = event.inputFields.email;\n  // TODO: the part after the @, in lower case\n  const domain = '';\n  return { outputFields: { email_domain: domain } };`),
      solution: main(`  const email = event.inputFields.email;\n  const domain = email.split('@')[1].toLowerCase();\n  return { outputFields: { email_domain: domain } };`),
      scenario: { event: { inputFields: { email: "ada@Example.com" } }, outputs: [{ name: "email_domain", type: "string" }] },
      checks: [
        { name: "mixed case", inputFields: { email: "ada@Example.com" }, status: "success" },
        { name: "upper case", inputFields: { email: "grace@NAVY.MIL" }, status: "success" },
      ],
    },
    {
      id: "outputs-and-types",
      title: "2. Outputs and their types",
      instructions: `Every input arrives as a **string**, even numbers. An output declared as a *number* or a *bool* should get a real number or boolean.

Output \`amount\` (number) from the \`amount\` input and \`is_large\` (bool): true when the amount is over 10000.`,
      hints: ["`Number(event.inputFields.amount)` turns \"12500\" into 12500.", "Compare the number, not the string: `'900' > '10000'` is true for strings!"],
      starter: main(`  const amount = event.inputFields.amount;\n  return { outputFields: { amount: amount, is_large: amount > '10000' } };`),
      solution: main(`  const amount = Number(event.inputFields.amount);\n  return { outputFields: { amount, is_large: amount > 10000 } };`),
      scenario: { event: { inputFields: { amount: "12500" } }, outputs: [{ name: "amount", type: "number" }, { name: "is_large", type: "bool" }] },
      checks: [
        { name: "a large deal", inputFields: { amount: "12500" }, status: "success" },
        { name: "a small deal", inputFields: { amount: "900" }, status: "success" },
      ],
    },
    {
      id: "secrets",
      title: "3. Secrets",
      instructions: `API keys never go in the code: add them as **secrets** and read them from \`process.env\`.

Log \`Using key ending in XXXX\` with the last 4 characters of the \`API_KEY\` secret, and output them as \`key_hint\`.`,
      hints: ["The secret is `process.env.API_KEY`.", "`key.slice(-4)` gives the last four characters."],
      starter: main(`  const key = 'paste-your-key-here';\n  const hint = key.slice(-4);\n  console.log(\`Using key ending in \${hint}\`);\n  return { outputFields: { key_hint: hint } };`),
      solution: main(`  const key = process.env.API_KEY;\n  const hint = key.slice(-4);\n  console.log(\`Using key ending in \${hint}\`);\n  return { outputFields: { key_hint: hint } };`),
      scenario: { secrets: { API_KEY: "sk-test-98765" }, outputs: [{ name: "key_hint", type: "string" }] },
      checks: [
        { name: "the test key", status: "success" },
        { name: "another key", secrets: { API_KEY: "live-key-4321" }, status: "success" },
      ],
    },
    {
      id: "axios",
      title: "4. Calling an API with axios",
      instructions: `\`axios\` is available in custom code. Look the company up:

\`GET https://api.example.com/companies?domain=DOMAIN\` answers \`{ "industry": "…" }\`.

Output its \`industry\`. The domain is the \`domain\` input.`,
      hints: ["`const axios = require('axios');` at the top.", "`const { data } = await axios.get(url, { params: { domain } });` — then `data.industry`."],
      starter: `const axios = require('axios');\n\n` + main(`  const domain = event.inputFields.domain;\n  // TODO: ask the API\n  return { outputFields: { industry: 'unknown' } };`),
      solution: `const axios = require('axios');\n\n` + main(`  const domain = event.inputFields.domain;\n  const { data } = await axios.get('https://api.example.com/companies', { params: { domain } });\n  return { outputFields: { industry: data.industry } };`),
      scenario: {
        event: { inputFields: { domain: "example.com" } },
        outputs: [{ name: "industry", type: "string" }],
        http: [
          { method: "GET", url: "https://api.example.com/companies?domain=example.com", status: 200, body: { industry: "Software" } },
          { method: "GET", url: "https://api.example.com/companies?domain=shop.example", status: 200, body: { industry: "Retail" } },
        ],
      },
      checks: [
        { name: "example.com", status: "success" },
        { name: "another company", inputFields: { domain: "shop.example" }, status: "success" },
      ],
    },
    {
      id: "hubspot-client",
      title: "5. The HubSpot client",
      instructions: `\`@hubspot/api-client\` reads and writes CRM records. The enrolled record's id is \`event.object.objectId\`.

Read the contact's \`firstname\` with \`client.crm.contacts.basicApi.getById\` and output \`greeting\`: \`Hello, Ada\`.`,
      hints: ["`const client = new hubspot.Client({ accessToken: process.env.PRIVATE_APP_TOKEN });`", "`const contact = await client.crm.contacts.basicApi.getById(event.object.objectId, ['firstname']);` then `contact.properties.firstname`."],
      starter: `const hubspot = require('@hubspot/api-client');\n\n` + main(`  const client = new hubspot.Client({ accessToken: process.env.PRIVATE_APP_TOKEN });\n  // TODO: read the contact\n  return { outputFields: { greeting: 'Hello, there' } };`),
      solution: `const hubspot = require('@hubspot/api-client');\n\n` + main(`  const client = new hubspot.Client({ accessToken: process.env.PRIVATE_APP_TOKEN });\n  const contact = await client.crm.contacts.basicApi.getById(event.object.objectId, ['firstname']);\n  return { outputFields: { greeting: \`Hello, \${contact.properties.firstname}\` } };`),
      scenario: {
        event: { object: { objectType: "CONTACT", objectId: 4 } },
        secrets: { PRIVATE_APP_TOKEN: "pat-test" },
        outputs: [{ name: "greeting", type: "string" }],
        // The contact as HubSpot's API answers it (the mock of api.hubapi.com).
        http: [4, 5].map((id, i) => ({
          method: "GET",
          url: `https://api.hubapi.com/crm/v3/objects/contacts/${id}?properties=firstname`,
          status: 200,
          body: { id: String(id), properties: { firstname: ["Ada", "Grace"][i], hs_object_id: String(id) }, createdAt: "2026-01-05T10:00:00.000Z", updatedAt: "2026-02-01T09:30:00.000Z", archived: false },
        })),
      },
      checks: [
        { name: "contact 4", status: "success" },
        { name: "contact 5", event: { object: { objectId: 5 } }, status: "success" },
      ],
    },
    {
      id: "errors-and-retries",
      title: "6. Error handling and retries",
      instructions: `APIs fail. Two rules:

1. **429 (too many requests)**: wait a moment and try **once more**.
2. **404 (not found)**: not an error for us — output \`industry\` = \`unknown\`.

Anything else: let the error go (throw), so HubSpot retries the action later.`,
      hints: ["Wrap the call in `try { … } catch (error) { … }`; `error.response.status` is the HTTP status.", "For 429: `await new Promise((r) => setTimeout(r, 1000));` then call again."],
      starter: `const axios = require('axios');\nconst lookup = (domain) => axios.get('https://api.example.com/companies', { params: { domain } });\n\n` + main(`  const { data } = await lookup(event.inputFields.domain);\n  return { outputFields: { industry: data.industry } };`),
      solution: `const axios = require('axios');\nconst lookup = (domain) => axios.get('https://api.example.com/companies', { params: { domain } });\n\n` + main(`  const domain = event.inputFields.domain;\n  try {\n    let response;\n    try {\n      response = await lookup(domain);\n    } catch (error) {\n      if (error.response?.status !== 429) throw error;\n      await new Promise((resolve) => setTimeout(resolve, 1000));\n      response = await lookup(domain);\n    }\n    return { outputFields: { industry: response.data.industry } };\n  } catch (error) {\n    if (error.response?.status === 404) return { outputFields: { industry: 'unknown' } };\n    throw error;\n  }`),
      scenario: {
        event: { inputFields: { domain: "example.com" } },
        outputs: [{ name: "industry", type: "string" }],
        http: [{ method: "GET", url: "https://api.example.com/companies?domain=example.com", status: 200, body: { industry: "Software" } }],
      },
      checks: [
        { name: "busy once, then fine", http: [{ method: "GET", url: "https://api.example.com/companies?domain=example.com", status: 429, times: 1, body: { message: "slow down" } }], status: "success" },
        { name: "no such company", inputFields: { domain: "nobody.example" }, http: [{ method: "GET", url: "https://api.example.com/companies?domain=nobody.example", status: 404, body: { message: "not found" } }], status: "success" },
        { name: "server down", http: [{ method: "GET", url: "https://api.example.com/companies?domain=example.com", status: 503, body: { message: "down" } }], status: "error" },
      ],
    },
    {
      id: "dates",
      title: "7. Dates",
      instructions: `HubSpot date properties arrive as **UNIX milliseconds** in a string, and a *date* output wants milliseconds at **midnight UTC**.

Output \`renewal_date\`: one year after the \`closedate\` input.`,
      hints: ["`const d = new Date(Number(event.inputFields.closedate));`", "`d.setUTCFullYear(d.getUTCFullYear() + 1);` then `d.getTime()`."],
      starter: main(`  const closed = Number(event.inputFields.closedate);\n  return { outputFields: { renewal_date: closed } };`),
      solution: main(`  const date = new Date(Number(event.inputFields.closedate));\n  date.setUTCFullYear(date.getUTCFullYear() + 1);\n  return { outputFields: { renewal_date: date.getTime() } };`),
      scenario: { event: { inputFields: { closedate: "1767225600000" } }, outputs: [{ name: "renewal_date", type: "date" }] },
      checks: [
        { name: "1 January 2026", inputFields: { closedate: "1767225600000" }, status: "success" },
        { name: "15 June 2026", inputFields: { closedate: "1781481600000" }, status: "success" },
      ],
    },
    {
      id: "node24-return",
      title: "8. Node.js 24: return the outputs",
      instructions: `Old actions (Node.js 20) finish with \`callback({ outputFields })\`. On **Node.js 24** there is no callback: the function **returns** \`{ outputFields }\`.

Fix this action for Node.js 24: output \`status\` = \`done\`.`,
      hints: ["Remove the `callback` parameter.", "`return { outputFields: { status: 'done' } };`"],
      starter: `exports.main = async (event, callback) => {\n  callback({ outputFields: { status: 'done' } });\n};\n`,
      solution: main(`  return { outputFields: { status: 'done' } };`),
      scenario: { outputs: [{ name: "status", type: "string" }] },
      checks: [{ name: "returns its outputs", status: "success" }],
    },
    {
      id: "clean-text",
      title: "9. Cleaning up text",
      instructions: `Names typed in forms are messy. Output \`full_name\`: the \`firstname\` and \`lastname\` inputs trimmed, each starting with a capital, the rest lower case, joined by one space.

- \`"  aDA "\`, \`"LOVELACE"\` → \`Ada Lovelace\``,
      hints: ["`.trim()` removes the spaces around.", "`s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()`"],
      starter: main(`  const { firstname, lastname } = event.inputFields;\n  return { outputFields: { full_name: firstname + ' ' + lastname } };`),
      solution: main(`  const tidy = (s) => s.trim().charAt(0).toUpperCase() + s.trim().slice(1).toLowerCase();\n  const { firstname, lastname } = event.inputFields;\n  return { outputFields: { full_name: \`\${tidy(firstname)} \${tidy(lastname)}\` } };`),
      scenario: { event: { inputFields: { firstname: "  aDA ", lastname: "LOVELACE" } }, outputs: [{ name: "full_name", type: "string" }] },
      checks: [
        { name: "messy", status: "success" },
        { name: "already tidy", inputFields: { firstname: "Grace", lastname: "Hopper" }, status: "success" },
      ],
    },
    {
      id: "json-input",
      title: "10. JSON in a property",
      instructions: `Some properties hold JSON text. Parse the \`preferences\` input and output its \`plan\`.

When the text is **not valid JSON**, do not fail: log \`Bad preferences\` and output \`plan\` = \`unknown\`.`,
      hints: ["`JSON.parse(text)` throws on bad JSON: wrap it in `try { … } catch { … }`.", "`console.log('Bad preferences');` in the catch."],
      starter: main(`  const prefs = JSON.parse(event.inputFields.preferences);\n  return { outputFields: { plan: prefs.plan } };`),
      solution: main(`  try {\n    const prefs = JSON.parse(event.inputFields.preferences);\n    return { outputFields: { plan: prefs.plan } };\n  } catch {\n    console.log('Bad preferences');\n    return { outputFields: { plan: 'unknown' } };\n  }`),
      scenario: { event: { inputFields: { preferences: "{\"plan\":\"pro\"}" } }, outputs: [{ name: "plan", type: "string" }] },
      checks: [
        { name: "valid JSON", status: "success" },
        { name: "broken JSON", inputFields: { preferences: "{plan: pro" }, status: "success" },
      ],
    },
  ],
};
