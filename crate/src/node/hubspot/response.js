// Sending a built request as the real client's node-fetch library does, and
// answering it as the method's generated response processor does: the
// first matching status entry returns an HttpInfo (its body deserialized to
// the entry's model) or throws an ApiException.
'use strict';
const { normalizeMediaType, parse } = require('hubspot-serializer');
const { fetch } = require('fetch');

class ApiException extends Error {
  constructor(code, message, body, headers) {
    super(`HTTP-Code: ${code}\nMessage: ${message}\nBody: ${JSON.stringify(body)}\nHeaders: ${JSON.stringify(headers)}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

// The real client throws from its generated response processor, an async
// method compiled to a generator and resumed from the job queue: Node's
// stack shows these four frames (a logged ApiException prints them before
// its properties, so their number shows too).
function processorStack(error, where) {
  const file = `/var/runtime/node_modules/@hubspot/api-client/lib/codegen/${where.module}/apis/${where.api}.js`;
  const frames = [
    `    at ${where.api}ResponseProcessor.<anonymous> (${file})`,
    '    at Generator.next (<anonymous>)',
    `    at fulfilled (${file}:5:58)`,
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ];
  Object.defineProperty(error, 'stack', { value: `Error: ${error.message}\n${frames.join('\n')}`, writable: true, configurable: true, enumerable: false });
  return error;
}

class ResponseContext {
  constructor(httpStatusCode, headers, body) {
    this.httpStatusCode = httpStatusCode;
    this.headers = headers;
    this.body = body;
  }
}

class HttpInfo extends ResponseContext {
  constructor(httpStatusCode, headers, body, data) {
    super(httpStatusCode, headers, body);
    this.httpStatusCode = httpStatusCode;
    this.headers = headers;
    this.body = body;
    this.data = data;
  }
}

async function send(context) {
  const resp = await fetch(context.getUrl(), { method: context.httpMethod, body: context.body, headers: context.headers });
  const headers = {};
  resp.headers.forEach((value, name) => { headers[name] = value; });
  const body = {
    text: () => resp.text(),
    binary: () => resp.arrayBuffer().then((b) => Buffer.from(b)),
  };
  return new ResponseContext(resp.status, headers, body);
}

function codeInRange(codeRange, code) {
  if (codeRange === '0') return true;
  if (codeRange == code.toString()) return true;
  const codeString = code.toString();
  if (codeString.length != codeRange.length) return false;
  for (let i = 0; i < codeString.length; i++) {
    if (codeRange.charAt(i) != 'X' && codeRange.charAt(i) != codeString.charAt(i)) return false;
  }
  return true;
}

function matches(code, status) {
  if (code === '*') return true;
  if (code === '2xx') return status >= 200 && status <= 299;
  return codeInRange(code, status);
}

// A header's `key=value` parameters, as ResponseContext.getParsedHeader.
function parsedHeader(value) {
  const result = {};
  if (!value) return result;
  for (const parameter of value.split(';')) {
    let [key, v] = parameter.split('=', 2);
    key = key.toLowerCase().trim();
    if (v === undefined) {
      result[''] = key;
    } else {
      v = v.trim();
      if (v.startsWith('"') && v.endsWith('"')) v = v.substring(1, v.length - 1);
      result[key] = v;
    }
  }
  return result;
}

// A file answer: its bytes and the name content-disposition gives.
async function bodyAsFile(response) {
  const data = await response.body.binary();
  return { data, name: parsedHeader(response.headers['content-disposition']).filename || '' };
}

// responses: [[code, type, message]] from the generated processor, in its
// order, ending with the catch-all '*' ("Unknown API Status Code!").
// `where`: the codegen module and API class, for the exception's stack.
async function processResponse(response, responses, serializer, where) {
  const contentType = normalizeMediaType(response.headers['content-type']);
  for (const [code, type, message] of responses) {
    if (!matches(code, response.httpStatusCode)) continue;
    if (code === '*') throw processorStack(new ApiException(response.httpStatusCode, message, await response.body.text(), response.headers), where);
    let body;
    if (type === '@file') body = await bodyAsFile(response);
    else if (type) body = serializer.deserialize(parse(await response.body.text(), contentType), type, '');
    if (message) throw processorStack(new ApiException(response.httpStatusCode, message, body, response.headers), where);
    return new HttpInfo(response.httpStatusCode, response.headers, response.body, body);
  }
}

module.exports = { send, processResponse, ApiException };
