// Hover help on the words HubSpot gives meaning to: what `event` holds,
// what `callback` does on each runtime, and the rules outputs follow.
import { hoverTooltip } from "@codemirror/view";

const HELP = {
  event:
    "event — what the workflow passes in: event.inputFields (the properties to include in code, as strings), event.object.objectId and objectType (the enrolled record), event.origin.portalId, event.callbackId.",
  inputFields:
    "event.inputFields — only the properties listed under “Properties to include in code” are here, always as strings (an empty property is missing or an empty string).",
  callback:
    "callback — Node.js 20 only: call callback({ outputFields: { … } }) exactly once to finish. On Node.js 24 there is no callback: return { outputFields } from exports.main (or throw to fail).",
  outputFields:
    "outputFields — each key must be declared under Data outputs with its type (undeclared ones are dropped); string values are cut at 65,000 characters; dates and datetimes are UNIX milliseconds.",
  env: "process.env — the secrets selected for this action, as strings; nothing else from the environment.",
};

export const hubspotHover = hoverTooltip((view, pos) => {
  const { from, to, text } = view.state.doc.lineAt(pos);
  let start = pos, end = pos;
  while (start > from && /[\w$]/.test(text[start - from - 1])) start--;
  while (end < to && /[\w$]/.test(text[end - from])) end++;
  const word = text.slice(start - from, end - from);
  const help = HELP[word];
  if (!help || (word === "env" && !/process\.$/.test(text.slice(0, start - from)))) return null;
  return {
    pos: start,
    end,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-hubspot-help";
      dom.textContent = help;
      return { dom };
    },
  };
});
