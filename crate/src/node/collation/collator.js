// Intl.Collator and String.prototype.localeCompare as V8 builds them on ICU:
// the options become ICU attributes (collation/mod.rs: ICU4X's collator with
// CLDR's root order and the tailorings of the languages it bakes in), and
// resolvedOptions() reads them back the way V8 does.
'use strict';
const { getCanonicalLocales, callable } = require('intl-number');
const AVAILABLE = new Set(require('intl-collation-locales'));

const DEFAULT_LOCALE = 'en-US';
/** Unicode extension keywords a collator reads (-u-co-, -u-kf-, -u-kn-). */
const EXTENSION = /^(.*?)-u-(.*)$/i;

function getOption(options, name, allowed, owner) {
  const value = options[name];
  if (value === undefined) return undefined;
  const text = String(value);
  if (allowed && !allowed.includes(text)) throw new RangeError(`Value ${text} out of range for ${owner} options property ${name}`);
  return text;
}

/** The -u- keywords of a tag: { co: 'phonebk', kn: '' (true), kf: 'upper' }. */
function keywords(extension) {
  const found = {};
  let key = null;
  for (const part of extension.toLowerCase().split('-')) {
    if (part.length === 1) break; // another singleton (-x-, -t-) ends the -u- extension
    if (part.length === 2) {
      key = part;
      if (!(key in found)) found[key] = '';
    } else if (key) {
      found[key] = found[key] ? `${found[key]}-${part}` : part;
    }
  }
  return found;
}

/** A tag as Intl.getCanonicalLocales writes it (lowercase -u- keywords). */
function canonicalTag(tag) {
  const [, base, extension] = String(tag).match(EXTENSION) || [null, String(tag), ''];
  return getCanonicalLocales(base)[0] + (extension ? `-u-${extension.toLowerCase()}` : '');
}

/**
 * [available locale, its -u- keywords] for the first requested locale Node's
 * ICU has collation data for (its longest available prefix), else en-US.
 */
function lookup(locales) {
  const requested = (locales === undefined ? [] : Array.isArray(locales) ? locales : [locales]).map((tag) => {
    if (typeof tag !== 'string' && (typeof tag !== 'object' || tag === null)) throw new TypeError('Language ID should be string or object.');
    const [, base, extension] = String(tag).match(EXTENSION) || [null, String(tag), ''];
    return [getCanonicalLocales(base)[0], keywords(extension)];
  });
  for (const [base, extension] of requested) {
    const available = availablePrefix(base);
    if (available) return [available, extension];
  }
  return [DEFAULT_LOCALE, {}];
}

/** The longest prefix of a tag (without extensions) that Node's ICU has collation data for. */
function availablePrefix(base) {
  for (let prefix = base; prefix; prefix = prefix.slice(0, Math.max(prefix.lastIndexOf('-'), 0))) {
    if (AVAILABLE.has(prefix)) return prefix;
  }
  return undefined;
}

/** Collators for localeCompare calls without options, by locale argument. */
const defaultCollators = new Map();

class CollatorImpl {
  constructor(locales, options, owner = 'Intl.Collator') {
    options = options === undefined ? {} : Object(options);
    const [locale, extension] = lookup(locales);
    const usage = getOption(options, 'usage', ['sort', 'search'], owner) || 'sort';
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], owner);
    const collationOption = getOption(options, 'collation', null, owner);
    if (collationOption !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(collationOption)) throw new RangeError(`Invalid collation : ${collationOption}`);
    const numericOption = options.numeric === undefined ? undefined : Boolean(options.numeric);
    const caseFirstOption = getOption(options, 'caseFirst', ['upper', 'lower', 'false'], owner);
    const sensitivity = getOption(options, 'sensitivity', ['base', 'accent', 'case', 'variant'], owner) || 'variant';
    // V8 sets ICU's alternate handling only to turn punctuation off: false
    // keeps the locale's default (Thai ignores punctuation).
    const ignorePunctuation = Boolean(options.ignorePunctuation) || undefined;

    // V8 asks for the option's collation when given, else the tag's; 'search' is
    // what usage: 'search' asks for (ICU4X has no search data: the standard order).
    const requestedCollation = collationOption !== undefined ? collationOption.toLowerCase() : extension.co || '';
    const collation = usage === 'search' || ['standard', 'search'].includes(requestedCollation) ? '' : requestedCollation;
    const kf = ['upper', 'lower', 'false'].includes(extension.kf) ? extension.kf : undefined;
    const kn = extension.kn === '' || extension.kn === 'true' ? true : extension.kn === 'false' ? false : undefined;
    const numeric = numericOption !== undefined ? numericOption : kn === true;
    const caseFirst = caseFirstOption !== undefined ? caseFirstOption : kf || '';
    const [compare, resolvedCaseFirst, resolvedIgnorePunctuation, resolvedCollation] = native.collator(locale, collation, sensitivity, caseFirst, numeric, ignorePunctuation);

    // The resolved tag keeps the tag's valid kf/kn keywords (as V8 does, even
    // when an option overrides them) and names the collation the data has.
    const kept = [];
    if (resolvedCollation) kept.push(`co-${resolvedCollation}`);
    if (kf !== undefined) kept.push(`kf-${kf}`);
    if (kn !== undefined) kept.push(kn ? 'kn' : 'kn-false');
    this._compare = compare;
    this._options = {
      locale: kept.length ? `${locale}-u-${kept.join('-')}` : locale,
      usage,
      sensitivity,
      ignorePunctuation: resolvedIgnorePunctuation,
      collation: resolvedCollation || 'default',
      numeric,
      caseFirst: resolvedCaseFirst,
    };
  }

  /** The collator's own compare function (a native; bound as ECMA-402 says). */
  get compare() {
    return this._compare;
  }

  resolvedOptions() {
    return Object.assign({}, this._options);
  }

  static supportedLocalesOf(locales) {
    const tags = (locales === undefined ? [] : Array.isArray(locales) ? locales : [locales]).map(canonicalTag);
    return [...new Set(tags)].filter((tag) => availablePrefix(tag.replace(EXTENSION, '$1')));
  }
}

const Collator = callable(CollatorImpl, 'Collator');
Object.defineProperty(Collator, 'length', { value: 0, configurable: true });

function localeCompare(a, b, locales, options) {
  if (options === undefined && (locales === undefined || typeof locales === 'string')) {
    let compare = defaultCollators.get(locales);
    if (!compare) {
      if (defaultCollators.size > 32) defaultCollators.clear();
      compare = new CollatorImpl(locales, undefined, 'String.prototype.localeCompare').compare;
      defaultCollators.set(locales, compare);
    }
    return compare(a, b);
  }
  return new CollatorImpl(locales, options, 'String.prototype.localeCompare').compare(a, b);
}

module.exports = { Collator, localeCompare };
