import type { BinXmlNode } from "./binxml-node.ts";
import type { EvtxRecordWork } from "./evtx-record-work.ts";
import type { SubstitutionValues } from "./substitution-values.ts";
import {
  isVanished,
  pushScopedElement,
  type ScopedElement,
  type ScopedElementList,
  substitutionText,
  textOf,
} from "./walk-binxml.ts";

/** Element content once templates are expanded: child elements and ready-to-write markup. */
type Content = ScopedElement | string;

/** Where flatten writes, and the record budget it charges. */
interface ContentList extends ScopedElementList {
  readonly out: Content[];
}

function escapeText(text: string): string {
  return /[&<>]/.test(text)
    ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    : text;
}

function escapeAttribute(text: string): string {
  return /[&<>"]/.test(text) ? escapeText(text).replace(/"/g, "&quot;") : text;
}

function pushMarkup(list: ContentList, markup: string): void {
  list.work.spendCharacters(markup.length);
  list.out.push(markup);
}

/** Appends the content of `nodes` to `list`, looking through templates and nested BinXML (one level deeper each). */
function flatten(
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  item: number,
  list: ContentList,
): void {
  const work = list.work;
  work.spendNodes(nodes.length);
  for (const node of nodes) {
    switch (node.kind) {
      case "element":
        pushScopedElement(node, values, list);
        break;
      case "text":
        pushMarkup(list, node.cdata ? `<![CDATA[${node.text}]]>` : escapeText(node.text));
        break;
      case "charReference":
        pushMarkup(list, `&#${node.codePoint};`);
        break;
      case "entityReference":
        pushMarkup(list, `&${node.name};`);
        break;
      case "processingInstruction":
        pushMarkup(list, `<?${node.target} ${node.data}?>`);
        break;
      case "templateInstance":
        work.enter();
        flatten(node.template.nodes, node.values, -1, list);
        work.leave();
        break;
      case "substitution":
        if (values === undefined || isVanished(node, values)) break;
        if (values.isBinXml(node.index)) {
          work.enter();
          flatten(values.nested(node.index), undefined, -1, list);
          work.leave();
        } else pushMarkup(list, escapeText(substitutionText(values, node.index, item)));
        break;
    }
  }
}

function renderElement(
  work: EvtxRecordWork,
  scoped: ScopedElement,
  indent: string,
  lines: string[],
): void {
  const { element, values, item } = scoped;
  work.enter();
  let start = `${indent}<${element.name}`;
  for (const attribute of element.attributes) {
    work.spendNodes(1 + attribute.value.length);
    if (attribute.value.every((node) => isVanished(node, values))) continue;
    start += ` ${attribute.name}="${escapeAttribute(textOf(work, attribute.value, values))}"`;
  }
  work.spendCharacters(start.length + element.name.length + 3);
  const content: Content[] = [];
  flatten(element.children, values, item, { work, out: content });
  if (content.every((child) => typeof child === "string")) {
    const text = content.join("");
    lines.push(text === "" ? `${start}/>` : `${start}>${text}</${element.name}>`);
  } else {
    lines.push(`${start}>`);
    const inner = `${indent}  `;
    for (const child of content) {
      if (typeof child === "string") lines.push(`${inner}${child}`);
      else renderElement(work, child, inner, lines);
    }
    lines.push(`${indent}</${element.name}>`);
  }
  work.leave();
}

/**
 * Renders a record's BinXML as indented XML, laid out as evtxexport -f xml and Event Viewer show
 * it; every node and character is charged to `work`.
 */
export function renderEventXml(nodes: readonly BinXmlNode[], work: EvtxRecordWork): string {
  const lines: string[] = [];
  const content: Content[] = [];
  work.enter();
  flatten(nodes, undefined, -1, { work, out: content });
  for (const child of content) {
    if (typeof child === "string") lines.push(child);
    else renderElement(work, child, "", lines);
  }
  work.leave();
  return lines.join("\n");
}
