// The package's webhook signature check (Signature.isValid / getSignature).
'use strict';

class Signature {
  static isValid({ method = 'POST', signatureVersion = 'v1', ...options }) {
    const hash = Signature.getSignature(method, signatureVersion, options);
    if (signatureVersion === 'v3') {
      if (options.timestamp === undefined || Date.now() - options.timestamp > Signature.MAX_ALLOWED_TIMESTAMP) {
        throw new Error('Timestamp is invalid, reject request');
      }
    }
    return options.signature === hash;
  }
  static getSignature(method, signatureVersion, options) {
    const crypto = require('crypto');
    switch (signatureVersion) {
      case 'v1':
        return crypto.createHash('sha256').update(options.clientSecret + options.requestBody).digest('hex');
      case 'v2':
        return crypto.createHash('sha256').update(options.clientSecret + method + options.url + options.requestBody).digest('hex');
      case 'v3':
        return crypto.createHmac('sha256', options.clientSecret).update(method + options.url + options.requestBody + options.timestamp).digest('base64');
      default:
        throw new Error(`Not supported signature version: ${signatureVersion}`);
    }
  }
}
Signature.MAX_ALLOWED_TIMESTAMP = 300000;

module.exports = { Signature };
