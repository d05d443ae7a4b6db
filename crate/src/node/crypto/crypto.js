// Node's `crypto` for what actions use: hashes and HMACs (RustCrypto, in
// src/node/crypto/mod.rs), random bytes and UUIDs, timing-safe compare.
'use strict';
const { Buffer } = require('buffer');

const ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

function normalizeAlgorithm(name) {
  const n = String(name).toLowerCase().replace(/^rsa-/, '');
  const alias = { 'sha-1': 'sha1', 'sha-224': 'sha224', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
  return alias[n] || n;
}

function invalidDigest(name) {
  const err = new Error('Digest method not supported');
  err.code = 'ERR_CRYPTO_INVALID_DIGEST';
  if (name !== undefined) err.message = 'Digest method not supported';
  return err;
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (Buffer.isBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  const err = new TypeError(`The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${require('util').inspect(data)}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

class Hash {
  constructor(algorithm, key) {
    this._algorithm = normalizeAlgorithm(algorithm);
    if (!ALGORITHMS.includes(this._algorithm)) throw invalidDigest(algorithm);
    this._key = key;
    this._chunks = [];
    this._finished = false;
  }
  update(data, encoding) {
    if (this._finished) {
      const err = new Error('Digest already called');
      err.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw err;
    }
    this._chunks.push(toBytes(data, encoding));
    return this;
  }
  digest(encoding) {
    if (this._finished) {
      const err = new Error('Digest already called');
      err.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw err;
    }
    this._finished = true;
    const input = Buffer.concat(this._chunks);
    const out = Buffer.from(native.digest(this._algorithm, input, this._key === undefined ? undefined : this._key));
    return encoding && encoding !== 'buffer' ? out.toString(encoding) : out;
  }
  copy() {
    const h = new Hash(this._algorithm, this._key);
    h._chunks = this._chunks.slice();
    return h;
  }
}

class Hmac extends Hash {}

function createHash(algorithm) {
  return new Hash(algorithm);
}

function createHmac(algorithm, key) {
  if (key === undefined || key === null) {
    const err = new TypeError(`The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received ${key}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const h = new Hmac(algorithm, toBytes(key));
  return h;
}

function randomBytes(size, callback) {
  const buf = Buffer.alloc(size);
  native.randomFill(buf);
  if (typeof callback === 'function') {
    process.nextTick(callback, null, buf);
    return undefined;
  }
  return buf;
}

function randomFillSync(buf, offset = 0, size) {
  const view = new Uint8Array(buf.buffer || buf, (buf.byteOffset || 0) + offset, size === undefined ? (buf.byteLength - offset) : size);
  native.randomFill(view);
  return buf;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
  const range = max - min;
  const bytes = randomBytes(6);
  const n = min + (bytes.readUIntBE(0, 6) % range);
  if (typeof callback === 'function') { process.nextTick(callback, null, n); return undefined; }
  return n;
}

function randomUUID() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function timingSafeEqual(a, b) {
  if (a.length !== b.length) {
    const err = new RangeError('Input buffers must have the same byte length');
    err.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
    throw err;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const webcrypto = {
  getRandomValues(view) { native.randomFill(view); return view; },
  randomUUID,
  subtle: {
    async digest(algorithm, data) {
      const name = normalizeAlgorithm(typeof algorithm === 'string' ? algorithm : algorithm.name);
      const out = native.digest(name, toBytes(data), undefined);
      return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
    },
  },
};

module.exports = {
  createHash, createHmac, randomBytes, randomFillSync, randomInt, randomUUID, timingSafeEqual,
  getRandomValues: webcrypto.getRandomValues, webcrypto, subtle: webcrypto.subtle,
  getHashes: () => ALGORITHMS.slice(),
  Hash, Hmac,
  constants: {},
};
