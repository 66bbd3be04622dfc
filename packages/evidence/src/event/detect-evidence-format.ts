import type { ByteSource } from "../source/byte-source.ts";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import type { EvidenceFormat } from "./evidence-format.ts";

/** The format of an evidence file, or why it could not be told. */
export type DetectedFormat =
  | { readonly ok: true; readonly format: EvidenceFormat }
  | { readonly ok: false; readonly unreadable: boolean; readonly message: string };

/** How much of the input format detection looks at. */
const headSize = 65536;

/** The first `size` bytes of a source (fewer when it is shorter); stops reading there. */
async function readHead(source: ByteSource, size: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of source.open()) {
    pieces.push(piece);
    length += piece.length;
    if (length >= size) break;
  }
  return Buffer.concat(pieces).subarray(0, size);
}

function headerColumns(text: string): Set<string> {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  return new Set(header.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
}

/**
 * Tells an evidence source's format from its first bytes: the EVTX signature, XML, JSON lines, or the
 * header of a PowerShell CSV export (Get-WinEvent, Get-UalUserAccess, Get-UalDeviceAccess,
 * Get-ADUser, Get-ADComputer). The name is not trusted.
 */
export async function detectEvidenceFormat(source: ByteSource): Promise<DetectedFormat> {
  let head: Buffer;
  try {
    head = await readHead(source, headSize);
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
