// The error a request fails with when the mock layer answers with a failure
// (a rule's `error`, or no rule at all), as the reference runtime raises it:
// its interceptor fails the connection with `Error('ECONNREFUSED')`,
// `Error('ETIMEDOUT')` or `TypeError('no mock for GET <url>')`, and each
// client hands that error on as it would a socket's (fetch rejects with it,
// `https` emits it, axios wraps it with `AxiosError.from`).
'use strict';

function mockFailure(answer) {
  return answer.error === 'unmatched' ? new TypeError(answer.message) : new Error(answer.message);
}

module.exports = { mockFailure };
