// Locale data for the Intl subset (CLDR 44 as Node 20's ICU ships it) for
// the locales HubSpot portals use most. Values checked against Node 20.
'use strict';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const short3 = (list) => list.map((m) => m.slice(0, 3));

const en = {
  decimal: '.', group: ',', minGrouping: 1, currency: ['¤', ''], percent: ['', '%'], minus: '-',
  months: EN_MONTHS, monthsShort: short3(EN_MONTHS), days: EN_DAYS, daysShort: short3(EN_DAYS),
  hour12: true, dayPeriods: ['AM', 'PM'], periodSep: NNBSP, timeSep: ':',
  // Date patterns and separators come from patterns.js (merged below).
  list: { and: 'and', or: 'or', serialComma: true },
};

const LOCALES = {
  'en-US': en,
  'en-GB': Object.assign({}, en, {
    currencySymbols: { USD: 'US$' },
    hour12: false, dayPeriods: ['am', 'pm'],
    list: { and: 'and', or: 'or', serialComma: false },
  }),
  'en-CA': Object.assign({}, en, {
    dayPeriods: ['a.m.', 'p.m.'],
    currencySymbols: { CAD: '$', USD: 'US$' },
  }),
  'en-AU': Object.assign({}, en, {
    dayPeriods: ['am', 'pm'],
    currencySymbols: { AUD: '$', USD: 'USD', EUR: 'EUR', GBP: 'GBP', CAD: 'CAD', JPY: 'JPY', INR: 'INR' },
  }),
  'en-IN': Object.assign({}, en, {
    secondaryGroup: 2, dayPeriods: ['am', 'pm'],
  }),
  'de-DE': {
    decimal: ',', group: '.', minGrouping: 1, currency: ['', NBSP + '¤'], percent: ['', NBSP + '%'], minus: '-',
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    monthsShort: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    days: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    daysShort: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
    hour12: false, dayPeriods: ['AM', 'PM'], periodSep: NNBSP, timeSep: ':',
    list: { and: 'und', or: 'oder', serialComma: false },
  },
  'fr-FR': {
    decimal: ',', group: NNBSP, minGrouping: 1, currency: ['', NBSP + '¤'], percent: ['', NBSP + '%'], minus: '-',
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    daysShort: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    hour12: false, dayPeriods: ['AM', 'PM'], periodSep: NNBSP, timeSep: ':',
    list: { and: 'et', or: 'ou', serialComma: false },
  },
  'es-ES': {
    decimal: ',', group: '.', minGrouping: 2, currency: ['', NBSP + '¤'], percent: ['', NBSP + '%'], minus: '-',
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    monthsShort: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    days: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    daysShort: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
    hour12: false, dayPeriods: ['a.\u202fm.', 'p.\u202fm.'], periodSep: NNBSP, timeSep: ':',
    list: { and: 'y', or: 'o', serialComma: false },
  },
  'nl-NL': {
    decimal: ',', group: '.', minGrouping: 1, currency: ['¤' + NBSP, ''], percent: ['', '%'], minus: '-', currencyMinusAfterSymbol: true,
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    monthsShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    daysShort: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    hour12: false, dayPeriods: ['a.m.', 'p.m.'], periodSep: ' ', timeSep: ':',
    list: { and: 'en', or: 'of', serialComma: false },
  },
  'pt-BR': {
    decimal: ',', group: '.', minGrouping: 1, currency: ['¤' + NBSP, ''], percent: ['', '%'], minus: '-',
    months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    monthsShort: ['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'],
    days: ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
    daysShort: ['dom.', 'seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.'],
    hour12: false, dayPeriods: ['AM', 'PM'], periodSep: NNBSP, timeSep: ':',
    currencySymbols: { BRL: 'R$', USD: 'US$' },
    list: { and: 'e', or: 'ou', serialComma: false },
  },
  'it-IT': {
    decimal: ',', group: '.', minGrouping: 2, currency: ['', NBSP + '¤'], percent: ['', '%'], minus: '-',
    months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    monthsShort: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
    days: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
    daysShort: ['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'],
    hour12: false, dayPeriods: ['AM', 'PM'], periodSep: NNBSP, timeSep: ':',
    list: { and: 'e', or: 'o', serialComma: false },
  },
  'ja-JP': {
    decimal: '.', group: ',', minGrouping: 1, currency: ['¤', ''], percent: ['', '%'], minus: '-',
    months: EN_MONTHS.map((_, i) => `${i + 1}月`), monthsShort: EN_MONTHS.map((_, i) => `${i + 1}月`),
    days: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'], daysShort: ['日', '月', '火', '水', '木', '金', '土'],
    hour12: false, dayPeriods: ['午前', '午後'], periodSep: '', timeSep: ':',
    currencySymbols: { JPY: '￥' },
    list: { and: '、', or: '、または', serialComma: false },
  },
};

/** Currency symbols when the locale has no own (`en` style). */
const CURRENCY_SYMBOLS = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CAD: 'CA$', AUD: 'A$', BRL: 'R$', MXN: 'MX$', CNY: 'CN¥',
  KRW: '₩', NZD: 'NZ$', HKD: 'HK$', TWD: 'NT$', ILS: '₪', VND: '₫', XAF: 'FCFA', PHP: '₱',
};
/** Symbols outside `en` differ for a few currencies. */
const LOCAL_SYMBOL_OVERRIDES = { 'de-DE': { USD: '$' }, 'fr-FR': { USD: '$US', CAD: '$CA', AUD: '$AU' }, 'es-ES': { USD: 'US$' }, 'nl-NL': { USD: 'US$' }, 'it-IT': { USD: 'USD' } };
const CURRENCY_DIGITS = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };
const CURRENCY_NAMES = { USD: ['US dollar', 'US dollars'], EUR: ['euro', 'euros'], GBP: ['British pound', 'British pounds'], JPY: ['Japanese yen', 'Japanese yen'], CAD: ['Canadian dollar', 'Canadian dollars'], AUD: ['Australian dollar', 'Australian dollars'], INR: ['Indian rupee', 'Indian rupees'] };

// Mexico: Spanish words, North American numbers and a 12-hour clock.
LOCALES['es-MX'] = Object.assign({}, LOCALES['es-ES'], {
  decimal: '.', group: ',', minGrouping: 1, currency: ['¤', ''], percent: ['', '%'],
  monthsShort: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  hour12: true, dayPeriods: ['a.m.', 'p.m.'], periodSep: NNBSP,
  currencySymbols: { MXN: '$', USD: 'USD', EUR: 'EUR', GBP: 'GBP', CAD: 'CAD' },
});

const PATTERNS = require('intl-patterns');
for (const [key, locale] of Object.entries(LOCALES)) Object.assign(locale, PATTERNS[key], { key });

module.exports = { LOCALES, CURRENCY_SYMBOLS, LOCAL_SYMBOL_OVERRIDES, CURRENCY_DIGITS, CURRENCY_NAMES, NBSP, NNBSP };
