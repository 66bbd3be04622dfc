import type { BinXmlElement, BinXmlNode } from "./binxml-node.ts";
import type { EvtxRecordWork } from "./evtx-record-work.ts";
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

/**
 * Called for each element as it appears once templates are expanded; `state` avoids closures on
 * the hot path and carries the record's work budget.
 */
export type ElementVisitor<State extends { readonly work: EvtxRecordWork }> = (
  state: State,
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  item: number,
) => void;

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

function visitElement<State extends { readonly work: EvtxRecordWork }>(
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  visit: ElementVisitor<State>,
  state: State,
): void {
  let shape = -1;
  if (element.substitutions.length !== 0) {
    state.work.spendNodes(element.substitutions.length);
    shape = arrayIndexOrPresence(element, values);
  }
  if (shape === -1) visit(state, element, values, -1);
  else if (shape < -1 && values !== undefined) {
    const count = values.arrayItems(-shape - 2).length;
    for (let item = 0; item < count; item++) {
      state.work.spendNodes(1);
      visit(state, element, values, item);
    }
  }
}

/**
 * Visits the elements among `nodes` in document order, looking through template instances and
 * substitutions of nested BinXml as if the templates had been expanded. `nodes` are one level
 * deeper than the caller: the content of a record, element, template or nested value.
 */
export function forEachElement<State extends { readonly work: EvtxRecordWork }>(
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  visit: ElementVisitor<State>,
  state: State,
): void {
  const work = state.work;
  work.enter();
  work.spendNodes(nodes.length);
  for (const node of nodes) {
    if (node.kind === "element") visitElement(node, values, visit, state);
    else if (node.kind === "templateInstance") {
      forEachElement(node.template.nodes, node.values, visit, state);
    } else if (node.kind === "substitution" && values?.isBinXml(node.index)) {
      forEachElement(values.nested(node.index), undefined, visit, state);
    }
  }
  work.leave();
}

/** Where pushScopedElement appends, and the budget each copy is charged to. */
export interface ScopedElementList {
  readonly work: EvtxRecordWork;
  readonly out: { push(element: ScopedElement): number };
}

const pushVisitor: ElementVisitor<ScopedElementList> = (list, element, values, item) => {
  list.out.push({ element, values, item });
};

/** Appends `element` to `list.out` as it appears once its substitutions are filled (0, 1 or n copies). */
export function pushScopedElement(
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  list: ScopedElementList,
): void {
  visitElement(element, values, pushVisitor, list);
}

/** A substitution's text; for an array value, the item this element copy shows. */
export function substitutionText(values: SubstitutionValues, index: number, item: number): string {
  if (item >= 0 && values.isArray(index)) return values.arrayItems(index)[item] ?? "";
  return values.text(index);
}

/**
 * The character data of `nodes` with references resolved and substitutions rendered; nested
 * elements contribute their own text, as in XPath's string value. Every node and character is
 * charged to `work`, so a text that templates repeat exponentially stops at the budget.
 */
export function textOf(
  work: EvtxRecordWork,
  nodes: readonly BinXmlNode[],
  values: SubstitutionValues | undefined,
  item = -1,
): string {
  work.spendNodes(nodes.length);
  // The common cases, a lone substitution or a lone text, need no concatenation.
  if (nodes.length === 1) {
    const only = nodes[0] as BinXmlNode;
    let text: string | undefined;
    if (only.kind === "substitution" && values !== undefined && !values.isBinXml(only.index)) {
      text = substitutionText(values, only.index, item);
    } else if (only.kind === "text") text = only.text;
    if (text !== undefined) {
      work.spendCharacters(text.length);
      return text;
    }
  }
  work.enter();
  let text = "";
  for (const node of nodes) {
    let piece = "";
    switch (node.kind) {
      case "text":
        piece = node.text;
        break;
      case "charReference":
        piece = String.fromCodePoint(node.codePoint);
        break;
      case "entityReference":
        piece = predefinedEntities[node.name] ?? `&${node.name};`;
        break;
      case "substitution":
        if (values === undefined) break;
        if (values.isBinXml(node.index)) text += textOf(work, values.nested(node.index), undefined);
        else piece = substitutionText(values, node.index, item);
        break;
      case "templateInstance":
        text += textOf(work, node.template.nodes, node.values);
        break;
      case "element":
        text += textOf(work, node.children, values);
        break;
      case "processingInstruction":
        break;
    }
    if (piece !== "") {
      work.spendCharacters(piece.length);
      text += piece;
    }
  }
  work.leave();
  return text;
}

/** The value nodes of the attribute `name`, or undefined when the element has none. */
export function findAttribute(
  work: EvtxRecordWork,
  element: BinXmlElement,
  name: string,
): readonly BinXmlNode[] | undefined {
  work.spendNodes(element.attributes.length);
  for (const attribute of element.attributes) {
    if (attribute.name === name) return attribute.value;
  }
  return undefined;
}
