// Intl.NumberFormat as Node 20 formats for the locales in locales.js:
// decimal, percent, currency (symbol, code, name, accounting), compact,
// significant digits, sign display; half-expand rounding on the shortest
// decimal form, as ICU does. Unknown locales fall back to their language,
// then to en-US.
'use strict';
const data = require('intl-locales');
const { LOCALES, NBSP } = data;

function canonical(tag) {
  const parts = String(tag).replace(/_/g, '-').split('-');
  return parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase())).join('-');
}

function getCanonicalLocales(locales) {
  if (locales === undefined) return [];
  const list = Array.isArray(locales) ? locales : [locales];
  return [...new Set(list.map((l) => {
    if (typeof l !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l)) throw new RangeError(`Incorrect locale information provided`);
    return canonical(l);
  }))];
}

/** [requested tag as resolved, data] for the first requested locale. */
function resolve(locales) {
  const tag = getCanonicalLocales(locales)[0] || 'en-US';
  if (LOCALES[tag]) return [tag, LOCALES[tag]];
  const language = tag.split('-')[0];
  const byLanguage = Object.keys(LOCALES).find((k) => k.split('-')[0] === language);
  if (byLanguage) return [tag.includes('-') ? tag : byLanguage.startsWith(`${language}-`) && language === 'en' ? 'en' : language, LOCALES[byLanguage]];
  return ['en-US', LOCALES['en-US']];
}

const option = (options, name, allowed, fallback) => {
  const value = options[name];
  if (value === undefined) return fallback;
  const text = String(value);
  if (allowed && !allowed.includes(text)) throw new RangeError(`Value ${text} out of range for Intl.NumberFormat options property ${name}`);
  return text;
};
const digitsOption = (options, name, min, max, fallback) => {
  const value = options[name];
  if (value === undefined) return fallback;
  const n = Math.floor(Number(value));
  if (!(n >= min && n <= max)) throw new RangeError(`${name} value is out of range.`);
  return n;
};

// ---- numbers ----

/** The shortest decimal digits of |x| as [integer digits, fraction digits]. */
function decimalDigits(x) {
  let text = Math.abs(x).toString();
  const e = text.indexOf('e');
  if (e !== -1) {
    const exp = Number(text.slice(e + 1));
    const [int, frac = ''] = text.slice(0, e).split('.');
    const digits = int + frac;
    const point = int.length + exp;
    text = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const [int, frac = ''] = text.split('.');
  return [int, frac];
}

/** Rounds half away from zero to `max` fraction digits, keeps at least `min`. */
function roundFraction([int, frac], min, max) {
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53;
    let digits = (int + frac.slice(0, max)).split('').map(Number);
    if (up) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === 9) digits[i--] = 0;
      if (i < 0) digits.unshift(1);
      else digits[i] += 1;
    }
    const all = digits.join('');
    int = all.slice(0, all.length - max) || '0';
    frac = all.slice(all.length - max);
  }
  frac = frac.replace(/0+$/, '');
  while (frac.length < min) frac += '0';
  return [int.replace(/^0+(?=\d)/, ''), frac];
}

function roundSignificant([int, frac], min, max) {
  const digits = (int + frac).replace(/^0+/, '');
  const lead = int.replace(/^0+/, '').length || -((frac.match(/^0*/)[0].length));
  const pointShift = lead; // digits before the point among the significant ones
  if (!digits) return ['0', min > 1 ? '0'.repeat(min - 1) : ''];
  let keep = digits.slice(0, max);
  if (digits.length > max && digits.charCodeAt(max) >= 53) {
    const n = keep.split('').map(Number);
    let i = n.length - 1;
    while (i >= 0 && n[i] === 9) n[i--] = 0;
    if (i < 0) { n.unshift(1); } else n[i] += 1;
    keep = n.join('');
  }
  let shift = pointShift + (keep.length > Math.min(digits.length, max) ? 1 : 0);
  keep = keep.slice(0, Math.max(max, 1));
  let sig = keep.replace(/0+$/, '');
  while (sig.length < min) sig += '0';
  if (shift <= 0) return ['0', '0'.repeat(-shift) + sig];
  if (sig.length <= shift) return [sig + '0'.repeat(shift - sig.length), ''];
  return [sig.slice(0, shift), sig.slice(shift)];
}

function group(int, locale, useGrouping) {
  if (useGrouping === false) return int;
  const minGrouping = useGrouping === 'min2' ? 2 : locale.minGrouping;
  if (int.length < 4 || int.length < 3 + minGrouping) return int;
  const secondary = locale.secondaryGroup || 3;
  let out = int.slice(-3);
  let rest = int.slice(0, -3);
  while (rest.length > secondary) {
    out = rest.slice(-secondary) + locale.group + out;
    rest = rest.slice(0, -secondary);
  }
  return rest ? rest + locale.group + out : out;
}

const COMPACT = [[1e12, 'T', ' trillion'], [1e9, 'B', ' billion'], [1e6, 'M', ' million'], [1e3, 'K', ' thousand']];

class NumberFormatImpl {
  constructor(locales, options) {
    options = options === undefined ? {} : Object(options);
    const [tag, locale] = resolve(locales);
    this._locale = locale;
    const style = option(options, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
    let currency = options.currency;
    if (style === 'currency') {
      if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
      if (!/^[A-Za-z]{3}$/.test(String(currency))) throw new RangeError(`Invalid currency code : ${currency}`);
      currency = String(currency).toUpperCase();
    }
    const notation = option(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
    const currencyDigits = style === 'currency' ? (data.CURRENCY_DIGITS[currency] ?? 2) : 0;
    const minDefault = style === 'currency' && notation !== 'compact' ? currencyDigits : 0;
    const maxDefault = style === 'currency' && notation !== 'compact' ? currencyDigits : style === 'percent' ? 0 : notation === 'compact' ? 0 : 3;
    const minimumFractionDigits = digitsOption(options, 'minimumFractionDigits', 0, 100, undefined);
    const maximumFractionDigits = digitsOption(options, 'maximumFractionDigits', 0, 100, undefined);
    const min = minimumFractionDigits ?? Math.min(minDefault, maximumFractionDigits ?? minDefault);
    const max = maximumFractionDigits ?? Math.max(maxDefault, min);
    if (min > max) throw new RangeError('maximumFractionDigits value is out of range.');
    const useGroupingOption = options.useGrouping;
    this._options = {
      locale: tag,
      numberingSystem: 'latn',
      style,
      currency: style === 'currency' ? currency : undefined,
      currencyDisplay: style === 'currency' ? option(options, 'currencyDisplay', ['symbol', 'narrowSymbol', 'code', 'name'], 'symbol') : undefined,
      currencySign: style === 'currency' ? option(options, 'currencySign', ['standard', 'accounting'], 'standard') : undefined,
      unit: style === 'unit' ? String(options.unit) : undefined,
      unitDisplay: style === 'unit' ? option(options, 'unitDisplay', ['short', 'narrow', 'long'], 'short') : undefined,
      minimumIntegerDigits: digitsOption(options, 'minimumIntegerDigits', 1, 21, 1),
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      minimumSignificantDigits: digitsOption(options, 'minimumSignificantDigits', 1, 21, undefined),
      maximumSignificantDigits: digitsOption(options, 'maximumSignificantDigits', 1, 21, undefined),
      useGrouping: useGroupingOption === undefined ? (notation === 'compact' ? 'min2' : 'auto') : useGroupingOption === false || useGroupingOption === 'false' ? false : useGroupingOption === true ? 'always' : String(useGroupingOption),
      notation,
      compactDisplay: notation === 'compact' ? option(options, 'compactDisplay', ['short', 'long'], 'short') : undefined,
      signDisplay: option(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto'),
      roundingMode: 'halfExpand',
      roundingIncrement: 1,
      trailingZeroDisplay: 'auto',
      roundingPriority: 'auto',
    };
    if (this._options.minimumSignificantDigits !== undefined && this._options.maximumSignificantDigits === undefined) this._options.maximumSignificantDigits = 21;
    if (this._options.maximumSignificantDigits !== undefined && this._options.minimumSignificantDigits === undefined) this._options.minimumSignificantDigits = 1;
    this.format = this.format.bind(this);
  }

  resolvedOptions() {
    const out = {};
    for (const [k, v] of Object.entries(this._options)) if (v !== undefined) out[k] = v;
    return out;
  }

  formatToParts(value) {
    return [{ type: 'literal', value: this.format(value) }];
  }

  format(value) {
    const o = this._options;
    const locale = this._locale;
    const big = typeof value === 'bigint';
    let x = Number(value);
    if (Number.isNaN(x)) return 'NaN';
    const negative = big ? value < 0n : x < 0 || Object.is(x, -0);
    if (o.style === 'percent') x *= 100;
    let suffix = '';
    if (o.notation === 'compact') {
      const found = COMPACT.find(([size]) => Math.abs(x) >= size);
      if (found) {
        x /= found[0];
        suffix = o.compactDisplay === 'long' ? found[2] : found[1];
      }
    }
    let body;
    if (!Number.isFinite(x)) {
      body = '∞';
    } else {
      // A BigInt keeps all its digits.
      let parts = big && o.style !== 'percent' && !suffix ? [String(value < 0n ? -value : value), ''] : decimalDigits(x);
      if (o.minimumSignificantDigits !== undefined) parts = roundSignificant(parts, o.minimumSignificantDigits, o.maximumSignificantDigits);
      else if (o.notation === 'compact' && o.maximumFractionDigits === 0 && this._options.minimumFractionDigits === 0) parts = parts[0].length >= 2 ? roundFraction(parts, 0, 0) : roundSignificant(parts, 1, 2);
      else parts = roundFraction(parts, o.minimumFractionDigits, o.maximumFractionDigits);
      let [int, frac] = parts;
      while (int.length < o.minimumIntegerDigits) int = '0' + int;
      body = group(int, locale, o.useGrouping) + (frac ? locale.decimal + frac : '');
    }
    const isZero = /^[0.,\s]*$/.test(body.replace(/[^0-9]/g, '')) && !/[1-9]/.test(body);
    let sign = '';
    if (o.signDisplay === 'always') sign = negative ? locale.minus : '+';
    else if (o.signDisplay === 'exceptZero') sign = isZero ? '' : negative ? locale.minus : '+';
    else if (o.signDisplay === 'never') sign = '';
    else if (o.signDisplay === 'negative') sign = negative && !isZero ? locale.minus : '';
    else sign = negative ? locale.minus : '';
    body += suffix;
    if (o.style === 'percent') return sign + locale.percent[0] + body + locale.percent[1];
    if (o.style === 'unit') return `${sign}${body} ${o.unit}`;
    if (o.style !== 'currency') return sign + body;
    const code = o.currency;
    if (o.currencyDisplay === 'name') {
      const names = data.CURRENCY_NAMES[code];
      const name = names ? names[body === '1' || body === '1.00' ? 0 : 1] : code;
      return `${sign}${body} ${name}`;
    }
    let symbol = o.currencyDisplay === 'code' ? code : (locale.currencySymbols && locale.currencySymbols[code]) || ((data.LOCAL_SYMBOL_OVERRIDES[o.locale] || {})[code]) || data.CURRENCY_SYMBOLS[code] || code;
    if (o.currencyDisplay === 'narrowSymbol') symbol = symbol.replace(/^[A-Z]+(?=[^A-Z])/, '');
    // A symbol of letters before the number gets a no-break space (`CHF 12.00`).
    const before = locale.currency[0].replace('¤', symbol + (locale.currency[0] === '¤' && /[A-Za-z]$/.test(symbol) ? NBSP : ''));
    const after = locale.currency[1].replace('¤', symbol);
    if (o.currencySign === 'accounting' && sign === locale.minus && locale.currency[0] === '¤') return `(${before}${body}${after})`;
    if (locale.currencyMinusAfterSymbol && sign) return `${before}${sign}${body}${after}`;
    return `${sign}${before}${body}${after}`;
  }

  static supportedLocalesOf(locales) {
    return getCanonicalLocales(locales).filter((l) => LOCALES[l] || Object.keys(LOCALES).some((k) => k.split('-')[0] === l.split('-')[0]));
  }
}

/**
 * Intl constructors may be called without `new` (ECMA-402); classes cannot,
 * so each is exposed as a function sharing the class's prototype.
 */
function callable(Impl, name) {
  // Internal slots stay out of sight: Node prints `NumberFormat [Intl.NumberFormat] {}`.
  const C = function (locales, options) { return hideOwn(new Impl(locales, options)); };
  Object.defineProperty(C, 'name', { value: name, configurable: true });
  C.prototype = Impl.prototype;
  Object.defineProperty(Impl.prototype, 'constructor', { value: C, writable: true, configurable: true });
  if (Impl.supportedLocalesOf) Object.defineProperty(C, 'supportedLocalesOf', { value: Impl.supportedLocalesOf, writable: true, configurable: true });
  return C;
}

/** Makes every own property of `obj` non-enumerable (as built-ins' internals are). */
function hideOwn(obj) {
  for (const key of Object.keys(obj)) Object.defineProperty(obj, key, { enumerable: false });
  return obj;
}

const NumberFormat = callable(NumberFormatImpl, 'NumberFormat');

module.exports = { NumberFormat, resolve, getCanonicalLocales, option, callable, hideOwn };
