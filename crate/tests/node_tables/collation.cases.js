// Collation as Node's ICU does it: sort orders of realistic word lists and
// pairwise compare signs, for the engine's formatting locales and the
// languages whose alphabets reorder letters, under each Intl.Collator option;
// resolvedOptions(), localeCompare and the option errors.
'use strict';

const LISTS = {
  names: ['Åberg', 'Aalto', 'Ängström', 'Öberg', 'Östlund', 'Zander', 'zebra', 'Vik', 'Wik', 'Ødegaard', 'Ærø', 'Müller', 'Mueller', 'Muller', 'Núñez', 'Nunez', 'Ñandú', 'Chávez', 'Czech', 'Cruz', 'Łukasz', 'Lukas', 'Llosa', 'Lopez', 'Čapek', 'Capek', 'Şahin', 'Sahin', 'İlkay', 'Ilkay', 'ırmak', 'Dvořák', 'Đorđe', 'Dorde', 'Þór', 'Thor', 'Yusuf', 'Ÿvonne', 'Üwe', 'Ugo', 'Hoàng', 'Hoang', 'Zoë', 'Zoe', 'Ågesen', 'Aagesen', 'Jiří', 'Jirka', 'Őry', 'Orly'],
  mixedCase: ['apple', 'Apple', 'APPLE', 'banana', 'Banana', 'b', 'B', 'a', 'A', 'aB', 'Ab', 'ab', 'AB', 'résumé', 'Résumé', 'resume', 'Resume', 'RESUME', 'éa', 'Ea', 'ea'],
  numbers: ['item 10', 'item 9', 'item 1', 'Item 2', 'item 02', 'item 1a', 'item 100', 'item', 'item -1', 'file10.txt', 'file9.txt', 'file1.txt', 'x2-y10', 'x2-y9', '1.5', '1.10', '½', '٣', '10', '9', '001', '1', 'v1.2.10', 'v1.2.9', '2023-10-01', '2023-9-01'],
  punctuation: ['co-op', 'coop', 'co op', 'co_op', '(a)', 'a', '!a', 'a!', '#1', '$5', '€5', 'e-mail', 'email', 'e mail', "O'Brien", 'OBrien', 'Obrien', 'O Brien', '--', '...', '', 'a.b', 'a,b', 'a/b', '@home', '&co', '+1', '~x'],
  specials: ['', ' ', '\u00a0', '\t', 'a', 'Ω', 'ω', 'Я', 'я', 'ё', 'е', 'ß', 'SS', 'ss', 'ﬁ', 'fi', 'Ｆ', 'f', '😀', '😁', '日本', '中文', 'a😀', 'e\u0301', 'é', 'ǅ', 'Dž', 'ĳ', 'ij', 'α', 'Α', 'ά', 'ʻokina', 'okina'],
};

/** The formatting locales of intl/locales.js, then languages with their own alphabets. */
const LOCALES = [
  'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'nl-NL', 'pt-BR', 'it-IT', 'ja-JP',
  'sv', 'sv-SE', 'da', 'nb', 'nn', 'no', 'fi', 'is', 'fo', 'de-AT', 'de-u-co-phonebk', 'es-u-co-trad', 'fr-CA',
  'pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'sr-Latn', 'lt', 'lv', 'et', 'tr', 'az', 'ru', 'uk', 'bg', 'el', 'vi', 'cy', 'ga', 'mt', 'th',
];

const OPTIONS = [
  { sensitivity: 'base' },
  { sensitivity: 'accent' },
  { sensitivity: 'case' },
  { sensitivity: 'variant' },
  { numeric: true },
  { caseFirst: 'upper' },
  { caseFirst: 'lower' },
  { caseFirst: 'false' },
  { ignorePunctuation: true },
  { ignorePunctuation: false },
  { numeric: true, sensitivity: 'base', ignorePunctuation: true },
  { sensitivity: 'case', caseFirst: 'upper' },
];

const json = JSON.stringify;
// Lists travel as '|'-joined text (the expected file stays small).
const words = (list) => `${json(list.join('|'))}.split('|')`;
const collator = (locales, options) => `new Intl.Collator(${json(locales)}${options ? `, ${json(options)}` : ''})`;
const sortCase = (list, locales, options) => `return ${words(list)}.sort(${collator(locales, options)}.compare).join('|');`;
/** Every pair's sign as a row of -, 0 and + (the order the sort alone hides: ties). */
const matrixCase = (list, locales, options) => `const c = ${collator(locales, options)}; const list = ${words(list)};
  return list.map((a) => list.map((b) => '-0+'[Math.sign(c.compare(a, b)) + 1]).join('')).join(' ');`;

const PAIRS = ['a', 'A', 'á', 'Á', 'ä', 'å', 'æ', 'ø', 'ö', 'z', 'ñ', 'n', 'ss', 'ß', 'ch', 'c', 'h', 'ij', 'ĳ', 'v', 'w', 'y', 'ü', 'ı', 'i', 'İ', 'ł', 'l', '1', '2', '10', '-', ' ', ''];

const cases = [];
for (const locale of LOCALES) {
  for (const list of Object.values(LISTS)) cases.push(sortCase(list, locale));
  cases.push(matrixCase(PAIRS, locale));
  cases.push(`return new Intl.Collator(${json(locale)}).resolvedOptions();`);
}
for (const locale of ['en-US', 'sv', 'de-DE', 'es-ES', 'da', 'fr-CA', 'ja-JP', 'tr', 'th']) {
  for (const options of OPTIONS) {
    cases.push(sortCase([...LISTS.names, ...LISTS.mixedCase, ...LISTS.punctuation], locale, options));
    cases.push(sortCase(LISTS.numbers, locale, options));
    cases.push(matrixCase(PAIRS, locale, options));
    cases.push(`return new Intl.Collator(${json(locale)}, ${json(options)}).resolvedOptions();`);
  }
}
// usage: 'search' compares as 'sort' in the engine (ICU4X has no search
// tailorings), which is Node's answer where the locale's search rules change
// nothing (German search equates ä and ae, Danish, Polish, Thai and
// Vietnamese search rules differ: not covered).
for (const locale of ['en-US', 'sv', 'es-ES', 'fr-FR', 'fr-CA', 'ja-JP', 'tr']) {
  for (const options of [{ usage: 'search' }, { usage: 'search', sensitivity: 'base' }]) {
    cases.push(sortCase([...LISTS.names, ...LISTS.mixedCase, ...LISTS.punctuation], locale, options));
    cases.push(matrixCase(PAIRS, locale, options));
    cases.push(`return new Intl.Collator(${json(locale)}, ${json(options)}).resolvedOptions();`);
  }
}

// String.prototype.localeCompare: the default locale, locales and options.
const all = words([...LISTS.names, ...LISTS.mixedCase, ...LISTS.numbers, ...LISTS.punctuation, ...LISTS.specials]);
cases.push(`return ${all}.sort((a, b) => a.localeCompare(b)).join('|');`);
cases.push(`return ${all}.sort((a, b) => a.localeCompare(b, 'sv')).join('|');`);
cases.push(`return ${all}.sort((a, b) => a.localeCompare(b, ['xx', 'da'], { numeric: true })).join('|');`);
cases.push(`return ${all}.sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base' })).join('|');`);
cases.push(`return ${all}.sort(Intl.Collator('fi').compare).join('|');`);
cases.push(`return [['a', 'b'], ['b', 'a'], ['a', 'a'], ['a', 'á'], ['résumé', 'resume'], ['a', undefined], ['undefined'], [], [null, 'null'], [1, '1'], [10, 9]].map((args) => String(args[0]).localeCompare(...args.slice(1)));`);
cases.push(`const c = new Intl.Collator(); return [c.compare(), c.compare('a'), c.compare(undefined, 'undefined'), c.compare({ toString() { return 'b'; } }, 'a'), c.compare(1, 2)];`);
cases.push(`return ['b', undefined, 'a', 'c', undefined].sort(new Intl.Collator('en').compare);`);
// Unpaired surrogates weigh as unassigned code points in ICU.
cases.push(`const c = new Intl.Collator().compare; const list = ['z', '\\ufffd', '中', '\\ud800', '\\udc00', '\\uffff', '\\u{10ffff}', '\\u0378', 'a\\ud83d', '\\ude00b', '😀', 'x'.repeat(70) + '\\ud800'];
  return list.map((a) => list.map((b) => '-0+'[Math.sign(c(a, b)) + 1]).join('')).join(' ');`);

// resolvedOptions(): locale resolution, -u- keywords and options over them.
const tags = [
  undefined, [], 'en', 'EN-us', 'en_GB', 'sv-SE', 'sv-FI', 'de-CH', 'de-AT', 'nb-NO', 'no', 'zh', 'zh-TW', 'zh-Hant-HK', 'sr-Latn-RS', 'sr-ME', 'pt-PT',
  'es-419', 'fr-BE', 'xx', 'tlh', ['xx', 'fi', 'de'], ['zz-ZZ'], 'en-u-kn', 'en-u-kn-true', 'en-u-kn-false', 'en-u-kf-upper', 'en-u-kf-lower-kn',
  'en-u-kf-bogus', 'en-u-kn-maybe', 'de-u-co-phonebk', 'de-DE-u-co-phonebk', 'en-u-co-phonebk', 'es-u-co-trad', 'es-MX-u-co-trad', 'fi-u-co-trad',
  'en-u-co-search', 'en-u-co-standard', 'en-US-u-ca-gregory-kn', 'en-u-nu-arab', 'da-u-kf-false', 'th-u-ka-noignore',
];
for (const tag of tags) cases.push(`return new Intl.Collator(${json(tag)}).resolvedOptions();`);
for (const [tag, options] of [
  ['en-u-kn-false-kf-lower', { numeric: true }],
  ['en-u-kn-false-kf-lower', { caseFirst: 'lower' }],
  ['en-u-kn', { numeric: false }],
  ['de-u-co-phonebk', { collation: 'phonebk' }],
  ['de-u-co-phonebk', { collation: 'standard' }],
  ['de', { collation: 'phonebk' }],
  ['en', { collation: 'phonebk' }],
  ['es', { collation: 'TRAD' }],
  ['de-u-co-phonebk', { usage: 'search' }],
  ['da', { caseFirst: 'false' }],
  ['th', { ignorePunctuation: false }],
  ['en', { numeric: 'yes', ignorePunctuation: 0, sensitivity: 'accent', usage: 'sort', localeMatcher: 'lookup' }],
]) cases.push(`return new Intl.Collator(${json(tag)}, ${json(options)}).resolvedOptions();`);

// The object itself, supportedLocalesOf and the option errors.
cases.push(`const c = new Intl.Collator('sv'); return [typeof c.compare, c.compare === c.compare, c.compare.name, c.compare.length, Object.prototype.toString.call(c), Object.keys(c), require('util').inspect(c), Intl.Collator.length, Intl.Collator.name, Intl.Collator('sv') instanceof Intl.Collator];`);
cases.push(`return Intl.Collator.supportedLocalesOf(['sv-SE', 'xx', 'de-u-co-phonebk', 'tlh', 'zh-Hant-TW', 'sv-SE', 'EN-us']);`);
cases.push(`return Intl.Collator.supportedLocalesOf('fi');`);
for (const code of [
  "new Intl.Collator('en', { usage: 'foo' })",
  "new Intl.Collator('en', { sensitivity: 'foo' })",
  "new Intl.Collator('en', { caseFirst: 'UPPER' })",
  "new Intl.Collator('en', { collation: 'a' })",
  "new Intl.Collator('en', { localeMatcher: 'best' })",
  "new Intl.Collator('en_')",
  "new Intl.Collator([5])",
  "'a'.localeCompare('b', 'sv', { sensitivity: 'bad' })",
  "'a'.localeCompare('b', 'x-private')",
  "Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare').get.call({})",
  "Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare').get.call(new Intl.NumberFormat())",
  "Intl.Collator.prototype.resolvedOptions.call(5)",
  "Intl.Collator.prototype.compare",
]) cases.push(`return ${code};`);

module.exports = cases;
