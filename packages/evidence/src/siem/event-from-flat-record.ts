import type { EventParse } from "../event/event-parse.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import type { EventFieldMap } from "./event-field-map.ts";

/** A flat record: a CSV row by column, or a JSON object's members. */
export type FlatRecord = Readonly<Record<string, unknown>>;

/**
 * A member's value as text: a string as it is, a number or boolean written out, null as "", an array
 * (a multi-valued field) as its last value; undefined for an object or a member not there.
 */
export function flatValueText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return String(value);
  if (value === null) return "";
  if (Array.isArray(value)) return value.length === 0 ? "" : flatValueText(value.at(-1));
  return undefined;
}

/** The first of `names` the record gives, with the name it was found under. */
function pick(record: FlatRecord, names: readonly string[]): [string, string] | undefined {
  for (const name of names) {
    if (!Object.hasOwn(record, name)) continue;
    const text = flatValueText(record[name]);
    if (text !== undefined) return [name, text];
  }
  return undefined;
}

const list = (names: readonly string[]) => names.join(" or ");

/**
 * Reads one flat record (a SIEM export's row) as a WindowsEvent through a field map: event id, time
 * and computer are required; the logon event data are taken by their mapped names (`Name#2`, a
 * repeated column or key, is carried over so that checkLogonFields refuses the record). A record
 * without a usable event id or time is not an event.
 */
export function eventFromFlatRecord(
  record: FlatRecord,
  map: EventFieldMap,
  location: EvidenceLocation,
): EventParse {
  const id = pick(record, map.eventId);
  const eventId = Number(id?.[1].trim());
  if (id === undefined || id[1].trim() === "" || !Number.isInteger(eventId))
    return {
      ok: false,
      code: "EVENT_BAD_FIELD",
      message: "no event id",
      expected: `${list(map.eventId)}: an integer such as 4624`,
      received: id === undefined ? "no such field" : JSON.stringify(id[1]),
    };
  const timeText = pick(record, map.time);
  const time = timeText === undefined ? undefined : normaliseEventTime(timeText[1]);
  if (time === undefined)
    return {
      ok: false,
      code: "EVENT_BAD_FIELD",
      message: "no usable time",
      expected: `${list(map.time)}: an ISO 8601 time with its offset, or M/D/YYYY h:mm:ss AM in UTC`,
      received: timeText === undefined ? "no such field" : JSON.stringify(timeText[1]),
    };
  const computer = pick(record, map.computer);
  if (computer === undefined || computer[1].trim() === "")
    return {
      ok: false,
      code: "EVENT_BAD_FIELD",
      message: "no computer: the server that logged the event is not named",
      expected: `${list(map.computer)}: a computer name`,
      received: computer === undefined ? "no such field" : JSON.stringify(computer[1]),
    };
  const data = Object.create(null) as Record<string, string>;
  for (const field of logonDataFields) {
    const found = pick(record, map.data[field]);
    if (found === undefined) continue;
    data[field] = found[1];
    const repeat = flatValueText(record[`${found[0]}#2`]);
    if (repeat !== undefined) data[`${field}#2`] = repeat;
  }
  const recordId = parseRecordId(pick(record, map.recordId)?.[1].trim());
  return {
    ok: true,
    event: {
      recordId,
      time,
      eventId,
      provider: pick(record, map.provider)?.[1] ?? "",
      channel: pick(record, map.channel)?.[1] ?? "",
      computer: computer[1],
      data,
      location,
    },
  };
}
