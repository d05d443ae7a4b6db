// Light or dark: follows the system setting until the user picks one with
// the toggle (kept in localStorage). The page's colours are CSS variables
// switched by <html data-theme>; the editor swaps CodeMirror's One Dark in
// a compartment, so every mounted editor follows.
import { Compartment } from "@codemirror/state";
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { oneDarkTheme, oneDarkHighlightStyle } from "@codemirror/theme-one-dark";

const KEY = "action-playground.theme";
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

const system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

function chosen() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

/** "dark" or "light": the user's choice, else the system's. */
export function currentTheme() {
  const pick = chosen();
  if (pick === "dark" || pick === "light") return pick;
  return system && system.matches ? "dark" : "light";
}

function apply() {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  for (const view of editors) view.dispatch({ effects: compartment.reconfigure(theme === "dark" ? dark : light) });
}

/** The editor extension; the view registers itself to follow later changes. */
export function themeExtension() {
  return compartment.of(currentTheme() === "dark" ? dark : light);
}
export function follow(view) { editors.add(view); }
export function unfollow(view) { editors.delete(view); }

/** Flips the theme and remembers the choice; returns the new theme. */
export function toggleTheme() {
  try { localStorage.setItem(KEY, currentTheme() === "dark" ? "light" : "dark"); } catch { /* private mode: this page only */ }
  apply();
  return currentTheme();
}

if (system && system.addEventListener) system.addEventListener("change", apply);
apply();
