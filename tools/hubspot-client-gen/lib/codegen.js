// Reads one OpenAPI-generated API file (apis/XApi.js): its request factory
// (how each method builds its request) and its response processor (how each
// status is answered). The generated code is line-for-line regular; any line
// this reader does not know fails the generation instead of being skipped.
'use strict';
const fs = require('fs');

const S = '"([^"]*)"';
const SERIALIZE = `ObjectSerializer_1\\.ObjectSerializer\\.serialize\\((\\w+), ${S}, ${S}\\)`;
const REQUEST_LINES = [
  [/^var _a, _b, _c;$|^return __awaiter\(this, void 0, void 0, function\* \(\) \{$|^let _config = _options \|\| this\.configuration;$|^\}\)?;?$|^let authMethod;$|^let localVarFormParams;$|^else \{$|^return requestContext;$|^requestContext\.setBody\((serializedBody|localVarFormParams)\);$/, () => {}],
  [/^if \((\w+) === null \|\| \1 === undefined\) \{$/, (m, st) => { st.pendingRequired = m[1]; }],
  [new RegExp(`^throw new baseapi_1\\.RequiredError\\(${S}, ${S}, ${S}\\);$`), (m, st) => {
    if (m[3] !== st.pendingRequired) throw new Error(`required ${m[3]} vs ${st.pendingRequired}`);
    st.spec.r.push(st.index(m[3]));
  }],
  [/^const localVarPath = '([^']*)'(;?)$/, (m, st) => { st.spec.p = m[1]; }],
  [/^\.replace\('\{' \+ '(\w+)' \+ '\}', encodeURIComponent\(String\((\w+)\)\)\);?$/, (m, st) => { st.spec.u.push([m[1], st.index(m[2])]); }],
  [/^const requestContext = _config\.baseServer\.makeRequestContext\(localVarPath, http_1\.HttpMethod\.(\w+)\);$/, (m, st) => { st.spec.m = m[1]; }],
  [/^requestContext\.setHeaderParam\("Accept", "application\/json, \*\/\*;q=0\.8"\);$/, () => {}],
  [/^if \((\w+) !== undefined\) \{$/, () => {}],
  [new RegExp(`^requestContext\\.setQueryParam\\(${S}, ${SERIALIZE}\\);$`), (m, st) => { st.spec.q.push([m[1], st.index(m[2]), m[3], m[4]]); }],
  [/^const contentType = ObjectSerializer_1\.ObjectSerializer\.getPreferredMediaType\(\[$/, (m, st) => { st.list = []; st.listFor = st.spec.f ? 'formContentType' : 'bodyContentType'; }],
  [/^"([^"]+)"$|^'([^']+)',?$/, (m, st) => { st.list.push(m[1] || m[2]); }],
  [/^\]\);$/, (m, st) => {
    if (st.listFor === 'consumes') st.spec.f.c = st.list;
    else if (st.listFor === 'formContentType') st.spec.f.t = st.list;
    else st.bodyMediaTypes = st.list;
  }],
  [/^requestContext\.setHeaderParam\("Content-Type", contentType\);$/, () => {}],
  [new RegExp(`^const serializedBody = ObjectSerializer_1\\.ObjectSerializer\\.stringify\\(${SERIALIZE}, contentType\\);$`), (m, st) => {
    st.spec.b = [st.index(m[1]), m[2], m[3], st.bodyMediaTypes];
  }],
  [/^const useForm = \(0, util_1\.canConsumeForm\)\(\[$/, (m, st) => { st.spec.f = { c: [], t: null, f: [] }; st.list = []; st.listFor = 'consumes'; }],
  [/^if \(useForm\) \{$|^if \(!useForm\) \{$|^localVarFormParams = new (form_data_1\.default|url_1\.URLSearchParams)\(\);$/, () => {}],
  [/^if \(localVarFormParams instanceof form_data_1\.default\) \{$/, (m, st) => { st.multipartOnly = true; }],
  [/^localVarFormParams\.append\('(\w+)', (\w+)\);$/, (m, st) => { st.spec.f.f.push([m[1], st.index(m[2]), 0]); }],
  [/^localVarFormParams\.append\('(\w+)', (\w+)\.data, \2\.name\);$/, (m, st) => {
    if (!st.multipartOnly) throw new Error('file outside multipart');
    st.spec.f.f.push([m[1], st.index(m[2]), 1]);
    st.multipartOnly = false;
  }],
  [/^authMethod = _config\.authMethods\["(\w+)"\];$/, (m, st) => { st.spec.s.push(m[1]); }],
  [/^if \(authMethod === null \|\| authMethod === void 0 \? void 0 : authMethod\.applySecurityAuthentication\) \{$|^yield \(authMethod === null \|\| authMethod === void 0 \? void 0 : authMethod\.applySecurityAuthentication\(requestContext\)\);$/, () => {}],
  [/^const defaultAuth = |^if \(defaultAuth === null|^yield \(defaultAuth === null/, () => {}],
];

const RESPONSE_LINES = [
  [/^return __awaiter\(this, void 0, void 0, function\* \(\) \{$|^\}\)?;?$/, () => {}],
  [/^const contentType = ObjectSerializer_1\.ObjectSerializer\.normalizeMediaType\(response\.headers\["content-type"\]\);$/, () => {}],
  [/^if \(\(0, util_1\.isCodeInRange\)\("([0-9X]+)", response\.httpStatusCode\)\) \{$/, (m, st) => { st.open(m[1]); }],
  [/^if \(response\.httpStatusCode >= 200 && response\.httpStatusCode <= 299\) \{$/, (m, st) => { st.open('2xx'); }],
  [new RegExp(`^const body = ObjectSerializer_1\\.ObjectSerializer\\.deserialize\\(ObjectSerializer_1\\.ObjectSerializer\\.parse\\(yield response\\.body\\.text\\(\\), contentType\\), ${S}, ${S}\\);$`), (m, st) => { st.current[1] = m[1]; }],
  [/^const body = yield response\.getBodyAsFile\(\);$/, (m, st) => { st.current[1] = '@file'; }],
  [/^return new http_1\.HttpInfo\(response\.httpStatusCode, response\.headers, response\.body, (body|undefined)\);$/, (m, st) => { if (m[1] === 'undefined') st.current[1] = null; }],
  [new RegExp(`^throw new exception_1\\.ApiException\\(response\\.httpStatusCode, ${S}, (body|undefined), response\\.headers\\);$`), (m, st) => {
    if (m[2] === 'undefined') st.current[1] = null;
    st.current[2] = m[1];
  }],
  [new RegExp(`^throw new exception_1\\.ApiException\\(response\\.httpStatusCode, ${S}, yield response\\.getBodyAsAny\\(\\), response\\.headers\\);$`), (m, st) => { st.open('*'); st.current[2] = m[1]; }],
];

function interpret(lines, table, state, where) {
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const rule = table.find(([re]) => re.test(line));
    if (!rule) throw new Error(`${where}: unknown line: ${line}`);
    rule[1](line.match(rule[0]), state);
  }
}

// The methods of a class in the file: name → { params, lines }.
function classMethods(source, classPattern) {
  const start = source.search(classPattern);
  if (start < 0) throw new Error(`no class ${classPattern}`);
  const lines = source.slice(start).split('\n');
  const methods = {};
  let current = null;
  for (const line of lines.slice(1)) {
    if (line === '}') break;
    const head = line.match(/^ {4}(\w+)\(([^)]*)\) \{$/);
    if (head) { current = methods[head[1]] = { params: head[2] ? head[2].split(', ') : [], lines: [] }; continue; }
    if (line === '    }') { current = null; continue; }
    if (current) current.lines.push(line);
  }
  return methods;
}

function parseApiFile(file, apiName) {
  const source = fs.readFileSync(file, 'utf8');
  const factories = classMethods(source, new RegExp(`^class ${apiName}RequestFactory `, 'm'));
  const processors = classMethods(source, new RegExp(`^class ${apiName}ResponseProcessor `, 'm'));
  const api = {};
  for (const [name, { params, lines }] of Object.entries(factories)) {
    const args = params.filter((p) => p !== '_options');
    const spec = { m: null, p: null, a: args, r: [], u: [], q: [], b: null, f: null, s: [] };
    const state = { spec, index: (p) => { const i = args.indexOf(p); if (i < 0) throw new Error(`${name}: unknown parameter ${p}`); return i; } };
    interpret(lines, REQUEST_LINES, state, `${apiName}.${name}`);
    const processor = processors[`${name}WithHttpInfo`];
    if (!processor) throw new Error(`${apiName}.${name}: no response processor`);
    const responses = [];
    const rstate = { current: null, open(code) { this.current = [code, null, null]; responses.push(this.current); } };
    interpret(processor.lines, RESPONSE_LINES, rstate, `${apiName}.${name}WithHttpInfo`);
    if (responses[responses.length - 1][0] !== '*') throw new Error(`${apiName}.${name}WithHttpInfo: no catch-all`);
    const out = { m: spec.m, p: spec.p, a: spec.a };
    if (spec.r.length) out.r = spec.r;
    if (spec.u.length) out.u = spec.u;
    if (spec.q.length) out.q = spec.q;
    if (spec.b) out.b = spec.b;
    if (spec.f) out.f = spec.f;
    if (spec.s.length) out.s = spec.s;
    out.x = responses.map((r) => (r[2] ? r : r[1] ? r.slice(0, 2) : r.slice(0, 1)));
    // Kept under short keys in the data; the generator reads them back.
    Object.defineProperty(out, 'body', { value: spec.b });
    Object.defineProperty(out, 'responses', { value: responses });
    api[name] = out;
  }
  return api;
}

module.exports = { parseApiFile };
