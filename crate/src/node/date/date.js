// Date as V8 has it, over boa's: strings parsed by V8's grammar (parse.js)
// in Date.parse, `new Date(string)` and `Date(…)`, and toString /
// toTimeString ending with the zone's long name ("GMT+0100 (Central
// European Standard Time)"). `Date` stays the same prototype, so
// `instanceof Date`, subclasses and every other method are boa's own.
'use strict';
// The parser and the names load on first use: most runs never need them.
const parse = (text) => require('date-parse').parse(text);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ICU_DATA_START = -2147483648000;
const pad = (n, width) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width, '0');

/**
 * The English long name of `zone` at instant `ms` whose offset is
 * `offsetMinutes`, as ICU gives it. An offset the zone no longer uses (local
 * mean time) takes the name its current rules give that date.
 */
function longZoneName(zone, offsetMinutes, ms) {
  const names = require('date-zone-names')[zone];
  const named = (offset) => {
    for (let i = 0; names && i < names.length; i += 2) if (names[i] === offset) return names[i + 1];
    return null;
  };
  // Before 1901-12-13 (where ICU's transition data starts) ICU names the
  // date by its current rules, whatever the offset.
  const found = ms !== undefined && ms < ICU_DATA_START ? null : named(offsetMinutes);
  if (found) return found;
  if (names && ms !== undefined) {
    const day = new Date(ms);
    const sameDay2026 = Date.UTC(2026, day.getUTCMonth(), Math.min(day.getUTCDate(), 28), 12);
    const current = native.zoneAt(zone, sameDay2026);
    const byRule = current && named(current[0]);
    if (byRule) return byRule;
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return offsetMinutes === 0 ? 'GMT' : `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** "10:00:00 GMT+0100 (Central European Standard Time)" for a valid time value. */
function timePart(date) {
  // V8 prints whole minutes (local mean times have seconds).
  const offset = Math.trunc(-date.getTimezoneOffset());
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = native.timeZone();
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)} GMT${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)} (${longZoneName(zone, offset, date.getTime())})`;
}

function datePart(date) {
  return `${DAYS[date.getDay()]} ${MONTHS[date.getMonth()]} ${pad(date.getDate(), 2)} ${pad(date.getFullYear(), 4)}`;
}

/** ToPrimitive(value) with no hint, as `new Date(value)` takes it. */
function toPrimitive(value) {
  const exotic = value[Symbol.toPrimitive];
  if (exotic !== undefined && exotic !== null) {
    const result = exotic.call(value, 'default');
    if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return result;
    throw new TypeError('Cannot convert object to primitive value');
  }
  for (const name of ['valueOf', 'toString']) {
    const method = value[name];
    if (typeof method === 'function') {
      const result = method.call(value);
      if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return result;
    }
  }
  throw new TypeError('Cannot convert object to primitive value');
}

function install(global, markNative) {
  const NativeDate = global.Date;
  const proto = NativeDate.prototype;
  const getTime = proto.getTime;
  const isDate = (value) => {
    try {
      getTime.call(value);
      return true;
    } catch (_) {
      return false;
    }
  };
  const method = (holder, name, fn) => Object.defineProperty(holder, name, { value: fn, writable: true, configurable: true, enumerable: false });

  function Date(...args) {
    if (new.target === undefined) return new NativeDate().toString();
    if (args.length === 1) {
      let value = args[0];
      if (typeof value === 'object' && value !== null) value = isDate(value) ? getTime.call(value) : toPrimitive(value);
      if (typeof value === 'string') value = parse(value);
      return Reflect.construct(NativeDate, [value], new.target);
    }
    return Reflect.construct(NativeDate, args, new.target);
  }
  for (const key of Reflect.ownKeys(NativeDate)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    Object.defineProperty(Date, key, Object.getOwnPropertyDescriptor(NativeDate, key));
  }
  Object.defineProperty(Date, 'length', { value: 7, configurable: true });
  Object.defineProperty(Date, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  method(proto, 'constructor', Date);
  method(Date, 'parse', { parse(text) { return parse(String(text)); } }.parse);
  method(proto, 'toString', {
    toString() {
      const time = getTime.call(this);
      return Number.isNaN(time) ? 'Invalid Date' : `${datePart(this)} ${timePart(this)}`;
    },
  }.toString);
  method(proto, 'toTimeString', {
    toTimeString() {
      return Number.isNaN(getTime.call(this)) ? 'Invalid Date' : timePart(this);
    },
  }.toTimeString);
  for (const fn of [Date, Date.parse, proto.toString, proto.toTimeString]) markNative(fn);
  Object.defineProperty(global, 'Date', { ...Object.getOwnPropertyDescriptor(global, 'Date'), value: Date });
  return Date;
}

module.exports = { install, longZoneName, parse };
