// The editor's colours follow the page's theme (<html data-theme>, set
// before the first paint and on every change by static/boot.js, which
// announces each change as a `playground-theme` event): CodeMirror's One
// Dark is swapped in a compartment, so every mounted editor follows.
import { Compartment } from "@codemirror/state";
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { oneDarkTheme, oneDarkHighlightStyle } from "@codemirror/theme-one-dark";

const editors = new Set();
const compartment = new Compartment();
// CodeMirror's default colours with the three below WCAG AA (4.5:1 on the
// white page and the active line's tint) darkened: template strings,
// invalid tokens, and the green of a few tags.
const AA_COLOURS = { "#e40": "#b33000", "#f00": "#c00", "#085": "#006b45" };
const aa = (style, colours) => syntaxHighlighting(HighlightStyle.define(style.specs.map((spec) => (spec.color in colours ? { ...spec, color: colours[spec.color] } : spec))));
const light = aa(defaultHighlightStyle, AA_COLOURS);
// One Dark likewise: comments, keywords and names lightened to 4.5:1 on its background and active line.
const dark = [oneDarkTheme, aa(oneDarkHighlightStyle, { "#7d8799": "#9aa3b3", "#c678dd": "#d19ae8", "#e06c75": "#ea8c94" })];

const colours = () => (document.documentElement.dataset.theme === "dark" ? dark : light);

/** The editor extension; the view registers itself to follow later changes. */
export function themeExtension() {
  return compartment.of(colours());
}
export function follow(view) { editors.add(view); }
export function unfollow(view) { editors.delete(view); }

window.addEventListener("playground-theme", () => {
  for (const view of editors) view.dispatch({ effects: compartment.reconfigure(colours()) });
});
