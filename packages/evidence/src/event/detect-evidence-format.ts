import { open } from "node:fs/promises";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import type { EvidenceFormat } from "./evidence-format.ts";

/** The format of an evidence file, or why it could not be told. */
export type DetectedFormat =
  | { readonly ok: true; readonly format: EvidenceFormat }
  | { readonly ok: false; readonly unreadable: boolean; readonly message: string };

function headerColumns(text: string): Set<string> {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  return new Set(header.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
}

/**
 * Tells an evidence file's format from its first bytes: the EVTX signature, XML, JSON lines, or the
 * header of a PowerShell CSV export (Get-WinEvent, Get-UalUserAccess, Get-UalDeviceAccess,
 * Get-ADUser, Get-ADComputer). The file name is not trusted.
 */
export async function detectEvidenceFormat(path: string): Promise<DetectedFormat> {
  let head: Buffer;
  try {
    const file = await open(path, "r");
    try {
      const buffer = Buffer.alloc(65536);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    return { ok: false, unreadable: true, message: describeReadError(error) };
  }
  if (head.length === 0) return { ok: false, unreadable: false, message: "the file is empty" };
  if (head.subarray(0, 8).toString("latin1") === "ElfFile\0") return { ok: true, format: "evtx" };
  const { encoding, bom } = detectTextEncoding(head);
  const text = new TextDecoder(encoding).decode(head.subarray(bom)).replace(/^\uFEFF/, "");
  const start = text.trimStart();
  if (start.startsWith("<")) return { ok: true, format: "event-xml" };
  if (start.startsWith("{")) return { ok: true, format: "winlogbeat-jsonl" };
  const columns = headerColumns(text);
  const has = (c: string) => columns.has(c);
  if (has("UserName") && has("RoleName")) return { ok: true, format: "ual-user-csv" };
  if (has("IPAddress") && has("RoleName")) return { ok: true, format: "ual-device-csv" };
  if (has("SamAccountName") && !has("OperatingSystem")) return { ok: true, format: "ad-user-csv" };
  if (has("Name") && (has("DNSHostName") || has("OperatingSystem")))
    return { ok: true, format: "ad-computer-csv" };
  if (has("Id") && has("TimeCreated")) return { ok: true, format: "event-csv" };
  return {
    ok: false,
    unreadable: false,
    message:
      "not a known evidence format: expected EVTX, event XML, Winlogbeat JSON lines, or the CSV of Get-WinEvent, Get-UalUserAccess, Get-UalDeviceAccess, Get-ADUser or Get-ADComputer",
  };
}
