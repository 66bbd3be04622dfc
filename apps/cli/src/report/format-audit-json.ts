import type { AuditReport, AuditResult, HolderEvidence } from "@calwise/app";
import { formatJsonChunks } from "./format-json-chunks.ts";

/** About how many characters a piece holds before it is handed on. */
const pieceCharacters = 1 << 16;

/** The audit result's entries the report lists by the hundred thousand, written by their known shapes. */
type CountedHolder = AuditResult["countedUsers"][number];
type AtServerEntry = AuditResult["atServer"][number];

/** Writes one list entry at `indent` (the entry's own), as JSON.stringify(entry, null, 2) would there. */
type EntryWriter<T> = (entry: T, indent: string) => string;

/**
 * The audit report as `JSON.stringify(report, null, 2)` writes it, in pieces of about 64 K characters:
 * the trail's long lists (the holders' evidence, the counted users and devices, the logons at the
 * server itself) are written entry by entry by writers of their known shapes, with no walk of each
 * entry to decide how to write it and no re-indenting of its text; every other field through
 * `formatJsonChunks`, re-indented. A `TrailList` is written as the array it stands for.
 */
export function* formatAuditJsonChunks(report: AuditReport): Generator<string> {
  let piece = "{";
  let first = true;
  for (const key of Object.keys(report) as (keyof AuditReport)[]) {
    const value = report[key];
    if (!isWritten(value)) continue;
    piece += `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key === "holders") yield* formatList(report.holders, writeHolderEvidence, piece);
    else if (key === "countedUsers")
      yield* formatList(report.countedUsers, writeCountedHolder, piece);
    else if (key === "countedDevices")
      yield* formatList(report.countedDevices, writeCountedHolder, piece);
    else if (key === "atServer") yield* formatList(report.atServer, writeAtServer, piece);
    else {
      yield piece;
      // A newline in JSON text is only ever between tokens (strings escape theirs): re-indenting
      // each piece is re-indenting the whole.
      for (const chunk of formatJsonChunks(value)) yield chunk.replaceAll("\n", "\n  ");
    }
    piece = "";
  }
  yield `${piece}${first ? "}" : "\n}"}`;
}

/** A list at indent "  " after `before`, entry by entry, in pieces. */
function* formatList<T>(
  list: Iterable<T> & { readonly length: number },
  write: EntryWriter<T>,
  before: string,
): Generator<string> {
  if (list.length === 0) {
    yield `${before}[]`;
    return;
  }
  let piece = `${before}[`;
  let first = true;
  for (const entry of list) {
    piece += `${first ? "\n    " : ",\n    "}${isWritten(entry) ? write(entry, "    ") : "null"}`;
    first = false;
    if (piece.length >= pieceCharacters) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}\n  ]`;
}

/*
 * The entry writers gather an entry's parts in an array and join them once: the entry is one flat
 * string. A template of thirty parts is a tree of as many concatenations, which the batch's join must
 * walk node by node before the text is encoded (a sixth of the writing's CPU on a large audit).
 */

/** A counted user or device (`countedHolder` in the result's schema). */
function writeCountedHolder(holder: CountedHolder, indent: string): string {
  const inner = `${indent}  `;
  const deeper = `${inner}  `;
  const deepest = `${deeper}  `;
  const parts: string[] = [];
  addField(parts, true, inner, '"id": ', JSON.stringify(holder.id));
  addField(parts, false, inner, '"type": ', JSON.stringify(holder.type));
  addField(parts, false, inner, '"events": ', numberText(holder.events));
  addField(parts, false, inner, '"firstSeen": ', JSON.stringify(holder.firstSeen));
  addField(parts, false, inner, '"lastSeen": ', JSON.stringify(holder.lastSeen));
  addField(parts, false, inner, '"cal": ', holder.cal ? "true" : "false");
  addField(parts, false, inner, '"flags": ', stringList(holder.flags, inner));
  addField(parts, false, inner, '"accesses": ', holder.accesses.length === 0 ? "[]" : "[");
  for (const [index, access] of holder.accesses.entries()) {
    parts.push(index === 0 ? "\n" : ",\n", deeper);
    addField(parts, true, deepest, '"server": ', JSON.stringify(access.server));
    addField(parts, false, deepest, '"events": ', numberText(access.events));
    addField(parts, false, deepest, '"firstSeen": ', JSON.stringify(access.firstSeen));
    addField(parts, false, deepest, '"lastSeen": ', JSON.stringify(access.lastSeen));
    addField(parts, false, deepest, '"with": ', stringList(access.with, deepest));
    parts.push("\n", deeper, "}");
  }
  if (holder.accesses.length > 0) parts.push("\n", inner, "]");
  parts.push("\n", indent, "}");
  return parts.join("");
}

/** The evidence behind a CAL holder (`holderEvidence` in the result's schema). */
function writeHolderEvidence(holder: HolderEvidence, indent: string): string {
  const inner = `${indent}  `;
  const parts: string[] = [];
  addField(parts, true, inner, '"id": ', JSON.stringify(holder.id));
  addField(parts, false, inner, '"type": ', JSON.stringify(holder.type));
  addField(parts, false, inner, '"firstSeen": ', JSON.stringify(holder.firstSeen));
  addField(parts, false, inner, '"lastSeen": ', JSON.stringify(holder.lastSeen));
  addField(parts, false, inner, '"servers": ', stringList(holder.servers, inner));
  addField(parts, false, inner, '"events": ', numberText(holder.events));
  addField(parts, false, inner, '"files": ', stringList(holder.files, inner));
  addField(parts, false, inner, '"sample": ', flatRecord(holder.sample, inner));
  addField(parts, false, inner, '"flags": ', stringList(holder.flags, inner));
  parts.push("\n", indent, "}");
  return parts.join("");
}

/** A counted logon at the server itself. */
function writeAtServer(entry: AtServerEntry, indent: string): string {
  const inner = `${indent}  `;
  const parts: string[] = [];
  addField(parts, true, inner, '"server": ', JSON.stringify(entry.server));
  addField(parts, false, inner, '"user": ', JSON.stringify(entry.user));
  addField(parts, false, inner, '"events": ', numberText(entry.events));
  addField(parts, false, inner, '"rule": ', JSON.stringify(entry.rule));
  parts.push("\n", indent, "}");
  return parts.join("");
}

/** Adds `"key": value` (the key with its colon, the value as written) at `indent` to `parts`. */
function addField(parts: string[], first: boolean, indent: string, key: string, value: string) {
  parts.push(first ? "{\n" : ",\n", indent, key, value);
}

/** A list of texts at `indent` (the list's own), joined once from its parts. */
function stringList(list: readonly string[], indent: string): string {
  if (list.length === 0) return "[]";
  const item = `${indent}  `;
  const parts: string[] = [];
  for (const [index, text] of list.entries())
    parts.push(index === 0 ? "[\n" : ",\n", item, JSON.stringify(text));
  parts.push("\n", indent, "]");
  return parts.join("");
}

/** An object at `indent`: its fields of plain values written here, any other value by JSON.stringify. */
function flatRecord(record: object, indent: string): string {
  const inner = `${indent}  `;
  let text = "";
  for (const [key, value] of Object.entries(record)) {
    if (!isWritten(value)) continue;
    const written =
      typeof value === "string"
        ? JSON.stringify(value)
        : typeof value === "number"
          ? numberText(value)
          : typeof value === "boolean" || value === null
            ? String(value)
            : (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${inner}`);
    text += `${text === "" ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: ${written}`;
  }
  return text === "" ? "{}" : `${text}\n${indent}}`;
}

/** A number as JSON writes it (not finite: null). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}

/** Whether JSON.stringify writes a field of this value (not undefined, a function or a symbol). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
