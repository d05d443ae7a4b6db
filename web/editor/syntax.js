// acorn's parser for the editor's syntax marks (editor.js loads this bundle
// on its first lint): `window.PlaygroundSyntax.parse`.
import { parse } from "acorn";

window.PlaygroundSyntax = { parse };
