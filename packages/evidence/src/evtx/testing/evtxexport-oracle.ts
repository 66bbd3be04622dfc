import { spawn } from "node:child_process";

/** One record as evtxexport's text output lists it. */
export interface EvtxexportRecord {
  readonly recordId: number;
  /** As printed, e.g. "Jul 22, 2020 20:29:36.414827100 UTC". */
  readonly writtenTime: string;
  readonly level: string;
  readonly userSid: string | undefined;
  readonly computer: string;
  readonly source: string;
  readonly eventId: number;
  readonly strings: readonly string[];
}

/** The outcome of running evtxexport: its records, or why it could not run. */
export type EvtxexportResult =
  | { readonly ok: true; readonly records: readonly EvtxexportRecord[] }
  | { readonly ok: false; readonly reason: string };

const fieldLine = /^([A-Za-z ]+?)\t+: ?(.*)$/;
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Converts evtxexport's "Jul 22, 2020 20:29:36.414827100 UTC" to ISO 8601 with 7 fraction digits. */
export function evtxexportTimeToIso(text: string): string {
  const match = /^(\w{3}) (\d{2}), (\d{4}) (\d{2}:\d{2}:\d{2})\.(\d{7})\d{2} UTC$/.exec(text);
  if (match === null) return text;
  const [, month, day, year, time, fraction] = match;
  const monthNumber = String(months.indexOf(month as string) + 1).padStart(2, "0");
  return `${year}-${monthNumber}-${day}T${time}.${fraction}Z`;
}

/**
 * Parses evtxexport's text format. Each record is "Name<TABs>: value" lines separated by one
 * blank line; string values may span lines, so a value runs until the next "String: k+1" line
 * or, for the last one, until the blank line before the next record.
 */
export function parseEvtxexportText(output: string): EvtxexportRecord[] {
  const lines = output.split("\n");
  const starts: number[] = [];
  lines.forEach((line, index) => {
    if (line.startsWith("Event number\t")) starts.push(index);
  });
  const records: EvtxexportRecord[] = [];
  starts.forEach((start, position) => {
    const next = starts[position + 1] ?? lines.length;
    // The record ends before the blank separator line (or the trailing blank lines at the end).
    let end = next;
    if (position + 1 < starts.length) end = next - 1;
    else while (end > start && lines[end - 1] === "") end--;
    const fields = new Map<string, string>();
    const strings: string[] = [];
    let index = start;
    for (; index < end; index++) {
      const line = lines[index] as string;
      if (line.startsWith("String: ")) break;
      const match = fieldLine.exec(line);
      if (match !== null) fields.set(match[1] as string, match[2] as string);
    }
    const count = Number(fields.get("Number of strings") ?? "0");
    for (let k = 1; k <= count; k++) {
      const prefix = new RegExp(`^String: ${k}\\t+: ?`);
      const first = lines[index] ?? "";
      let value = first.replace(prefix, "");
      index++;
      const nextPrefix = `String: ${k + 1}\t`;
      while (index < end && !(k < count && (lines[index] as string).startsWith(nextPrefix))) {
        value += `\n${lines[index]}`;
        index++;
      }
      strings.push(value);
    }
    const identifier = /\((\d+)\)$/.exec(fields.get("Event identifier") ?? "");
    records.push({
      recordId: Number(fields.get("Event number")),
      writtenTime: fields.get("Written time") ?? "",
      level: fields.get("Event level") ?? "",
      userSid: fields.get("User security identifier"),
      computer: fields.get("Computer name") ?? "",
      source: fields.get("Source name") ?? "",
      eventId: identifier === null ? Number.NaN : Number(identifier[1]),
      strings,
    });
  });
  return records;
}

/** What one evtxexport run printed, or why it could not run. */
type EvtxexportOutput =
  | { readonly ok: true; readonly output: string }
  | { readonly ok: false; readonly reason: string };

function runEvtxexportRaw(args: readonly string[]): Promise<EvtxexportOutput> {
  return new Promise((resolve) => {
    const child = spawn("evtxexport", args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (piece: Buffer) => out.push(piece));
    child.stderr.on("data", (piece: Buffer) => err.push(piece));
    child.on("error", (error: NodeJS.ErrnoException) => {
      resolve({
        ok: false,
        reason:
          error.code === "ENOENT"
            ? "evtxexport is not installed: run `apt-get install libevtx-utils` (scripts/setup.sh does this in CI)"
            : `evtxexport could not run: ${error.message}`,
      });
    });
    child.on("close", (code) => {
      if (code === 0) resolve({ ok: true, output: Buffer.concat(out).toString("utf8") });
      else
        resolve({
          ok: false,
          reason: `evtxexport exited with ${code}: ${Buffer.concat(err).toString("utf8")}`,
        });
    });
  });
}

/** Runs Debian's evtxexport (package libevtx-utils) on `file` and parses its text output. */
export async function runEvtxexport(file: string): Promise<EvtxexportResult> {
  const run = await runEvtxexportRaw([file]);
  return run.ok ? { ok: true, records: parseEvtxexportText(run.output) } : run;
}

/** Runs `evtxexport -f xml` on `file`: one XML document per record, in file order. */
export async function runEvtxexportXml(
  file: string,
): Promise<
  | { readonly ok: true; readonly documents: readonly string[] }
  | { readonly ok: false; readonly reason: string }
> {
  const run = await runEvtxexportRaw(["-f", "xml", file]);
  if (!run.ok) return run;
  const body = run.output.replace(/^evtxexport[^\n]*\n+/, "");
  const documents = body.split(/\n\n(?=<Event[ >])/).map((document) => document.trim());
  return { ok: true, documents: documents.filter((document) => document !== "") };
}
