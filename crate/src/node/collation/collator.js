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

/** lookup() answers by locale argument (a sort calls localeCompare thousands of times). */
const lookups = new Map();

function cachedLookup(locales) {
  if (locales !== undefined && typeof locales !== 'string') return lookup(locales);
  let found = lookups.get(locales);
  if (!found) {
    if (lookups.size > 64) lookups.clear();
    found = lookup(locales);
    lookups.set(locales, found);
  }
  return found;
}

/** The collator a (locales, options) pair asks for, read and checked in ECMA-402's order. */
function settingsOf(locales, options, owner) {
  options = options === undefined ? {} : Object(options);
  const [locale, extension] = cachedLookup(locales);
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
  return { locale, usage, collation, sensitivity, caseFirst, numeric, ignorePunctuation, kf, kn };
}

/** [compare, resolved caseFirst, resolved ignorePunctuation, collation type] from the engine. */
const nativeCollator = (s) => native.collator(s.locale, s.collation, s.sensitivity, s.caseFirst, s.numeric, s.ignorePunctuation);

class CollatorImpl {
  constructor(locales, options) {
    const settings = settingsOf(locales, options, 'Intl.Collator');
    const { locale, kf, kn } = settings;
    const [compare, resolvedCaseFirst, resolvedIgnorePunctuation, resolvedCollation] = nativeCollator(settings);
    // The resolved tag keeps the tag's valid kf/kn keywords (as V8 does, even
    // when an option overrides them) and names the collation the data has.
    const kept = [];
    if (resolvedCollation) kept.push(`co-${resolvedCollation}`);
    if (kf !== undefined) kept.push(`kf-${kf}`);
    if (kn !== undefined) kept.push(kn ? 'kn' : 'kn-false');
    this._compare = compare;
    this._options = {
      locale: kept.length ? `${locale}-u-${kept.join('-')}` : locale,
      usage: settings.usage,
      sensitivity: settings.sensitivity,
      ignorePunctuation: resolvedIgnorePunctuation,
      collation: resolvedCollation || 'default',
      numeric: settings.numeric,
      caseFirst: resolvedCaseFirst,
    };
  }

  /** The collator's own compare function (a native; bound as ECMA-402 says). */
  get compare() {
    return collatorOf(this, 'get Intl.Collator.prototype.compare')._compare;
  }

  resolvedOptions() {
    return Object.assign({}, collatorOf(this, 'Intl.Collator.prototype.resolvedOptions')._options);
  }

  static supportedLocalesOf(locales) {
    const tags = (locales === undefined ? [] : Array.isArray(locales) ? locales : [locales]).map(canonicalTag);
    return [...new Set(tags)].filter((tag) => availablePrefix(tag.replace(EXTENSION, '$1')));
  }
}

/** `receiver` when it is a collator, else V8's TypeError. */
function collatorOf(receiver, method) {
  if (receiver instanceof CollatorImpl && receiver._compare) return receiver;
  const shown = receiver !== null && (typeof receiver === 'object' || typeof receiver === 'function')
    ? `#<${(receiver.constructor && receiver.constructor.name) || 'Object'}>`
    : String(receiver);
  throw new TypeError(`Method ${method} called on incompatible receiver ${shown}`);
}

const Collator = callable(CollatorImpl, 'Collator');
Object.defineProperty(Collator, 'length', { value: 0, configurable: true });

/** localeCompare's collators by what they were asked for; without options, by locale argument. */
const compareFunctions = new Map();
const defaultCompareFunctions = new Map();

function localeCompare(a, b, locales, options) {
  if (options === undefined && (locales === undefined || typeof locales === 'string')) {
    let compare = defaultCompareFunctions.get(locales);
    if (!compare) {
      if (defaultCompareFunctions.size > 64) defaultCompareFunctions.clear();
      compare = nativeCollator(settingsOf(locales, undefined, 'String.prototype.localeCompare'))[0];
      defaultCompareFunctions.set(locales, compare);
    }
    return compare(a, b);
  }
  // Keyed by the arguments as given (checked in full once per key): reading
  // and checking the options on every call would dominate a sort's time.
  const o = options === undefined ? {} : Object(options);
  let key;
  try {
    if (typeof locales === 'string' || locales === undefined) key = `${locales}|${o.usage}|${o.localeMatcher}|${o.collation}|${o.numeric}|${o.caseFirst}|${o.sensitivity}|${o.ignorePunctuation}`;
  } catch {
    key = undefined; // a Symbol among the values: no key, checked as given
  }
  let compare = key === undefined ? undefined : compareFunctions.get(key);
  if (!compare) {
    compare = nativeCollator(settingsOf(locales, options, 'String.prototype.localeCompare'))[0];
    if (key !== undefined) {
      if (compareFunctions.size > 64) compareFunctions.clear();
      compareFunctions.set(key, compare);
    }
  }
  return compare(a, b);
}

module.exports = { Collator, localeCompare };
