import type { EventParse } from "../event/event-parse.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import { walkWinlogbeatLine } from "./walk-winlogbeat-line.ts";

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The result of reading one Winlogbeat document: the event, or what is wrong with it. */
export type WinlogbeatParse = EventParse;

/**
 * Reads one Winlogbeat (ECS) document: `winlog.event_id` (or `event.code`), `@timestamp`,
 * `winlog.computer_name` (or `host.name`), `winlog.channel`, `winlog.provider_name` (or
 * `event.provider`), `winlog.record_id` and `winlog.event_data`. Numbers may be numbers or strings
 * (Winlogbeat 7 writes numbers, 8 strings).
 */
export function winlogbeatEventFromJson(
  value: unknown,
  location: EvidenceLocation,
): WinlogbeatParse {
  const doc = object(value);
  if (!doc) return { ok: false, message: "the line is not a JSON object", expected: "{…}" };
  const winlog = object(doc.winlog);
  const ecsEvent = object(doc.event);
  const idText = text(winlog?.event_id) ?? text(ecsEvent?.code);
  const eventId = Number(idText);
  if (idText === undefined || idText.trim() === "" || !Number.isInteger(eventId))
    return {
      ok: false,
      message: "no event id",
      expected: "winlog.event_id or event.code, an integer",
      received: JSON.stringify(winlog?.event_id ?? ecsEvent?.code ?? null),
    };
  const timeText = text(doc["@timestamp"]);
  const time = timeText === undefined ? undefined : normaliseEventTime(timeText);
  if (time === undefined)
    return {
      ok: false,
      message: "no usable @timestamp",
      expected: "an ISO 8601 time",
      received: JSON.stringify(doc["@timestamp"] ?? null),
    };
  const data = Object.create(null) as Record<string, string>;
  const eventData = object(winlog?.event_data);
  if (eventData)
    for (const [key, v] of Object.entries(eventData)) {
      const t = text(v);
      if (t !== undefined) data[key] = t;
    }
  const recordId = parseRecordId(text(winlog?.record_id));
  return {
    ok: true,
    event: {
      recordId,
      time,
      eventId,
      provider: text(winlog?.provider_name) ?? text(ecsEvent?.provider) ?? "",
      channel: text(winlog?.channel) ?? "",
      computer: text(winlog?.computer_name) ?? text(object(doc.host)?.name) ?? "",
      data,
      location,
    },
  };
}

/** Reads one line of a Winlogbeat file: JSON, then the document; a line that is not JSON says so. */
export function winlogbeatEventFromLine(line: string, location: EvidenceLocation): WinlogbeatParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      ok: false,
      message: `not JSON: ${(error as Error).message}`,
      expected: "one JSON object per line",
      received: line.length > 60 ? `${line.slice(0, 60)}…` : line,
    };
  }
  const parsed = winlogbeatEventFromJson(value, location);
  if (parsed.ok) markRepeatedLogonFields(line, parsed.event.data as Record<string, string>);
  return parsed;
}

const logonFieldSet: ReadonlySet<string> = new Set(logonDataFields);

/**
 * JSON.parse keeps the last of repeated keys, where the XML and EVTX readers see both: when a logon
 * field's key occurs twice in the line, the line is walked to find a repeat inside event_data, which
 * is added as `Name#2` so that checkLogonFields refuses the record as every reader does.
 */
function markRepeatedLogonFields(line: string, data: Record<string, string>): void {
  const suspect = logonDataFields.some((name) => {
    const first = line.indexOf(`"${name}"`);
    return first !== -1 && line.indexOf(`"${name}"`, first + name.length + 2) !== -1;
  });
  if (!suspect) return;
  const bytes = Buffer.from(line, "utf8");
  const fields = walkWinlogbeatLine(bytes, 0, bytes.length, logonFieldSet);
  if (fields === undefined) return;
  for (const name of logonDataFields) {
    const repeat = fields.eventData[`${name}#2`];
    if (repeat !== undefined) data[`${name}#2`] = repeat;
  }
}
