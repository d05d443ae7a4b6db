// Date.parse as V8 does it: an ES5 ISO date-time string where the text is
// one, else V8's legacy ("Safari-compatible") grammar: numbers separated by
// anything, month names by their first three letters, am/pm, a few zone
// abbreviations, `(comments)`, signed offsets; "5/15/2024", "March 7, 2026
// 10:00", "2026/03/07", RFC 2822, and everything toLocaleString prints.
// Written from the grammar V8 documents (src/date/dateparser-inl.h);
// local times are read in the run's zone (`native.zoneAt`).
'use strict';

const NONE = null;
const MS_PER_DAY = 86400000;
const MAX_TIME = 8.64e15;

const inRange = (x, lo, hi) => x >= lo && x <= hi;
const isMonth = (x) => inRange(x, 1, 12);
const isDay = (x) => inRange(x, 1, 31);
const isHour = (x) => inRange(x, 0, 23);
const isMinute = (x) => inRange(x, 0, 59);

// Words the grammar knows, by their first three letters (lower case).
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHORT_WORDS = {
  am: ['ampm', 0], pm: ['ampm', 12], t: ['t', 0], z: ['zone', 0], ut: ['zone', 0], utc: ['zone', 0], gmt: ['zone', 0],
  cdt: ['zone', -5], cst: ['zone', -6], edt: ['zone', -4], est: ['zone', -5],
  mdt: ['zone', -6], mst: ['zone', -7], pdt: ['zone', -7], pst: ['zone', -8],
};

function wordToken(word) {
  const prefix = word.slice(0, 3).toLowerCase();
  const month = MONTHS.indexOf(prefix);
  if (month >= 0 && word.length >= 3) return { kind: 'word', type: 'month', value: month + 1, length: word.length };
  const known = word.length <= 3 && Object.prototype.hasOwnProperty.call(SHORT_WORDS, prefix) ? SHORT_WORDS[prefix] : null;
  return { kind: 'word', type: known ? known[0] : 'other', value: known ? known[1] : 0, length: word.length };
}

const WHITE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const END = { kind: 'end' };

/** Splits the text into tokens one at a time, with one token of lookahead. */
class Scanner {
  constructor(text) {
    this.text = text;
    this.at = 0;
    this.ahead = this.scan();
  }

  scan() {
    const s = this.text;
    if (this.at >= s.length) return END;
    const c = s[this.at];
    if (c >= '0' && c <= '9') {
      const start = this.at;
      while (this.at < s.length && s[this.at] >= '0' && s[this.at] <= '9') this.at++;
      // Digits past the ninth do not count (but are consumed).
      return { kind: 'number', value: Number(s.slice(start, Math.min(this.at, start + 9))), length: this.at - start };
    }
    if (':-+.)'.includes(c)) {
      this.at++;
      return { kind: 'symbol', value: c };
    }
    if (c >= 'A') {
      const start = this.at;
      while (this.at < s.length && s[this.at] >= 'A') this.at++;
      return wordToken(s.slice(start, this.at));
    }
    if (WHITE.test(c)) {
      this.at++;
      return { kind: 'space' };
    }
    if (c === '(') {
      for (let depth = 0; this.at < s.length;) {
        const p = s[this.at++];
        if (p === '(') depth++;
        else if (p === ')') depth--;
        if (depth <= 0) break;
      }
      return { kind: 'unknown' };
    }
    this.at++;
    return { kind: 'unknown' };
  }

  next() {
    const token = this.ahead;
    this.ahead = this.scan();
    return token;
  }

  peek() {
    return this.ahead;
  }

  skip(symbol) {
    if (isSymbol(this.ahead, symbol)) {
      this.ahead = this.scan();
      return true;
    }
    return false;
  }
}

const isSymbol = (t, c) => t.kind === 'symbol' && t.value === c;
const isSign = (t) => isSymbol(t, '+') || isSymbol(t, '-');
const signOf = (t) => (t.value === '-' ? -1 : 1);
const isNumberOf = (t, length) => t.kind === 'number' && t.length === length;
const isZ = (t) => t.kind === 'word' && t.type === 'zone' && t.length === 1;

/** Milliseconds from a fraction's digits: the first three significant ones. */
function fractionMs(token) {
  const digits = Math.min(token.length, 9);
  return Math.floor(token.value * 10 ** (3 - digits));
}

/** Year, month, day as numbers come (order decided at the end). */
class DayFields {
  constructor() { this.parts = []; this.namedMonth = NONE; this.iso = false; }
  get empty() { return this.parts.length === 0; }
  add(n) { if (this.parts.length >= 3) return false; this.parts.push(n); return true; }

  result() {
    if (this.parts.length < 1) return null;
    const p = [...this.parts];
    while (p.length < 3) p.push(1);
    let year = 0;
    let month;
    let day;
    if (this.namedMonth === NONE) {
      if (this.iso || !isDay(p[0])) [year, month, day] = p;
      else [month, day, year] = p;
    } else {
      month = this.namedMonth;
      if (!isDay(p[0])) [year, day] = p;
      else [day, year] = p;
    }
    if (!this.iso) {
      if (inRange(year, 0, 49)) year += 2000;
      else if (inRange(year, 50, 99)) year += 1900;
    }
    if (!isMonth(month) || !isDay(day)) return null;
    return [year, month - 1, day];
  }
}

/** Hour, minute, second, millisecond, and am/pm. */
class TimeFields {
  constructor() { this.parts = []; this.hourOffset = NONE; }
  get empty() { return this.parts.length === 0; }
  expects(n) {
    const i = this.parts.length;
    return (i === 1 && isMinute(n)) || (i === 2 && isMinute(n)) || (i === 3 && inRange(n, 0, 999));
  }
  add(n) { if (this.parts.length >= 4) return false; this.parts.push(n); return true; }
  addFinal(n) {
    if (!this.add(n)) return false;
    while (this.parts.length < 4) this.parts.push(0);
    return true;
  }

  result() {
    const p = [...this.parts];
    while (p.length < 4) p.push(0);
    let [hour] = p;
    const [, minute, second, ms] = p;
    if (this.hourOffset !== NONE) {
      if (!inRange(hour, 0, 12)) return null;
      hour = (hour % 12) + this.hourOffset;
    }
    const valid = isHour(hour) && isMinute(minute) && isMinute(second) && inRange(ms, 0, 999);
    if (!valid && !(hour === 24 && minute === 0 && second === 0 && ms === 0)) return null;
    return [hour, minute, second, ms];
  }
}

/** An explicit UTC offset, when the text has one. */
class ZoneFields {
  constructor() { this.sign = NONE; this.hour = NONE; this.minute = NONE; }
  get empty() { return this.hour === NONE; }
  get isUtc() { return this.hour === 0 && this.minute === 0; }
  set(hours) { this.sign = hours < 0 ? -1 : 1; this.hour = Math.abs(hours); this.minute = 0; }
  expects(n) { return this.hour !== NONE && this.minute === NONE && isMinute(n); }

  /** Offset in seconds; NaN for local time; null when invalid. */
  result() {
    if (this.sign === NONE) return NaN;
    const seconds = (this.hour === NONE ? 0 : this.hour) * 3600 + (this.minute === NONE ? 0 : this.minute) * 60;
    if (seconds > 0x3fffffff) return null;
    return this.sign * seconds;
  }
}

const INVALID = { kind: 'invalid' };

/**
 * The ISO form `[+-yy]yyyy[-MM[-DD]][THH:mm[:ss[.sss]][Z|±hh:mm]]`, as far as
 * the text follows it. Returns the first token it did not use (END when the
 * text was wholly ISO), or INVALID when the text broke the ISO time part.
 */
function readIso(scanner, day, time, zone) {
  const first = scanner.peek();
  if (isSign(first)) {
    const sign = scanner.next();
    if (!isNumberOf(scanner.peek(), 6)) return sign;
    const year = scanner.next().value;
    if (signOf(sign) < 0 && year === 0) return sign;
    day.add(signOf(sign) * year);
  } else if (isNumberOf(first, 4)) {
    day.add(scanner.next().value);
  } else {
    return scanner.next();
  }
  if (scanner.skip('-')) {
    if (!isNumberOf(scanner.peek(), 2) || !isMonth(scanner.peek().value)) return scanner.next();
    day.add(scanner.next().value);
    if (scanner.skip('-')) {
      if (!isNumberOf(scanner.peek(), 2) || !isDay(scanner.peek().value)) return scanner.next();
      day.add(scanner.next().value);
    }
  }
  const t = scanner.peek();
  if (!(t.kind === 'word' && t.type === 't')) {
    if (scanner.peek() !== END) return scanner.next();
  } else {
    scanner.next();
    const two = (check) => isNumberOf(scanner.peek(), 2) && check(scanner.peek().value);
    if (!two((h) => inRange(h, 0, 24))) return INVALID;
    const midnight = scanner.peek().value === 24;
    time.add(scanner.next().value);
    if (!scanner.skip(':')) return INVALID;
    if (!two(isMinute) || (midnight && scanner.peek().value > 0)) return INVALID;
    time.add(scanner.next().value);
    if (scanner.skip(':')) {
      if (!two(isMinute) || (midnight && scanner.peek().value > 0)) return INVALID;
      time.add(scanner.next().value);
      if (scanner.skip('.')) {
        if (scanner.peek().kind !== 'number' || (midnight && scanner.peek().value > 0)) return INVALID;
        time.add(fractionMs(scanner.next()));
      }
    }
    if (isZ(scanner.peek())) {
      scanner.next();
      zone.set(0);
    } else if (isSign(scanner.peek())) {
      zone.sign = signOf(scanner.next());
      if (isNumberOf(scanner.peek(), 4)) {
        const hhmm = scanner.next().value;
        if (!isHour(Math.floor(hhmm / 100)) || !isMinute(hhmm % 100)) return INVALID;
        zone.hour = Math.floor(hhmm / 100);
        zone.minute = hhmm % 100;
      } else {
        if (!two(isHour)) return INVALID;
        zone.hour = scanner.next().value;
        if (!scanner.skip(':')) return INVALID;
        if (!two(isMinute)) return INVALID;
        zone.minute = scanner.next().value;
      }
    }
    if (scanner.peek() !== END) return INVALID;
  }
  // Date-only ISO forms are UTC; date-time forms without an offset are local.
  if (zone.empty && time.empty) zone.set(0);
  day.iso = true;
  return END;
}

/** [year, month0, day, hour, minute, second, ms, offsetSeconds|NaN] of the text, or null. */
function fields(text) {
  const scanner = new Scanner(text);
  const day = new DayFields();
  const time = new TimeFields();
  const zone = new ZoneFields();
  const rest = readIso(scanner, day, time, zone);
  if (rest === INVALID) return null;
  let sawNumber = !day.empty;
  for (let token = rest; token !== END; token = scanner.next()) {
    if (token.kind === 'number') {
      sawNumber = true;
      const n = token.value;
      if (scanner.skip(':')) {
        if (scanner.skip(':')) {
          // "n::" is an hour with zero minutes.
          if (!time.empty) return null;
          time.add(n);
          time.add(0);
        } else {
          if (!time.add(n)) return null;
          if (isSymbol(scanner.peek(), '.')) scanner.next();
        }
      } else if (scanner.skip('.') && time.expects(n)) {
        // (The '.' is used up even when no time follows: "7.5.2024" is a day.)
        time.add(n);
        if (scanner.peek().kind !== 'number') return null;
        time.addFinal(fractionMs(scanner.next()));
      } else if (zone.expects(n)) {
        zone.minute = n;
      } else if (time.expects(n)) {
        time.addFinal(n);
        const after = scanner.peek();
        if (after !== END && after.kind !== 'space' && !isZ(after) && !isSign(after)) return null;
      } else {
        if (!day.add(n)) return null;
        scanner.skip('-');
      }
    } else if (token.kind === 'word') {
      if (token.type === 'ampm' && !time.empty) time.hourOffset = token.value;
      else if (token.type === 'month') {
        day.namedMonth = token.value;
        scanner.skip('-');
      } else if (token.type === 'zone' && sawNumber) zone.set(token.value);
      else {
        // Words before the first number are ignored; after it, not allowed.
        if (sawNumber) return null;
        if (scanner.peek().kind === 'number') return null;
      }
    } else if (isSign(token) && (zone.isUtc || !time.empty)) {
      // An offset after "UTC"/"GMT" or a time: ±h, ±hh, ±hmm, ±hhmm, ±hh:mm.
      zone.sign = signOf(token);
      let n = 0;
      let length = 0;
      if (scanner.peek().kind === 'number') {
        const digits = scanner.next();
        n = digits.value;
        length = digits.length;
      }
      sawNumber = true;
      if (isSymbol(scanner.peek(), ':')) {
        zone.hour = n;
        zone.minute = NONE;
      } else if (length === 1 || length === 2) {
        zone.hour = n;
        zone.minute = 0;
      } else if (length === 3 || length === 4) {
        zone.hour = Math.floor(n / 100);
        zone.minute = n % 100;
      } else {
        return null;
      }
    } else if ((isSign(token) || isSymbol(token, ')')) && sawNumber) {
      return null;
    }
  }
  const d = day.result();
  const t = d && time.result();
  const offset = t && zone.result();
  if (!d || !t || offset === null) return null;
  return [...d, ...t, offset];
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (month 0-based, may overflow). */
function daysFromCivil(year, month0, day) {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The offset (ms) of the run's zone at a UTC instant. */
function offsetAt(utcMs) {
  const found = native.zoneAt(native.timeZone(), utcMs);
  return found ? found[2] * 1000 : 0;
}

/**
 * The instant a local wall time names in the run's zone. In a gap (clocks
 * jumped forward) or an overlap (they went back) the offset in force before
 * the change applies, as V8 resolves it.
 */
function localToUtc(localMs) {
  const before = offsetAt(localMs - MS_PER_DAY);
  const after = offsetAt(localMs + MS_PER_DAY);
  const valid = [...new Set([before, after])].map((o) => localMs - o).filter((u) => offsetAt(u) === localMs - u);
  if (valid.length) return Math.min(...valid);
  return localMs - before;
}

/** Date.parse: the time value the text names, or NaN. */
function parse(text) {
  const f = fields(String(text));
  if (!f) return NaN;
  const [year, month, day, hour, minute, second, ms, offset] = f;
  let value = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (Number.isNaN(offset)) {
    if (Math.abs(value) > MAX_TIME + 10 * MS_PER_DAY) return NaN;
    value = localToUtc(value);
  } else {
    value -= offset * 1000;
  }
  if (!(Math.abs(value) <= MAX_TIME)) return NaN;
  return value + 0;
}

module.exports = { parse };
