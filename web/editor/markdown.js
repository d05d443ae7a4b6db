// Markdown for exercise instructions (a bundle of its own, editor-markdown.js,
// loaded when instructions are first shown: web/src/panels/instructions.rs),
// rendered safely: marked turns it into
// HTML with raw HTML escaped (an instruction cannot carry markup of its
// own), then DOMPurify removes anything active that slipped through
// (javascript: links, event attributes). Links open in a new tab.
import { Marked } from "marked";
import DOMPurify from "dompurify";

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const marked = new Marked({ gfm: true, breaks: false, renderer: { html: ({ text }) => escape(text) } });

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/** Sets `element`'s content to the Markdown `text`, sanitized. */
function renderMarkdown(element, text) {
  element.innerHTML = DOMPurify.sanitize(marked.parse(String(text)), { USE_PROFILES: { html: true }, FORBID_TAGS: ["style", "form", "input", "img"] });
}

window.PlaygroundMarkdown = { renderMarkdown };
