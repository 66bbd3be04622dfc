import type { AuditReport, AuditResult, HolderEvidence } from "@calwise/app";
import { formatValue } from "./format-json-chunks.ts";
import { asciiBytes, isWritten, JsonBytePieces } from "./json-byte-pieces.ts";

/** The audit result's entries the report lists by the hundred thousand, written by their known shapes. */
type CountedHolder = AuditResult["countedUsers"][number];
type AtServerEntry = AuditResult["atServer"][number];

/** Writes one list entry (at the lists' indent, 4 spaces) into the pieces, as JSON.stringify would. */
type EntryWriter<T> = (out: JsonBytePieces, entry: T) => void;

/** An entry's list indent, its fields' and its accesses' fields' (the lists are the report's own fields). */
const ENTRY = 4;
const FIELD = ENTRY + 2;
const ACCESS = FIELD + 2;
const ACCESS_FIELD = ACCESS + 2;

/**
 * The keys of an object's fields as written at `indent`, each with what comes before it: the object's
 * opening brace before the first, a comma before the others (the fields in this order).
 */
function fieldKeys<K extends string>(indent: number, keys: readonly K[]): Record<K, Uint8Array> {
  const written = {} as Record<K, Uint8Array>;
  for (const [k, key] of keys.entries())
    written[key] = asciiBytes(
      `${k === 0 ? "{" : ","}\n${" ".repeat(indent)}${JSON.stringify(key)}: `,
    );
  return written;
}
const closeEntry = asciiBytes(`\n${" ".repeat(ENTRY)}}`);
const closeAccess = asciiBytes(`\n${" ".repeat(ACCESS)}}`);
const closeAccesses = asciiBytes(`\n${" ".repeat(FIELD)}]`);
const accessesStart = asciiBytes(`\n${" ".repeat(ACCESS)}`);
const accessesNext = asciiBytes(`,\n${" ".repeat(ACCESS)}`);
const counted = fieldKeys(FIELD, [
  "id",
  "type",
  "events",
  "firstSeen",
  "lastSeen",
  "cal",
  "flags",
  "accesses",
]);
const access = fieldKeys(ACCESS_FIELD, ["server", "events", "firstSeen", "lastSeen", "with"]);
const evidence = fieldKeys(FIELD, [
  "id",
  "type",
  "firstSeen",
  "lastSeen",
  "servers",
  "events",
  "files",
  "sample",
  "flags",
]);
const atServerKeys = fieldKeys(FIELD, ["server", "user", "events", "rule"]);

/**
 * The audit report as `JSON.stringify(report, null, 2)` writes it, as UTF-8 in pieces of about a
 * megabyte: the trail's long lists (the holders' evidence, the counted users and devices, the logons at
 * the server itself) entry by entry by writers of their known shapes, each fixed part (keys, indents)
 * encoded once; every other field by the shared writer (`formatValue`) at its indent. No text of the
 * report is built as a string to be joined and encoded again (a 403 MB audit's report is over 1 GB).
 * A `TrailList` is written as the array it stands for.
 */
export function* formatAuditJsonBytes(report: AuditReport): Generator<Uint8Array> {
  const out = new JsonBytePieces();
  out.ascii("{");
  let first = true;
  for (const key of Object.keys(report) as (keyof AuditReport)[]) {
    const value = report[key];
    if (!isWritten(value)) continue;
    out.ascii(first ? "\n  " : ",\n  ");
    out.string(key);
    out.ascii(": ");
    first = false;
    if (key === "holders") yield* formatList(out, report.holders, writeHolderEvidence);
    else if (key === "countedUsers") yield* formatList(out, report.countedUsers, writeCounted);
    else if (key === "countedDevices") yield* formatList(out, report.countedDevices, writeCounted);
    else if (key === "atServer") yield* formatList(out, report.atServer, writeAtServer);
    else yield* formatValue(value, "  ", out);
  }
  out.ascii(first ? "}" : "\n}");
  yield out.take();
}

/** A list of the report (at indent 2), entry by entry, yielding each piece once full. */
function* formatList<T>(
  out: JsonBytePieces,
  list: Iterable<T> & { readonly length: number },
  write: EntryWriter<T>,
): Generator<Uint8Array> {
  if (list.length === 0) {
    out.ascii("[]");
    return;
  }
  out.ascii("[");
  let first = true;
  for (const entry of list) {
    out.ascii(first ? "\n    " : ",\n    ");
    first = false;
    if (isWritten(entry)) write(out, entry);
    else out.ascii("null");
    if (out.full) yield out.take();
  }
  out.ascii("\n  ]");
}

/** A counted user or device (`countedHolder` in the result's schema). */
function writeCounted(out: JsonBytePieces, holder: CountedHolder): void {
  out.bytes(counted.id);
  out.string(holder.id);
  out.bytes(counted.type);
  out.string(holder.type);
  out.bytes(counted.events);
  out.number(holder.events);
  out.bytes(counted.firstSeen);
  out.string(holder.firstSeen);
  out.bytes(counted.lastSeen);
  out.string(holder.lastSeen);
  out.bytes(counted.cal);
  out.ascii(holder.cal ? "true" : "false");
  out.bytes(counted.flags);
  stringList(out, holder.flags, FIELD);
  out.bytes(counted.accesses);
  const accesses = holder.accesses;
  if (accesses.length === 0) out.ascii("[]");
  else {
    out.ascii("[");
    for (let k = 0; k < accesses.length; k++) {
      const a = accesses[k] as CountedHolder["accesses"][number];
      out.bytes(k === 0 ? accessesStart : accessesNext);
      out.bytes(access.server);
      out.string(a.server);
      out.bytes(access.events);
      out.number(a.events);
      out.bytes(access.firstSeen);
      out.string(a.firstSeen);
      out.bytes(access.lastSeen);
      out.string(a.lastSeen);
      out.bytes(access.with);
      stringList(out, a.with, ACCESS_FIELD);
      out.bytes(closeAccess);
    }
    out.bytes(closeAccesses);
  }
  out.bytes(closeEntry);
}

/** The evidence behind a CAL holder (`holderEvidence` in the result's schema). */
function writeHolderEvidence(out: JsonBytePieces, holder: HolderEvidence): void {
  out.bytes(evidence.id);
  out.string(holder.id);
  out.bytes(evidence.type);
  out.string(holder.type);
  out.bytes(evidence.firstSeen);
  out.string(holder.firstSeen);
  out.bytes(evidence.lastSeen);
  out.string(holder.lastSeen);
  out.bytes(evidence.servers);
  stringList(out, holder.servers, FIELD);
  out.bytes(evidence.events);
  out.number(holder.events);
  out.bytes(evidence.files);
  stringList(out, holder.files, FIELD);
  out.bytes(evidence.sample);
  flatRecord(out, holder.sample, FIELD);
  out.bytes(evidence.flags);
  stringList(out, holder.flags, FIELD);
  out.bytes(closeEntry);
}

/** A counted logon at the server itself. */
function writeAtServer(out: JsonBytePieces, entry: AtServerEntry): void {
  out.bytes(atServerKeys.server);
  out.string(entry.server);
  out.bytes(atServerKeys.user);
  out.string(entry.user);
  out.bytes(atServerKeys.events);
  out.number(entry.events);
  out.bytes(atServerKeys.rule);
  out.string(entry.rule);
  out.bytes(closeEntry);
}

/** A list of texts at `indent` (the list's own). */
function stringList(out: JsonBytePieces, list: readonly string[], indent: number): void {
  if (list.length === 0) {
    out.ascii("[]");
    return;
  }
  for (let k = 0; k < list.length; k++) {
    out.ascii(k === 0 ? "[" : ",");
    out.line(indent + 2);
    out.string(list[k] as string);
  }
  out.line(indent);
  out.ascii("]");
}

/** An object at `indent`: its plain values written in place, any other value by JSON.stringify. */
function flatRecord(out: JsonBytePieces, record: object, indent: number): void {
  const inner = " ".repeat(indent + 2);
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    if (!isWritten(value)) continue;
    out.ascii(first ? "{" : ",");
    first = false;
    out.line(indent + 2);
    out.string(key);
    out.ascii(": ");
    if (!out.addPlain(value, inner))
      out.add((JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${inner}`));
  }
  if (first) out.ascii("{}");
  else {
    out.line(indent);
    out.ascii("}");
  }
}
