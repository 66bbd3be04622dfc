import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { EventParse } from "../event/event-parse.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import { escapeControlCharacters, findControlCharacter } from "../logon/check-logon-fields.ts";
import { findCrowdedElement, maxAttributesPerElement } from "./find-crowded-element.ts";
import { type EventXmlFields, scanEventXml } from "./scan-event-xml.ts";

// parseTagValue false: LogonType "3" stays a string and SIDs or ids are never coerced.
// trimValues false: data such as LogonProcessName "NtLmSsp " keeps its trailing space, as in EVTX.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  removeNSPrefix: true,
  isArray: (name) => name === "Data",
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text of an element as fast-xml-parser gives it: a string, or an object with `#text`. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (isNode(value)) {
    const text = value["#text"];
    return typeof text === "string" ? text : "";
  }
  return "";
}

function attribute(value: unknown, name: string): string | undefined {
  if (!isNode(value)) return undefined;
  const v = value[`@${name}`];
  return typeof v === "string" ? v : undefined;
}

/**
 * Adds a value under `key`, or under the first free `key#2`, `key#3`… (as the EVTX reader names
 * repeats); the search resumes where it last stopped for that key, so n repeats cost O(n), not O(n²).
 */
function addData(
  data: Record<string, string>,
  next: Map<string, number>,
  key: string,
  value: string,
): void {
  if (data[key] === undefined) {
    data[key] = value;
    return;
  }
  let n = next.get(key) ?? 2;
  while (data[`${key}#${n}`] !== undefined) n++;
  data[`${key}#${n}`] = value;
  next.set(key, n + 1);
}

/** EventData/Data by Name (unnamed as `Data`, repeats `Data#2`…), or UserData's element's children. */
function readData(event: Node): Record<string, string> {
  const data = Object.create(null) as Record<string, string>;
  const next = new Map<string, number>();
  const eventData = event.EventData;
  if (isNode(eventData)) {
    const items = eventData.Data;
    if (Array.isArray(items))
      for (const item of items)
        addData(data, next, attribute(item, "Name") ?? "Data", textOf(item));
  }
  const userData = event.UserData;
  if (isNode(userData)) {
    const first = Object.entries(userData).find(([k]) => !k.startsWith("@") && k !== "#text");
    if (first && isNode(first[1]))
      for (const [key, value] of Object.entries(first[1]))
        if (!key.startsWith("@") && key !== "#text") addData(data, next, key, textOf(value));
  }
  return data;
}

// A DOCTYPE may define entities; fast-xml-parser leaves an undefined `&j;` as text, so `CORP\&j;`
// would become a user name. Only XML's predefined entities and character references are accepted.
const unsafeMarkup =
  /<!(?:DOCTYPE|ENTITY)\b|&(?!(?:lt|gt|amp|apos|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)[^;\s<]{0,40};?/;

/** The first DOCTYPE/ENTITY declaration or unknown entity reference of an event, with its line. */
function findUnsafeMarkup(xml: string): { line: number; what: string; text: string } | undefined {
  const match = unsafeMarkup.exec(xml);
  if (match === null) return undefined;
  const line = lineAt(xml, match.index);
  const text = match[0];
  const what = text.startsWith("<!")
    ? `a ${text.slice(2)} declaration`
    : "an entity reference that XML does not define";
  return { line, what, text };
}

// fast-xml-parser drops DEL and C1 characters and references to control characters (`x&#0;y` reads
// as "xy"), so a name would silently change: an event holding one, raw or referenced, is refused.
// XML 1.0 allows no C0 character but tab, LF and CR anyway.
const controlReference =
  /&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9])|x0*(?:[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f]));/i;

/** The first control character of an event (raw or as a character reference), with its line. */
function findEventControlCharacter(xml: string): { line: number; text: string } | undefined {
  const raw = findControlCharacter(xml, true);
  const match = controlReference.exec(xml);
  if (raw === -1 && match === null) return undefined;
  if (match !== null && (raw === -1 || match.index < raw))
    return { line: lineAt(xml, match.index), text: match[0] };
  return { line: lineAt(xml, raw), text: xml.charAt(raw) };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The result of parsing one `<Event>` element: the event, or what is wrong with it. */
export type ParsedEventXml = EventParse;

/**
 * Parses one `<Event>` element as Windows writes it (wevtutil, Event Viewer) into a WindowsEvent.
 * Malformed XML, a missing System element or an unusable EventID or time is a problem, not a throw.
 * An element of the plain shape most exports have is read by the scanner (`scanEventXml`, about ten
 * times faster); any other by the full parser (`parseEventXmlFully`), with the same result.
 */
export function parseEventXml(xml: string, location: EvidenceLocation): ParsedEventXml {
  const fields = scanEventXml(xml);
  if (fields === undefined) return parseEventXmlFully(xml, location);
  const data = Object.create(null) as Record<string, string>;
  const next = new Map<string, number>();
  for (let index = 0; index < fields.data.length; index += 2)
    addData(data, next, fields.data[index] ?? "Data", fields.data[index + 1] as string);
  return eventFromFields(fields, data, location);
}

/** parseEventXml by the validator and the parser alone (the scanner's reference). */
export function parseEventXmlFully(xml: string, location: EvidenceLocation): ParsedEventXml {
  const unsafe = findUnsafeMarkup(xml);
  if (unsafe !== undefined)
    return {
      ok: false,
      code: "XML_ENTITY",
      message: `line ${unsafe.line} of the event: ${unsafe.what}; entities are never expanded, so the event is skipped rather than read with the reference as text`,
      expected: "only &lt; &gt; &amp; &apos; &quot; and character references (&#…;)",
      received: JSON.stringify(unsafe.text),
    };
  const control = findEventControlCharacter(xml);
  if (control !== undefined)
    return {
      ok: false,
      code: "EVENT_CONTROL_CHARACTER",
      message: `line ${control.line} of the event: a control character, which the XML reader cannot keep (it would silently drop it from a name); the event is skipped`,
      expected: "text without control characters (NUL, C0, DEL, C1)",
      received: escapeControlCharacters(control.text),
    };
  const crowded = findCrowdedElement(xml);
  if (crowded !== undefined)
    return {
      ok: false,
      message: `line ${crowded.line} of the event: an element with ${crowded.attributes} attributes (real events have a few); the event is skipped`,
      expected: `at most ${maxAttributesPerElement} attributes on one element`,
      received: `${crowded.attributes} attributes`,
    };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      ok: false,
      message: `not well-formed XML at line ${valid.err.line} of the event: ${valid.err.msg}`,
    };
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    // The parser throws on an element named constructor, prototype or __proto__ (its guard against
    // prototype pollution): that event is skipped, not the rest of the file.
    return {
      ok: false,
      message: `the event cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const event = root.Event;
  if (!isNode(event) || !isNode(event.System))
    return { ok: false, message: "the <Event> has no <System> element", expected: "<System>" };
  const system = event.System;
  return eventFromFields(
    {
      eventId: textOf(system.EventID),
      time: attribute(system.TimeCreated, "SystemTime") ?? "",
      recordId: textOf(system.EventRecordID),
      provider: attribute(system.Provider, "Name") ?? "",
      channel: textOf(system.Channel),
      computer: textOf(system.Computer),
      data: [],
    },
    readData(event),
    location,
  );
}

/** The event of an element's fields, or what is wrong with its EventID or time. */
function eventFromFields(
  fields: EventXmlFields,
  data: Record<string, string>,
  location: EvidenceLocation,
): ParsedEventXml {
  const eventIdText = fields.eventId.trim();
  const eventId = Number(eventIdText);
  if (eventIdText === "" || !Number.isInteger(eventId))
    return {
      ok: false,
      message: "System/EventID is not a number",
      expected: "an integer",
      received: JSON.stringify(eventIdText),
    };
  const time = normaliseEventTime(fields.time);
  if (time === undefined)
    return {
      ok: false,
      message: "System/TimeCreated@SystemTime is not a time",
      expected: "ISO 8601 such as 2019-03-19T23:34:25.4652234Z",
      received: JSON.stringify(fields.time),
    };
  return {
    ok: true,
    event: {
      recordId: parseRecordId(fields.recordId.trim()),
      time,
      eventId,
      provider: fields.provider,
      channel: fields.channel,
      computer: fields.computer,
      data,
      location,
    },
  };
}
