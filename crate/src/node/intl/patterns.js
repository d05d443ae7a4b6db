// Date patterns by locale, as Node 20's ICU resolves them (generated once from
// formatToParts; 'y', 'M'/'MM', 'MMM'/'MMMM', 'd'/'dd', 'EEEE', quoted literals).
'use strict';
module.exports = {
 "en-US": {
  "numeric": {
   "ymd": "M/d/y",
   "md": "M/d",
   "ym": "M/y",
   "wymd": "EEEE, M/d/y"
  },
  "text": {
   "ymd": "MMMM d, y",
   "md": "MMMM d",
   "ym": "MMMM y",
   "wymd": "EEEE, MMMM d, y",
   "wmd": "EEEE, MMMM d"
  },
  "textShort": {
   "ymd": "MMM d, y",
   "md": "MMM d",
   "ym": "MMM y",
   "wymd": "EEEE, MMM d, y",
   "wmd": "EEEE, MMM d"
  },
  "styles": {
   "full": "EEEE, MMMM d, y",
   "long": "MMMM d, y",
   "medium": "MMM d, y",
   "short": "M/d/yy"
  },
  "sep": {
   "all": ", ",
   "full": " at ",
   "long": " at ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 },
 "en-GB": {
  "numeric": {
   "ymd": "dd/MM/y",
   "md": "dd/MM",
   "ym": "MM/y",
   "wymd": "EEEE, dd/MM/y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE, d MMMM y",
   "wmd": "EEEE d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d MMM y",
   "wmd": "EEEE d MMM"
  },
  "styles": {
   "full": "EEEE, d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMM y",
   "short": "dd/MM/y"
  },
  "sep": {
   "all": ", ",
   "full": " at ",
   "long": " at ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": true
 },
 "en-CA": {
  "numeric": {
   "ymd": "y-MM-dd",
   "md": "MM-dd",
   "ym": "y-MM",
   "wymd": "EEEE, y-MM-dd"
  },
  "text": {
   "ymd": "MMMM d, y",
   "md": "MMMM d",
   "ym": "MMMM y",
   "wymd": "EEEE, MMMM d, y",
   "wmd": "EEEE, MMMM d"
  },
  "textShort": {
   "ymd": "MMM d, y",
   "md": "MMM d",
   "ym": "MMM y",
   "wymd": "EEEE, MMM d, y",
   "wmd": "EEEE, MMM d"
  },
  "styles": {
   "full": "EEEE, MMMM d, y",
   "long": "MMMM d, y",
   "medium": "MMM d, y",
   "short": "y-MM-dd"
  },
  "sep": {
   "all": ", ",
   "full": " at ",
   "long": " at ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 },
 "en-AU": {
  "numeric": {
   "ymd": "dd/MM/y",
   "md": "d/M",
   "ym": "MM/y",
   "wymd": "EEEE, dd/MM/y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE d MMMM y",
   "wmd": "EEEE d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d MMM y",
   "wmd": "EEEE, d MMM"
  },
  "styles": {
   "full": "EEEE, d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMM y",
   "short": "d/M/yy"
  },
  "sep": {
   "all": ", ",
   "full": " at ",
   "long": " at ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 },
 "en-IN": {
  "numeric": {
   "ymd": "d/M/y",
   "md": "dd/MM",
   "ym": "MM/y",
   "wymd": "EEEE, d/M/y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE, d MMMM y",
   "wmd": "EEEE, d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d MMM, y",
   "wmd": "EEEE, d MMM"
  },
  "styles": {
   "full": "EEEE, d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMM y",
   "short": "dd/MM/yy"
  },
  "sep": {
   "all": ", ",
   "full": " at ",
   "long": " at ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 },
 "de-DE": {
  "numeric": {
   "ymd": "d.M.y",
   "md": "d.M.",
   "ym": "M/y",
   "wymd": "EEEE, d.M.y"
  },
  "text": {
   "ymd": "d. MMMM y",
   "md": "d. MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE, d. MMMM y",
   "wmd": "EEEE, d. MMMM"
  },
  "textShort": {
   "ymd": "d. MMM y",
   "md": "d. MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d. MMM y",
   "wmd": "EEEE, d. MMM"
  },
  "styles": {
   "full": "EEEE, d. MMMM y",
   "long": "d. MMMM y",
   "medium": "dd.MM.y",
   "short": "dd.MM.yy"
  },
  "sep": {
   "all": ", ",
   "full": " um ",
   "long": " um ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": true
 },
 "fr-FR": {
  "numeric": {
   "ymd": "dd/MM/y",
   "md": "dd/MM",
   "ym": "MM/y",
   "wymd": "EEEE dd/MM/y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE d MMMM y",
   "wmd": "EEEE d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE d MMM y",
   "wmd": "EEEE d MMM"
  },
  "styles": {
   "full": "EEEE d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMMM y",
   "short": "dd/MM/y"
  },
  "sep": {
   "all": " ",
   "full": " à ",
   "long": " à ",
   "medium": ", ",
   "short": " "
  },
  "hourPad": true
 },
 "es-ES": {
  "numeric": {
   "ymd": "d/M/y",
   "md": "d/M",
   "ym": "M/y",
   "wymd": "EEEE, d/M/y"
  },
  "text": {
   "ymd": "d' de 'MMMM' de 'y",
   "md": "d' de 'MMMM",
   "ym": "MMMM' de 'y",
   "wymd": "EEEE, d' de 'MMMM' de 'y",
   "wmd": "EEEE, d' de 'MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d MMM y",
   "wmd": "EEEE, d MMM"
  },
  "styles": {
   "full": "EEEE, d' de 'MMMM' de 'y",
   "long": "d' de 'MMMM' de 'y",
   "medium": "d MMM y",
   "short": "d/M/yy"
  },
  "sep": {
   "all": ", ",
   "full": ", ",
   "long": " a las ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 },
 "nl-NL": {
  "numeric": {
   "ymd": "d-M-y",
   "md": "d-M",
   "ym": "M-y",
   "wymd": "EEEE d-M-y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE d MMMM y",
   "wmd": "EEEE d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE d MMM y",
   "wmd": "EEEE d MMM"
  },
  "styles": {
   "full": "EEEE d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMM y",
   "short": "dd-MM-y"
  },
  "sep": {
   "all": ", ",
   "full": " om ",
   "long": " om ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": true
 },
 "pt-BR": {
  "numeric": {
   "ymd": "dd/MM/y",
   "md": "dd/MM",
   "ym": "MM/y",
   "wymd": "EEEE, dd/MM/y"
  },
  "text": {
   "ymd": "d' de 'MMMM' de 'y",
   "md": "d' de 'MMMM",
   "ym": "MMMM' de 'y",
   "wymd": "EEEE, d' de 'MMMM' de 'y",
   "wmd": "EEEE, d' de 'MMMM"
  },
  "textShort": {
   "ymd": "d' de 'MMM' de 'y",
   "md": "d' de 'MMM",
   "ym": "MMM' de 'y",
   "wymd": "EEEE, d' de 'MMM' de 'y",
   "wmd": "EEEE, d' de 'MMM"
  },
  "styles": {
   "full": "EEEE, d' de 'MMMM' de 'y",
   "long": "d' de 'MMMM' de 'y",
   "medium": "d' de 'MMM' de 'y",
   "short": "dd/MM/y"
  },
  "sep": {
   "all": ", ",
   "full": " às ",
   "long": " às ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": true
 },
 "it-IT": {
  "numeric": {
   "ymd": "dd/MM/y",
   "md": "dd/MM",
   "ym": "MM/y",
   "wymd": "EEEE dd/MM/y"
  },
  "text": {
   "ymd": "d MMMM y",
   "md": "d MMMM",
   "ym": "MMMM y",
   "wymd": "EEEE d MMMM y",
   "wmd": "EEEE d MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE d MMM y",
   "wmd": "EEEE d MMM"
  },
  "styles": {
   "full": "EEEE d MMMM y",
   "long": "d MMMM y",
   "medium": "d MMM y",
   "short": "dd/MM/yy"
  },
  "sep": {
   "all": ", ",
   "full": " alle ore ",
   "long": " alle ore ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": true
 },
 "ja-JP": {
  "numeric": {
   "ymd": "y/M/d",
   "md": "M/d",
   "ym": "y/M",
   "wymd": "y/M/d(EEEE)"
  },
  "text": {
   "ymd": "y年M月d日",
   "md": "M月d日",
   "ym": "y年M月",
   "wymd": "y年M月d日EEEE",
   "wmd": "M月d日EEEE"
  },
  "textShort": {
   "ymd": "y年M月d日",
   "md": "M月d日",
   "ym": "y年M月",
   "wymd": "y年M月d日(EEEE)",
   "wmd": "M月d日(EEEE)"
  },
  "styles": {
   "full": "y年M月d日EEEE",
   "long": "y年M月d日",
   "medium": "y/MM/dd",
   "short": "y/MM/dd"
  },
  "sep": {
   "all": " ",
   "full": " ",
   "long": " ",
   "medium": " ",
   "short": " "
  },
  "hourPad": false
 },
 "es-MX": {
  "numeric": {
   "ymd": "d/M/y",
   "md": "d/M",
   "ym": "M/y",
   "wymd": "EEEE, d/M/y"
  },
  "text": {
   "ymd": "d' de 'MMMM' de 'y",
   "md": "d' de 'MMMM",
   "ym": "MMMM' de 'y",
   "wymd": "EEEE, d' de 'MMMM' de 'y",
   "wmd": "EEEE, d' de 'MMMM"
  },
  "textShort": {
   "ymd": "d MMM y",
   "md": "d MMM",
   "ym": "MMM y",
   "wymd": "EEEE, d' de 'MMM' de 'y",
   "wmd": "EEEE d' de 'MMM"
  },
  "styles": {
   "full": "EEEE, d' de 'MMMM' de 'y",
   "long": "d' de 'MMMM' de 'y",
   "medium": "d MMM y",
   "short": "dd/MM/yy"
  },
  "sep": {
   "all": ", ",
   "full": ", ",
   "long": " a las ",
   "medium": ", ",
   "short": ", "
  },
  "hourPad": false
 }
};
