// Intl.DateTimeFormat as Node 20 formats for the locales in locales.js:
// numeric and text dates, weekdays, times in 12/24 hours, dateStyle and
// timeStyle, time zone names; any IANA zone through the engine's tzdb
// (`native.zoneAt`), the scenario's `settings.timezone` by default.
'use strict';
const { resolve, callable } = require('intl-number');

const FIELDS = ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second'];
// Where each `timeZoneName` style sits in a zone_display.js entry.
const ZONE_STYLE_INDEX = { short: 1, long: 2, shortGeneric: 3, longGeneric: 4 };

const pad2 = (n) => String(n).padStart(2, '0');

function zoneAt(zone, ms) {
  const found = native.zoneAt(zone, ms);
  if (!found) throw new RangeError(`Invalid time zone specified: ${zone}`);
  return found;
}

function canonicalZone(zone) {
  if (zone === undefined) return native.timeZone();
  const text = String(zone);
  if (/^(utc|gmt|etc\/utc|etc\/gmt|z)$/i.test(text)) return 'UTC';
  zoneAt(text, 0);
  return text;
}

// A zone without a name of its own, in the locale's offset format
// ("GMT+5:30" / "UTC+05:30", "GMT+0").
function offsetName(format, minutes, long) {
  const sign = minutes < 0 ? format.minus : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (long) return format.long.replace('+{hh}', `${sign}${pad2(h)}`).replace('{mm}', pad2(m));
  return format.short.replace('+{h}', m ? `${sign}${h}:${pad2(m)}` : `${sign}${h}`);
}

class DateTimeFormatImpl {
  /** `required`/`defaults`: which fields to fill in when none are asked for (ECMA-402 ToDateTimeOptions). */
  constructor(locales, options, required = 'any', defaults = 'date') {
    options = options === undefined ? {} : Object(options);
    const [tag, locale] = resolve(locales);
    this._locale = locale;
    // The locales.js key of that data: zone names are per locale (zone_display.js).
    const { LOCALES } = require('intl-locales');
    this._localeKey = Object.keys(LOCALES).find((k) => LOCALES[k] === locale) || 'en-US';
    const o = { locale: tag, calendar: 'gregory', numberingSystem: 'latn', timeZone: canonicalZone(options.timeZone) };
    const asked = {};
    for (const f of [...FIELDS, 'timeZoneName']) if (options[f] !== undefined) asked[f] = String(options[f]);
    const dateStyle = options.dateStyle === undefined ? undefined : String(options.dateStyle);
    const timeStyle = options.timeStyle === undefined ? undefined : String(options.timeStyle);
    if ((dateStyle || timeStyle) && Object.keys(asked).length) throw new TypeError(`Can't set option ${Object.keys(asked)[0]} when ${dateStyle ? 'dateStyle' : 'timeStyle'} is used`);
    let needDefaults = !dateStyle && !timeStyle;
    if (needDefaults && (required === 'date' || required === 'any') && ['weekday', 'year', 'month', 'day'].some((f) => asked[f])) needDefaults = false;
    if (needDefaults && (required === 'time' || required === 'any') && ['hour', 'minute', 'second'].some((f) => asked[f])) needDefaults = false;
    if (needDefaults && (defaults === 'date' || defaults === 'all')) Object.assign(asked, { year: 'numeric', month: 'numeric', day: 'numeric' });
    if (needDefaults && (defaults === 'time' || defaults === 'all')) Object.assign(asked, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const hasHour = asked.hour !== undefined || timeStyle !== undefined;
    // ICU's hour cycles as V8 11 picks them: hour12 flips the locale's own
    // cycle family (en-US's h12 becomes h24, en-GB's h23 becomes h11).
    const localeCycle = locale.hour12 ? 'h12' : 'h23';
    const elevenOrTwentyThree = localeCycle === 'h23';
    const cycle = options.hour12 !== undefined
      ? (options.hour12 ? (elevenOrTwentyThree ? 'h11' : 'h12') : (elevenOrTwentyThree ? 'h23' : 'h24'))
      : /^h(11|12|23|24)$/.test(String(options.hourCycle)) ? String(options.hourCycle) : localeCycle;
    const hour12 = cycle === 'h11' || cycle === 'h12';
    if (hasHour) {
      o.hourCycle = cycle;
      o.hour12 = hour12;
    }
    this._cycle = cycle;
    for (const f of FIELDS) {
      if (asked[f] === undefined) continue;
      // With an hour, minutes and seconds always print with two digits.
      o[f] = (f === 'minute' || f === 'second') && (asked.hour || f === 'second') ? '2-digit' : asked[f];
    }
    if (asked.timeZoneName) o.timeZoneName = asked.timeZoneName;
    if (dateStyle) o.dateStyle = dateStyle;
    if (timeStyle) o.timeStyle = timeStyle;
    this._options = o;
    this._hour12 = hour12;
    this.format = this.format.bind(this);
  }

  resolvedOptions() {
    return Object.assign({}, this._options);
  }

  formatToParts(date) {
    return this._parts(date);
  }

  // V8 prints U+202F (ICU's narrow no-break space) as a plain space in
  // format(), but keeps it in formatToParts().
  format(date) {
    return this._parts(date).map((p) => p.value).join('').replace(/\u202f/g, ' ');
  }

  _parts(date) {
    const ms = date === undefined ? Date.now() : typeof date === 'object' && date !== null ? date.valueOf() : Number(date);
    if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
    const o = this._options;
    const [offset] = zoneAt(o.timeZone, ms);
    const local = new Date(ms + offset * 60000);
    const t = { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate(), weekday: local.getUTCDay(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds() };
    let spec = o;
    if (o.dateStyle || o.timeStyle) spec = styleFields(o.dateStyle, o.timeStyle);
    const dateParts = this._dateParts(t, spec, o.dateStyle && this._locale.styles[o.dateStyle]);
    const timeParts = this._timeParts(t, spec);
    const zone = spec.timeZoneName ? this._zoneName(spec.timeZoneName, o.timeZone, offset) : null;
    // After a time a space, else the zone stands as a time would.
    if (zone) timeParts.push(...(timeParts.length ? [{ type: 'literal', value: ' ' }] : []), { type: 'timeZoneName', value: zone });
    if (!dateParts.length) return timeParts;
    if (!timeParts.length) return dateParts;
    return [...dateParts, { type: 'literal', value: this._locale.sep[o.dateStyle || 'all'] }, ...timeParts];
  }

  // The zone's name in this locale as ICU gives it (zone_display.js, generated
  // from Node), else the locale's offset format.
  _zoneName(style, zone, offset) {
    const displays = require('intl-zone-display');
    const display = displays[this._localeKey] || displays['en-US'];
    const entries = style in ZONE_STYLE_INDEX ? display.zones[zone] : undefined;
    for (let i = 0; entries && i < entries.length; i += 5) {
      if (entries[i] === offset && entries[i + ZONE_STYLE_INDEX[style]]) return entries[i + ZONE_STYLE_INDEX[style]];
    }
    return offsetName(display.offsetFormat, offset, style.startsWith('long'));
  }

  _dateParts(t, spec, stylePattern) {
    const L = this._locale;
    const has = (f) => spec[f] !== undefined;
    if (!has('year') && !has('month') && !has('day') && !has('weekday')) return [];
    const textMonth = ['long', 'short', 'narrow'].includes(spec.month);
    const key = (has('year') ? 'y' : '') + (has('month') ? 'm' : '') + (has('day') ? 'd' : '');
    const weekdayName = has('weekday') ? (spec.weekday === 'long' ? L.days : L.daysShort)[t.weekday] : null;
    const table = textMonth ? (spec.month === 'long' ? L.text : L.textShort) : L.numeric;
    let pattern = stylePattern;
    if (!pattern && (key === 'ymd' || key === 'md' || key === 'ym')) {
      pattern = table[(has('weekday') ? 'w' : '') + key] || table[key];
      if (has('weekday') && !table['w' + key]) pattern = `EEEE, ${pattern}`;
      if (!textMonth) {
        if (spec.month === '2-digit') pattern = pattern.replace(/\bM\b/, 'MM');
        if (spec.day === '2-digit') pattern = pattern.replace(/\bd\b/, 'dd');
      }
    }
    if (!pattern) {
      pattern = [has('weekday') ? 'EEEE' : '', has('month') ? (textMonth ? (spec.month === 'long' ? 'MMMM' : 'MMM') : 'M') : '', has('day') ? 'd' : '', has('year') ? 'y' : ''].filter(Boolean).join(' ');
    }
    const parts = [];
    const tokens = pattern.match(/'[^']*'|EEEE|MMMM|MMM|MM|M|dd|d|yy|y|[^'EMdy]+/g) || [];
    for (const token of tokens) {
      if (token.startsWith("'")) parts.push({ type: 'literal', value: token.slice(1, -1) });
      else if (token === 'EEEE') parts.push({ type: 'weekday', value: weekdayName || L.days[t.weekday] });
      else if (token === 'MMMM') parts.push({ type: 'month', value: L.months[t.month] });
      else if (token === 'MMM') parts.push({ type: 'month', value: L.monthsShort[t.month] });
      else if (token === 'MM') parts.push({ type: 'month', value: pad2(t.month + 1) });
      else if (token === 'M') parts.push({ type: 'month', value: String(t.month + 1) });
      else if (token === 'dd') parts.push({ type: 'day', value: pad2(t.day) });
      else if (token === 'd') parts.push({ type: 'day', value: spec.day === '2-digit' ? pad2(t.day) : String(t.day) });
      else if (token === 'y' || token === 'yy') parts.push({ type: 'year', value: spec.year === '2-digit' || token === 'yy' ? pad2(t.year % 100) : String(t.year) });
      else parts.push({ type: 'literal', value: token });
    }
    return parts;
  }

  _timeParts(t, spec) {
    const L = this._locale;
    if (spec.hour === undefined && spec.minute === undefined && spec.second === undefined) return [];
    const parts = [];
    const h12 = this._hour12;
    if (spec.hour !== undefined) {
      const cycle = this._cycle;
      const hour = cycle === 'h12' ? t.hour % 12 || 12 : cycle === 'h11' ? t.hour % 12 : cycle === 'h24' ? t.hour || 24 : t.hour;
      // A 12-hour locale's 24-hour pattern is "HH:mm".
      const twoDigits = spec.hour === '2-digit' || (!h12 && spec.minute !== undefined && (L.hourPad || L.hour12));
      parts.push({ type: 'hour', value: twoDigits ? pad2(hour) : String(hour) });
    }
    if (spec.minute !== undefined) {
      if (parts.length) parts.push({ type: 'literal', value: L.timeSep });
      parts.push({ type: 'minute', value: spec.hour !== undefined || spec.minute === '2-digit' ? pad2(t.minute) : String(t.minute) });
    }
    if (spec.second !== undefined) {
      if (parts.length) parts.push({ type: 'literal', value: L.timeSep });
      parts.push({ type: 'second', value: parts.length ? pad2(t.second) : String(t.second) });
    }
    if (h12 && spec.hour !== undefined) {
      const period = { type: 'dayPeriod', value: L.dayPeriods[t.hour < 12 ? 0 : 1] };
      if (this._options.locale.startsWith('ja')) parts.unshift(period);
      else parts.push({ type: 'literal', value: L.periodSep }, period);
    }
    return parts;
  }

  static supportedLocalesOf(locales) {
    return require('intl-number').NumberFormat.supportedLocalesOf(locales);
  }
}

/** The fields a dateStyle/timeStyle stands for (the date's pattern comes from the locale). */
function styleFields(dateStyle, timeStyle) {
  const spec = {};
  if (dateStyle) Object.assign(spec, { weekday: dateStyle === 'full' ? 'long' : undefined, year: 'numeric', month: 'numeric', day: 'numeric' });
  if (spec.weekday === undefined) delete spec.weekday;
  if (timeStyle) Object.assign(spec, { hour: 'numeric', minute: '2-digit' });
  if (timeStyle && timeStyle !== 'short') spec.second = '2-digit';
  if (timeStyle === 'full') spec.timeZoneName = 'long';
  if (timeStyle === 'long') spec.timeZoneName = 'short';
  return spec;
}

const DateTimeFormat = callable(DateTimeFormatImpl, 'DateTimeFormat');
// The toLocaleString family passes its own defaults (date only, time only, both).
Object.defineProperty(DateTimeFormat, 'withDefaults', { value: (locales, options, required, defaults) => new DateTimeFormatImpl(locales, options, required, defaults) });

module.exports = { DateTimeFormat };
