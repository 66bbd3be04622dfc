import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { EventParse } from "../event/event-parse.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";

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

function addData(data: Record<string, string>, key: string, value: string): void {
  if (data[key] === undefined) {
    data[key] = value;
    return;
  }
  let n = 2;
  while (data[`${key}#${n}`] !== undefined) n++;
  data[`${key}#${n}`] = value;
}

/** EventData/Data by Name (unnamed as `Data`, repeats `Data#2`…), or UserData's element's children. */
function readData(event: Node): Record<string, string> {
  const data = Object.create(null) as Record<string, string>;
  const eventData = event.EventData;
  if (isNode(eventData)) {
    const items = eventData.Data;
    if (Array.isArray(items))
      for (const item of items) addData(data, attribute(item, "Name") ?? "Data", textOf(item));
  }
  const userData = event.UserData;
  if (isNode(userData)) {
    const first = Object.entries(userData).find(([k]) => !k.startsWith("@") && k !== "#text");
    if (first && isNode(first[1]))
      for (const [key, value] of Object.entries(first[1]))
        if (!key.startsWith("@") && key !== "#text") addData(data, key, textOf(value));
  }
  return data;
}

/** The result of parsing one `<Event>` element: the event, or what is wrong with it. */
export type ParsedEventXml = EventParse;

/**
 * Parses one `<Event>` element as Windows writes it (wevtutil, Event Viewer) into a WindowsEvent.
 * Malformed XML, a missing System element or an unusable EventID or time is a problem, not a throw.
 */
export function parseEventXml(xml: string, location: EvidenceLocation): ParsedEventXml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      ok: false,
      message: `not well-formed XML at line ${valid.err.line} of the event: ${valid.err.msg}`,
    };
  const root = parser.parse(xml) as Node;
  const event = root.Event;
  if (!isNode(event) || !isNode(event.System))
    return { ok: false, message: "the <Event> has no <System> element", expected: "<System>" };
  const system = event.System;
  const eventIdText = textOf(system.EventID).trim();
  const eventId = Number(eventIdText);
  if (eventIdText === "" || !Number.isInteger(eventId))
    return {
      ok: false,
      message: "System/EventID is not a number",
      expected: "an integer",
      received: JSON.stringify(eventIdText),
    };
  const timeText = attribute(system.TimeCreated, "SystemTime") ?? "";
  const time = normaliseEventTime(timeText);
  if (time === undefined)
    return {
      ok: false,
      message: "System/TimeCreated@SystemTime is not a time",
      expected: "ISO 8601 such as 2019-03-19T23:34:25.4652234Z",
      received: JSON.stringify(timeText),
    };
  const recordText = textOf(system.EventRecordID).trim();
  const recordId = recordText === "" ? null : Number(recordText);
  return {
    ok: true,
    event: {
      recordId: recordId !== null && Number.isSafeInteger(recordId) ? recordId : null,
      time,
      eventId,
      provider: attribute(system.Provider, "Name") ?? "",
      channel: textOf(system.Channel),
      computer: textOf(system.Computer),
      data: readData(event),
      location,
    },
  };
}
