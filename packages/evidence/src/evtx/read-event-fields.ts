import type { BinXmlElement, BinXmlNode } from "./binxml-node.ts";
import { describeName } from "./describe-name.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import type { EvtxRecordWork } from "./evtx-record-work.ts";
import { evtxValueType } from "./evtx-value-type.ts";
import { formatFiletime } from "./format-filetime.ts";
import type { SubstitutionValues } from "./substitution-values.ts";
import { type ElementVisitor, findAttribute, forEachElement, textOf } from "./walk-binxml.ts";

/** The parts of an event that EvtxRecord carries, read from its BinXML. */
export interface EvtxEventFields {
  eventId: number;
  qualifiers: number | undefined;
  level: number;
  provider: string;
  eventSourceName: string | undefined;
  channel: string;
  computer: string;
  timeCreated: string;
  eventRecordId: number;
  userSid: string | undefined;
  /** A null-prototype object: event data names such as "constructor" must not meet Object.prototype. */
  data: Record<string, string>;
  strings: string[];
}

/** Fields being filled, plus which elements the walk has already seen and its work budget. */
interface FieldsInProgress extends EvtxEventFields {
  readonly work: EvtxRecordWork;
  /** For each data key taken, the next `#n` suffix worth trying, so naming repeats stays linear. */
  readonly nextSuffix: Map<string, number>;
  root: string | undefined;
  sawSystem: boolean;
  sawUserDataElement: boolean;
}

function attributeText(
  fields: FieldsInProgress,
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
  name: string,
): string | undefined {
  const value = findAttribute(fields.work, element, name);
  return value === undefined ? undefined : textOf(fields.work, value, values);
}

function toNumber(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
}

/** Windows writes 9 fraction digits of which the last two are always 0; keep the 7 real ones. */
function normaliseTimestamp(text: string): string {
  return /\.\d{7}00Z$/.test(text) ? `${text.slice(0, -3)}Z` : text;
}

/** TimeCreated@SystemTime straight from its FILETIME bytes when it is one, else from its text. */
function readSystemTime(
  work: EvtxRecordWork,
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
): string {
  const value = findAttribute(work, element, "SystemTime");
  if (value === undefined) return "";
  const only = value.length === 1 ? (value[0] as BinXmlNode) : undefined;
  if (
    only?.kind === "substitution" &&
    values !== undefined &&
    values.types[only.index] === evtxValueType.filetime
  ) {
    const raw = values.bytesOf(only.index);
    if (raw.size === 8) return formatFiletime(raw.bytes, raw.offset, 7);
  }
  return normaliseTimestamp(textOf(work, value, values));
}

const visitSystemField: ElementVisitor<FieldsInProgress> = (fields, element, values, item) => {
  switch (element.name) {
    case "Provider":
      fields.provider = attributeText(fields, element, values, "Name") ?? "";
      fields.eventSourceName = attributeText(fields, element, values, "EventSourceName");
      break;
    case "EventID": {
      fields.eventId = toNumber(textOf(fields.work, element.children, values, item));
      const qualifiers = attributeText(fields, element, values, "Qualifiers");
      fields.qualifiers =
        qualifiers === undefined || qualifiers === "" ? undefined : toNumber(qualifiers);
      break;
    }
    case "Level":
      fields.level = toNumber(textOf(fields.work, element.children, values, item));
      break;
    case "TimeCreated":
      fields.timeCreated = readSystemTime(fields.work, element, values);
      break;
    case "EventRecordID":
      fields.eventRecordId = toNumber(textOf(fields.work, element.children, values, item));
      break;
    case "Channel":
      fields.channel = textOf(fields.work, element.children, values, item);
      break;
    case "Computer":
      fields.computer = textOf(fields.work, element.children, values, item);
      break;
    case "Security": {
      const sid = attributeText(fields, element, values, "UserID");
      fields.userSid = sid === "" ? undefined : sid;
      break;
    }
  }
};

/**
 * Adds a value under `key`, or under the first free `key#2`, `key#3`… when the key is taken.
 * The search for a key resumes where it last stopped (every suffix below is taken, since keys
 * are never removed), so naming n repeats costs O(n), not O(n²).
 */
function addData(fields: FieldsInProgress, key: string, value: string): void {
  const data = fields.data;
  fields.strings.push(value);
  fields.work.spendCharacters(key.length);
  if (data[key] === undefined) {
    data[key] = value;
    return;
  }
  let n = fields.nextSuffix.get(key) ?? 2;
  // Each key tried is built and hashed, and a name can be long: charge its characters, so neither
  // a quadratic search nor a long name repeated by an array can pass the budget unseen.
  const keyCost = key.length + 8;
  fields.work.spendCharacters(keyCost);
  while (data[`${key}#${n}`] !== undefined) {
    fields.work.spendCharacters(keyCost);
    n++;
  }
  data[`${key}#${n}`] = value;
  fields.nextSuffix.set(key, n + 1);
}

/** True when the element's content holds elements (directly, or through a template or nested BinXML). */
function hasChildElements(
  work: EvtxRecordWork,
  element: BinXmlElement,
  values: SubstitutionValues | undefined,
): boolean {
  work.spendNodes(element.children.length);
  for (const child of element.children) {
    if (child.kind === "element" || child.kind === "templateInstance") return true;
    if (child.kind === "substitution" && values?.isBinXml(child.index)) return true;
  }
  return false;
}

// Values are the leaf elements in document order, as evtxexport lists them: an element that
// holds elements (RestartManager's <Applications>) contributes its children, not its text.
const visitEventDataItem: ElementVisitor<FieldsInProgress> = (fields, element, values, item) => {
  if (hasChildElements(fields.work, element, values)) {
    forEachElement(element.children, values, visitEventDataItem, fields);
    return;
  }
  const name = attributeText(fields, element, values, "Name");
  addData(fields, name ?? element.name, textOf(fields.work, element.children, values, item));
};

const visitUserDataItem: ElementVisitor<FieldsInProgress> = (fields, element, values, item) => {
  if (hasChildElements(fields.work, element, values)) {
    forEachElement(element.children, values, visitUserDataItem, fields);
    return;
  }
  addData(fields, element.name, textOf(fields.work, element.children, values, item));
};

const visitUserDataElement: ElementVisitor<FieldsInProgress> = (fields, element, values) => {
  if (fields.sawUserDataElement) return;
  fields.sawUserDataElement = true;
  forEachElement(element.children, values, visitUserDataItem, fields);
};

const visitSection: ElementVisitor<FieldsInProgress> = (fields, element, values) => {
  switch (element.name) {
    case "System":
      fields.sawSystem = true;
      forEachElement(element.children, values, visitSystemField, fields);
      break;
    case "EventData":
      forEachElement(element.children, values, visitEventDataItem, fields);
      break;
    case "UserData":
      forEachElement(element.children, values, visitUserDataElement, fields);
      break;
  }
};

const visitRoot: ElementVisitor<FieldsInProgress> = (fields, element, values) => {
  if (fields.root !== undefined) return;
  fields.root = element.name;
  forEachElement(element.children, values, visitSection, fields);
};

/**
 * Reads the System fields and the event data of one record's BinXML. EventData children are
 * keyed by their Name attribute; UserData holds one provider-defined element whose children
 * are the values (the same selection evtxexport lists as strings). The walk is charged to `work`.
 */
export function readEventFields(
  nodes: readonly BinXmlNode[],
  work: EvtxRecordWork,
): EvtxEventFields {
  const fields: FieldsInProgress = {
    work,
    nextSuffix: new Map(),
    eventId: 0,
    qualifiers: undefined,
    level: 0,
    provider: "",
    eventSourceName: undefined,
    channel: "",
    computer: "",
    timeCreated: "",
    eventRecordId: 0,
    userSid: undefined,
    data: Object.create(null) as Record<string, string>,
    strings: [],
    root: undefined,
    sawSystem: false,
    sawUserDataElement: false,
  };
  forEachElement(nodes, undefined, visitRoot, fields);
  if (fields.root === undefined) throw new EvtxFormatError("record holds no element");
  if (!fields.sawSystem)
    throw new EvtxFormatError(`<${describeName(fields.root)}> has no System element`);
  return fields;
}
