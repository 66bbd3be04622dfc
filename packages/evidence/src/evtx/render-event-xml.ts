import type { BinXmlNode } from "./binxml-node.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import type { SubstitutionValues } from "./substitution-values.ts";
import {
  isVanished,
  pushScopedElement,
  type ScopedElement,
  substitutionText,
  textOf,
} from "./walk-binxml.ts";

/** Element content once templates are expanded: child elements and ready-to-write markup. */
type Content = ScopedElement | string;

const maxDepth = 64;

function escapeText(text: string): string {
  return /[&<>]/.test(text)
    ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    : text;
}

function escapeAttribute(text: string): string {
  return /[&<>"]/.test(text) ? escapeText(text).replace(/"/g, "&quot;") : text;
}

function flatten(
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  item: number,
  out: Content[],
  depth: number,
): Content[] {
  if (depth > maxDepth) throw new EvtxFormatError("templates nest too deeply");
  for (const node of nodes) {
    switch (node.kind) {
      case "element":
        pushScopedElement(node, values, out);
        break;
      case "text":
        out.push(node.cdata ? `<![CDATA[${node.text}]]>` : escapeText(node.text));
        break;
      case "charReference":
        out.push(`&#${node.codePoint};`);
        break;
      case "entityReference":
        out.push(`&${node.name};`);
        break;
      case "processingInstruction":
        out.push(`<?${node.target} ${node.data}?>`);
        break;
      case "templateInstance":
        flatten(node.template.nodes, node.values, -1, out, depth + 1);
        break;
      case "substitution":
        if (values === undefined || isVanished(node, values)) break;
        if (values.isBinXml(node.index))
          flatten(values.nested(node.index), undefined, -1, out, depth + 1);
        else out.push(escapeText(substitutionText(values, node.index, item)));
        break;
    }
  }
  return out;
}

function renderElement(
  scoped: ScopedElement,
  indent: string,
  depth: number,
  lines: string[],
): void {
  const { element, values, item } = scoped;
  let start = `${indent}<${element.name}`;
  for (const attribute of element.attributes) {
    if (attribute.value.every((node) => isVanished(node, values))) continue;
    start += ` ${attribute.name}="${escapeAttribute(textOf(attribute.value, values))}"`;
  }
  const content = flatten(element.children, values, item, [], depth);
  if (content.every((child) => typeof child === "string")) {
    const text = content.join("");
    lines.push(text === "" ? `${start}/>` : `${start}>${text}</${element.name}>`);
    return;
  }
  lines.push(`${start}>`);
  const inner = `${indent}  `;
  for (const child of content) {
    if (typeof child === "string") lines.push(`${inner}${child}`);
    else renderElement(child, inner, depth + 1, lines);
  }
  lines.push(`${indent}</${element.name}>`);
}

/** Renders a record's BinXML as indented XML, laid out as evtxexport -f xml and Event Viewer show it. */
export function renderEventXml(nodes: readonly BinXmlNode[]): string {
  const lines: string[] = [];
  for (const content of flatten(nodes, undefined, -1, [], 0)) {
    if (typeof content === "string") lines.push(content);
    else renderElement(content, "", 0, lines);
  }
  return lines.join("\n");
}
