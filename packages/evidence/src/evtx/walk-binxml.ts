import type { BinXmlElement, BinXmlNode } from "./binxml-node.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import type { SubstitutionValues } from "./substitution-values.ts";

/**
 * An element together with the values its substitutions refer to. An element whose content is
 * an array value is repeated once per item (as Windows renders it); `item` says which copy.
 */
export interface ScopedElement {
  readonly element: BinXmlElement;
  readonly values: SubstitutionValues | undefined;
  /** The array item this copy shows, or -1 when the element holds no array value. */
  readonly item: number;
}

/** Called for each element as it appears once templates are expanded; `state` avoids closures on the hot path. */
export type ElementVisitor<State> = (
  state: State,
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  item: number,
) => void;

const maxDepth = 32;

const predefinedEntities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** True when an optional substitution has nothing to put in its place. */
export function isVanished(node: BinXmlNode, values: SubstitutionValues | undefined): boolean {
  return (
    node.kind === "substitution" &&
    node.optional &&
    (values === undefined || values.isEmpty(node.index))
  );
}

/**
 * How `element` appears once its substitutions are filled: 0 times when an optional
 * substitution in its content is empty (libfwevt drops such elements, e.g. an empty <Binary>),
 * once per item when its content is an array value (returned as -(index + 2)), else once (-1).
 */
function arrayIndexOrPresence(
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
): number {
  let result = -1;
  for (const substitution of element.substitutions) {
    if (isVanished(substitution, values)) return 0;
    if (result === -1 && values?.isArray(substitution.index)) result = -(substitution.index + 2);
  }
  return result;
}

function visitElement<State>(
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  visit: ElementVisitor<State>,
  state: State,
): void {
  const shape = element.substitutions.length === 0 ? -1 : arrayIndexOrPresence(element, values);
  if (shape === -1) visit(state, element, values, -1);
  else if (shape < -1 && values !== undefined) {
    const count = values.arrayItems(-shape - 2).length;
    for (let item = 0; item < count; item++) visit(state, element, values, item);
  }
}

/**
 * Visits the elements among `nodes` in document order, looking through template instances and
 * substitutions of nested BinXml as if the templates had been expanded.
 */
export function forEachElement<State>(
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  visit: ElementVisitor<State>,
  state: State,
  depth = 0,
): void {
  if (depth > maxDepth) throw new EvtxFormatError("templates nest too deeply");
  for (const node of nodes) {
    if (node.kind === "element") visitElement(node, values, visit, state);
    else if (node.kind === "templateInstance") {
      forEachElement(node.template.nodes, node.values, visit, state, depth + 1);
    } else if (node.kind === "substitution" && values?.isBinXml(node.index)) {
      forEachElement(values.nested(node.index), undefined, visit, state, depth + 1);
    }
  }
}

const pushVisitor: ElementVisitor<{ push(element: ScopedElement): number }> = (
  out,
  element,
  values,
  item,
) => {
  out.push({ element, values, item });
};

/** Appends `element` to `out` as it appears once its substitutions are filled (0, 1 or n copies). */
export function pushScopedElement(
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  out: { push(element: ScopedElement): number },
): void {
  visitElement(element, values, pushVisitor, out);
}

/** A substitution's text; for an array value, the item this element copy shows. */
export function substitutionText(values: SubstitutionValues, index: number, item: number): string {
  if (item >= 0 && values.isArray(index)) return values.arrayItems(index)[item] ?? "";
  return values.text(index);
}

/**
 * The character data of `nodes` with references resolved and substitutions rendered; nested
 * elements contribute their own text, as in XPath's string value.
 */
export function textOf(
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  item = -1,
  depth = 0,
): string {
  if (depth > maxDepth) throw new EvtxFormatError("templates nest too deeply");
  // The common cases, a lone substitution or a lone text, need no concatenation.
  if (nodes.length === 1) {
    const only = nodes[0] as BinXmlNode;
    if (only.kind === "substitution" && values !== undefined && !values.isBinXml(only.index)) {
      return substitutionText(values, only.index, item);
    }
    if (only.kind === "text") return only.text;
  }
  let text = "";
  for (const node of nodes) {
    switch (node.kind) {
      case "text":
        text += node.text;
        break;
      case "charReference":
        text += String.fromCodePoint(node.codePoint);
        break;
      case "entityReference":
        text += predefinedEntities[node.name] ?? `&${node.name};`;
        break;
      case "substitution":
        if (values === undefined) break;
        if (values.isBinXml(node.index))
          text += textOf(values.nested(node.index), undefined, -1, depth + 1);
        else text += substitutionText(values, node.index, item);
        break;
      case "templateInstance":
        text += textOf(node.template.nodes, node.values, -1, depth + 1);
        break;
      case "element":
        text += textOf(node.children, values, -1, depth + 1);
        break;
      case "processingInstruction":
        break;
    }
  }
  return text;
}

/** The value nodes of the attribute `name`, or undefined when the element has none. */
export function findAttribute(
  element: BinXmlElement,
  name: string,
): readonly BinXmlNode[] | undefined {
  for (const attribute of element.attributes) {
    if (attribute.name === name) return attribute.value;
  }
  return undefined;
}
