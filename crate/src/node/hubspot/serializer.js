// The real client's ObjectSerializer over generated model maps: a model is
// sent with its attributes in map order under their wire names (unknown keys
// dropped, `_from` → `from`, dates as ISO strings or yyyy-mm-dd) and read
// back into an instance of a class of the model's name; a type with no map
// (enums, unions, `Error`, maps) passes through unchanged, as in the real one.
'use strict';

const PRIMITIVES = ['string', 'boolean', 'double', 'integer', 'long', 'float', 'number', 'any'];

function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}

class ObjectSerializer {
  // models: name → [[name, type, format, baseName], …] of one codegen module.
  constructor(models) {
    this.models = models;
    this.classes = {};
  }
  modelClass(type) {
    if (!this.classes[type]) this.classes[type] = { [type]: class {} }[type];
    return this.classes[type];
  }
  serialize(data, type, format) {
    if (data == undefined) return data;
    if (PRIMITIVES.indexOf(type.toLowerCase()) !== -1) return data;
    if (type.lastIndexOf('Array<', 0) === 0) {
      const subType = type.slice(6, -1);
      const out = [];
      for (const item of data) out.push(this.serialize(item, subType, format));
      return out;
    }
    if (type === 'Date') {
      if (format == 'date') return `${data.getFullYear()}-${pad(data.getMonth() + 1)}-${pad(data.getDate())}`;
      return data.toISOString();
    }
    const attributes = this.models[type];
    if (!attributes) return data;
    const instance = {};
    for (const [name, attrType, attrFormat, baseName] of attributes) {
      instance[baseName || name] = this.serialize(data[name], attrType, attrFormat || '');
    }
    return instance;
  }
  deserialize(data, type, format) {
    if (data == undefined) return data;
    if (PRIMITIVES.indexOf(type.toLowerCase()) !== -1) return data;
    if (type.lastIndexOf('Array<', 0) === 0) {
      const subType = type.slice(6, -1);
      const out = [];
      for (const item of data) out.push(this.deserialize(item, subType, format));
      return out;
    }
    if (type === 'Date') return new Date(data);
    const attributes = this.models[type];
    if (!attributes) return data;
    const Model = this.modelClass(type);
    const instance = new Model();
    for (const [name, attrType, attrFormat, baseName] of attributes) {
      const value = this.deserialize(data[baseName || name], attrType, attrFormat || '');
      if (value !== undefined) instance[name] = value;
    }
    return instance;
  }
}

// Media types as the real ObjectSerializer ranks, writes and reads them.
function parseMimeType(mimeType) {
  const [type, subtype] = mimeType.split('/');
  return { type, subtype, subtypeTokens: subtype.split('+') };
}
const isTextLike = (m) => parseMimeType(m).type === 'text';
const isJson = (m) => { const d = parseMimeType(m); return d.type === 'application' && d.subtype === 'json'; };
const isJsonLike = (m) => { const d = parseMimeType(m); return d.type === 'application' && d.subtypeTokens.some((t) => t === 'json'); };
const isOctetStream = (m) => { const d = parseMimeType(m); return d.type === 'application' && d.subtype === 'octet-stream'; };
const isFormUrlencoded = (m) => { const d = parseMimeType(m); return d.type === 'application' && d.subtype === 'x-www-form-urlencoded'; };
const MEDIA_TYPE_PRIORITY = [isJson, isJsonLike, isTextLike, isOctetStream, isFormUrlencoded];

function normalizeMediaType(mediaType) {
  if (mediaType === undefined) return undefined;
  return mediaType.split(';')[0].trim().toLowerCase();
}

function preferredMediaType(mediaTypes) {
  if (mediaTypes.length === 0) return 'application/json';
  const normal = mediaTypes.map(normalizeMediaType);
  for (const predicate of MEDIA_TYPE_PRIORITY) {
    for (const mediaType of normal) if (mediaType != null && predicate(mediaType)) return mediaType;
  }
  throw new Error(`None of the given media types are supported: ${mediaTypes.join(', ')}`);
}

function stringify(data, mediaType) {
  if (isTextLike(mediaType)) return String(data);
  if (isJsonLike(mediaType)) return JSON.stringify(data);
  throw new Error(`The mediaType ${mediaType} is not supported by ObjectSerializer.stringify.`);
}

function parse(rawData, mediaType) {
  if (mediaType === undefined) throw new Error('Cannot parse content. No Content-Type defined.');
  if (isTextLike(mediaType)) return rawData;
  if (isJsonLike(mediaType)) return JSON.parse(rawData);
  throw new Error(`The mediaType ${mediaType} is not supported by ObjectSerializer.parse.`);
}

module.exports = { ObjectSerializer, normalizeMediaType, preferredMediaType, stringify, parse };
