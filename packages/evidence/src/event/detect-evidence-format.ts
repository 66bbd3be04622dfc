import { hasAccessColumn, requiredAccessColumns } from "../accesses/access-columns.ts";
import { flatFieldMap, sentinelFieldMap } from "../siem/siem-field-maps.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceHead } from "../source/read-source-head.ts";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import type { EvidenceFormat } from "./evidence-format.ts";

/** The format of an evidence file, or why it could not be told. */
export type DetectedFormat =
  | {
      readonly ok: true;
      readonly format: EvidenceFormat;
      /** For JSON: whether the text is one top-level array (its first character is `[`). */
      readonly jsonArray?: boolean;
    }
  | { readonly ok: false; readonly unreadable: boolean; readonly message: string };

/** How much of the input format detection looks at. */
const headSize = 65536;

/** The first `size` bytes of a source (fewer when it is shorter); stops reading there. */
function headerColumns(text: string): Set<string> {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  return new Set(header.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
}

/** The first JSON object in `text` (a line's, or a top-level array's first element), if whole. */
function firstJsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf("{");
  if (start === -1) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
        if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
      try {
        const value: unknown = JSON.parse(text.slice(start, i + 1));
        return typeof value === "object" && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The field names found, for a message: the first 30, each cut to 40 characters. */
function listFields(names: Iterable<string>): string {
  const all = [...names].filter((n) => n !== "");
  if (all.length === 0) return "none";
  const shown = all.slice(0, 30).map((n) => (n.length > 40 ? `${n.slice(0, 40)}…` : n));
  return `${shown.join(", ")}${all.length > 30 ? ` and ${all.length - 30} more` : ""}`;
}

const anyOf = (has: (name: string) => boolean, names: readonly string[]) => names.some(has);

/** The JSON formats, told by the first record's keys; undefined when none fits. */
function detectJsonFormat(record: Record<string, unknown>): EvidenceFormat | undefined {
  const has = (name: string) => Object.hasOwn(record, name);
  const result = record.result;
  if (typeof result === "object" && result !== null && !Array.isArray(result)) return "splunk-json";
  if (has("winlog")) return "winlogbeat-jsonl";
  if (has("EventID") && anyOf(has, sentinelFieldMap.time)) return "sentinel-json";
  if (anyOf(has, flatFieldMap.eventId) && anyOf(has, flatFieldMap.time)) return "flat-json";
  if (requiredAccessColumns.every((c) => hasAccessColumn({ has }, c))) return "accesses-jsonl";
  // Winlogbeat files whose first line lacks `winlog` (ECS `event.code`) stay Winlogbeat's.
  if (has("@timestamp") && has("event")) return "winlogbeat-jsonl";
  return undefined;
}

const knownFormats =
  "expected EVTX, event XML, Winlogbeat JSON lines, a Sentinel SecurityEvent, Splunk or flat JSON export, an accesses file, or the CSV of Get-WinEvent, Get-UalUserAccess, Get-UalDeviceAccess, Get-ADUser, Get-ADComputer or Sentinel (or name the fields with --field-map)";

/**
 * Tells an evidence source's format from its first bytes: the EVTX signature, XML, the first JSON
 * record's keys (Winlogbeat, Sentinel, Splunk's `result`, flat events, accesses), or a CSV header
 * (Get-WinEvent, Get-UalUserAccess, Get-UalDeviceAccess, Get-ADUser, Get-ADComputer, Sentinel,
 * accesses). The name is not trusted; an unknown file's message names the fields it has.
 */
export async function detectEvidenceFormat(
  source: ByteSource,
  options: {
    /** A --field-map names the fields: text is `mapped-json` or `mapped-csv` by its first character. */
    readonly mapped?: boolean;
  } = {},
): Promise<DetectedFormat> {
  let head: Buffer;
  try {
    head = await readSourceHead(source, headSize);
  } catch (error) {
    return { ok: false, unreadable: true, message: describeReadError(error) };
  }
  if (head.length === 0) return { ok: false, unreadable: false, message: "the file is empty" };
  if (head.subarray(0, 8).toString("latin1") === "ElfFile\0") return { ok: true, format: "evtx" };
  const { encoding, bom } = detectTextEncoding(head);
  const text = new TextDecoder(encoding).decode(head.subarray(bom)).replace(/^\uFEFF/, "");
  const start = text.trimStart();
  if (start.startsWith("<")) return { ok: true, format: "event-xml" };
  const jsonArray = start.startsWith("[");
  if (options.mapped)
    return /^[[{]/.test(start)
      ? { ok: true, format: "mapped-json", jsonArray }
      : { ok: true, format: "mapped-csv" };
  if (start.startsWith("{") || jsonArray) {
    const record = firstJsonObject(jsonArray ? start : (start.split("\n")[0] ?? ""));
    // A first line that is not one whole object is left to the Winlogbeat reader to report.
    if (record === undefined && !jsonArray)
      return { ok: true, format: "winlogbeat-jsonl", jsonArray };
    const format = record === undefined ? undefined : detectJsonFormat(record);
    if (format !== undefined) return { ok: true, format, jsonArray };
    return {
      ok: false,
      unreadable: false,
      message: `not a known evidence format: ${knownFormats}; the first JSON record's fields: ${record === undefined ? "none (not a whole JSON object)" : listFields(Object.keys(record))}`,
    };
  }
  const columns = headerColumns(text);
  const has = (c: string) => columns.has(c);
  if (has("UserName") && has("RoleName")) return { ok: true, format: "ual-user-csv" };
  if (has("IPAddress") && has("RoleName")) return { ok: true, format: "ual-device-csv" };
  if (has("SamAccountName") && !has("OperatingSystem")) return { ok: true, format: "ad-user-csv" };
  if (has("Name") && (has("DNSHostName") || has("OperatingSystem")))
    return { ok: true, format: "ad-computer-csv" };
  if (has("Id") && has("TimeCreated")) return { ok: true, format: "event-csv" };
  if (has("EventID") && anyOf(has, sentinelFieldMap.time))
    return { ok: true, format: "sentinel-csv" };
  if (requiredAccessColumns.every((c) => hasAccessColumn(columns, c)))
    return { ok: true, format: "accesses-csv" };
  return {
    ok: false,
    unreadable: false,
    message: `not a known evidence format: ${knownFormats}; the first line's columns: ${listFields(columns)}`,
  };
}
