// The `Intl` global (loaded on first use) and what the toLocaleString family
// calls: NumberFormat, DateTimeFormat and Collator (their own files),
// PluralRules, ListFormat, RelativeTimeFormat.
'use strict';
const { NumberFormat, resolve, getCanonicalLocales } = require('intl-number');
const { DateTimeFormat } = require('intl-datetime');
const { Collator, localeCompare } = require('intl-collator');

class PluralRulesImpl {
  constructor(locales, options) {
    options = options === undefined ? {} : Object(options);
    const [tag] = resolve(locales);
    this._options = { locale: tag, type: options.type === 'ordinal' ? 'ordinal' : 'cardinal', minimumIntegerDigits: 1, minimumFractionDigits: 0, maximumFractionDigits: 3, pluralCategories: [] };
    const lang = tag.split('-')[0];
    this._lang = lang;
    this._options.pluralCategories = this._options.type === 'ordinal' ? (lang === 'en' ? ['few', 'one', 'two', 'other'] : ['other']) : lang === 'ja' ? ['other'] : lang === 'fr' || lang === 'es' || lang === 'it' || lang === 'pt' ? ['one', 'many', 'other'] : ['one', 'other'];
  }

  resolvedOptions() {
    return Object.assign({}, this._options);
  }

  select(n) {
    n = Number(n);
    const integer = Number.isInteger(n);
    if (this._options.type === 'ordinal') {
      if (this._lang !== 'en') return 'other';
      const ten = n % 10;
      const hundred = n % 100;
      if (ten === 1 && hundred !== 11) return 'one';
      if (ten === 2 && hundred !== 12) return 'two';
      if (ten === 3 && hundred !== 13) return 'few';
      return 'other';
    }
    if (this._lang === 'ja') return 'other';
    if (this._lang === 'fr') return n >= 0 && n < 2 ? 'one' : integer && n !== 0 && n % 1000000 === 0 ? 'many' : 'other';
    if (this._lang === 'pt') return integer && (n === 0 || n === 1) ? 'one' : 'other';
    return n === 1 && integer ? 'one' : 'other';
  }

  static supportedLocalesOf(locales) {
    return NumberFormat.supportedLocalesOf(locales);
  }
}

class ListFormatImpl {
  constructor(locales, options) {
    options = options === undefined ? {} : Object(options);
    const [tag, locale] = resolve(locales);
    this._locale = locale;
    this._options = { locale: tag, type: options.type === undefined ? 'conjunction' : String(options.type), style: options.style === undefined ? 'long' : String(options.style) };
  }

  resolvedOptions() {
    return Object.assign({}, this._options);
  }

  format(list) {
    const items = [...list].map(String);
    const { and, or, serialComma } = this._locale.list;
    if (this._options.type === 'unit') return items.join(this._options.style === 'narrow' ? ' ' : ', ');
    const word = this._options.type === 'disjunction' ? or : this._options.style === 'long' ? and : this._options.style === 'short' ? (and === 'and' ? '&' : and) : ',';
    if (items.length < 2) return items.join('');
    if (word === '、' || word === '、または') return items.slice(0, -1).join('、') + word + items[items.length - 1];
    if (items.length === 2) return `${items[0]} ${word} ${items[1]}`;
    return `${items.slice(0, -1).join(', ')}${serialComma ? ',' : ''} ${word} ${items[items.length - 1]}`;
  }

  formatToParts(list) {
    return [{ type: 'literal', value: this.format(list) }];
  }
}

const RELATIVE_AUTO = { day: { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' }, year: { '-1': 'last year', 0: 'this year', 1: 'next year' }, month: { '-1': 'last month', 0: 'this month', 1: 'next month' }, week: { '-1': 'last week', 0: 'this week', 1: 'next week' } };

class RelativeTimeFormatImpl {
  constructor(locales, options) {
    options = options === undefined ? {} : Object(options);
    const [tag] = resolve(locales);
    this._options = { locale: tag, style: options.style === undefined ? 'long' : String(options.style), numeric: options.numeric === undefined ? 'always' : String(options.numeric), numberingSystem: 'latn' };
    this._number = new NumberFormat(tag);
  }

  resolvedOptions() {
    return Object.assign({}, this._options);
  }

  format(value, unit) {
    const n = Number(value);
    let u = String(unit).replace(/s$/, '');
    if (!['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].includes(u)) throw new RangeError(`Invalid unit argument for format() '${unit}'`);
    if (this._options.numeric === 'auto' && RELATIVE_AUTO[u] && RELATIVE_AUTO[u][n] !== undefined) return RELATIVE_AUTO[u][n];
    const abs = this._number.format(Math.abs(n));
    const short = { second: 'sec.', minute: 'min.', hour: 'hr.', day: 'day', week: 'wk.', month: 'mo.', quarter: 'qtr.', year: 'yr.' };
    const word = this._options.style === 'long' ? (Math.abs(n) === 1 ? u : `${u}s`) : Math.abs(n) === 1 || !['day'].includes(u) ? short[u] : 'days';
    return n < 0 || Object.is(n, -0) ? `${abs} ${word} ago` : `in ${abs} ${word}`;
  }
}

const { callable } = require('intl-number');
const PluralRules = callable(PluralRulesImpl, 'PluralRules');
const ListFormat = callable(ListFormatImpl, 'ListFormat');
const RelativeTimeFormat = callable(RelativeTimeFormatImpl, 'RelativeTimeFormat');

const Intl = {
  NumberFormat, DateTimeFormat, Collator, PluralRules, ListFormat, RelativeTimeFormat,
  getCanonicalLocales,
  supportedValuesOf: (key) => ({ currency: Object.keys(require('intl-locales').CURRENCY_SYMBOLS).sort(), timeZone: ['UTC'] }[key] || []),
};
require('intl-number').hideOwn(Intl);
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
for (const C of [NumberFormat, DateTimeFormat, Collator, PluralRules, ListFormat, RelativeTimeFormat]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: `Intl.${C.name}`, configurable: true });
}

// What the prototypes' toLocaleString family calls (installed in the bootstrap).
function numberToLocaleString(x, locales, options) {
  return new NumberFormat(locales, options).format(x);
}
function dateToLocale(kind) {
  return (date, locales, options) => {
    if (Number.isNaN(date.valueOf())) return 'Invalid Date';
    const [required, defaults] = kind === 'date' ? ['date', 'date'] : kind === 'time' ? ['time', 'time'] : ['any', 'all'];
    return DateTimeFormat.withDefaults(locales, options, required, defaults).format(date);
  };
}

module.exports = {
  Intl,
  numberToLocaleString,
  dateToLocaleString: dateToLocale('any'),
  dateToLocaleDateString: dateToLocale('date'),
  dateToLocaleTimeString: dateToLocale('time'),
  localeCompare,
};
