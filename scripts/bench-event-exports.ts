// Event-export files for `calwise audit` end to end: the evidence fixtures' real logon events (taken from
// the shared EVTX corpus) repeated to a size with their record ids renumbered, so none is a duplicate;
// event XML as `wevtutil qe /f:xml` writes it and event CSV as `Get-WinEvent | Export-Csv` writes it (the
// same files as packages/evidence/scripts/bench-logon-groups.ts). In the OS temporary directory, reused.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A written export and its size. */
export interface EventExportFile {
  readonly path: string;
  readonly bytes: number;
  readonly records: number;
}

const fixture = (name: string) =>
  fileURLToPath(new URL(`../packages/evidence/fixtures/events/${name}`, import.meta.url));

/** Writes (or reuses) `head` and `records` repeated to about `megabytes`, each renumbered by `renumber`. */
function repeatRecords(
  name: string,
  megabytes: number,
  head: string,
  records: readonly string[],
  renumber: (record: string, id: number) => string,
): EventExportFile {
  const path = join(tmpdir(), `calwise-bench-exports-${megabytes}MB-${name}`);
  const countPath = `${path}.records`;
  if (existsSync(path) && existsSync(countPath))
    return { path, bytes: statSync(path).size, records: Number(readFileSync(countPath, "utf8")) };
  const pieces = [head];
  let size = head.length;
  let id = 0;
  while (size < megabytes * 1e6) {
    const record = renumber(records[id % records.length] as string, ++id);
    pieces.push(record);
    size += record.length;
  }
  writeFileSync(`${path}.partial`, pieces.join(""));
  renameSync(`${path}.partial`, path);
  writeFileSync(countPath, String(id));
  return { path, bytes: statSync(path).size, records: id };
}

/** Event XML (`wevtutil qe Security /f:xml`) of about `megabytes`. */
export function writeEventXmlFile(megabytes: number): EventExportFile {
  const text = readFileSync(fixture("logons.wevtutil.xml"), "utf8");
  const events = text.split(/(?=<Event xmlns)/).filter((event) => event.startsWith("<Event"));
  return repeatRecords("wevtutil.xml", megabytes, "", events, (event, id) =>
    event.replace(/<EventRecordID>\d+</, `<EventRecordID>${id}<`),
  );
}

/** Event CSV (`Get-WinEvent | Export-Csv`) of about `megabytes`. */
export function writeEventCsvFile(megabytes: number): EventExportFile {
  const text = readFileSync(fixture("logons.csv"), "utf8");
  const headEnd = text.indexOf("\n", text.indexOf("\n") + 1) + 1;
  const rows = text
    .slice(headEnd)
    .split(/(?<=")\r\n(?=")/)
    .map((row) => `${row}\r\n`);
  return repeatRecords("events.csv", megabytes, text.slice(0, headEnd), rows, (row, id) =>
    row.replace(/","(-?\d+)","(\d+)","Microsoft-Windows/, `","$1","${id}","Microsoft-Windows`),
  );
}

/**
 * Microsoft Sentinel `SecurityEvent` CSV (the portal's export: `TimeGenerated [UTC]` as `M/D/YYYY,
 * h:mm:ss.fff AM`) of about `megabytes`: the fixture's rows repeated, each user name given one of
 * 20,000 suffixes so the audit has an estate's distinct accesses, not the fixture's few (the export
 * has no record id, so no repeat is a duplicate).
 */
export function writeSentinelCsvFile(megabytes: number): EventExportFile {
  const text = readFileSync(fixture("logons.sentinel.csv"), "utf8");
  const headEnd = text.indexOf("\n") + 1;
  const header = text
    .slice(0, headEnd)
    .replace(/^\ufeff/, "")
    .trim()
    .slice(1, -1)
    .split('","');
  const user = header.indexOf("TargetUserName");
  const rows = text
    .slice(headEnd)
    .split(/\r?\n/)
    .filter((row) => row !== "")
    .map((row) => `${row}\r\n`);
  return repeatRecords("sentinel.csv", megabytes, text.slice(0, headEnd), rows, (row, id) => {
    const fields = row.slice(1, -3).split('","');
    fields[user] = `${fields[user]}-${id % 20_000}`;
    return `"${fields.join('","')}"\r\n`;
  });
}

/** A record's members with the user name given one of 20,000 suffixes and, when it has one, its record number `id`. */
function varyRecord(record: Record<string, unknown>, user: string, id: number, recordKey?: string) {
  const varied: Record<string, unknown> = { ...record, [user]: `${record[user]}-${id % 20_000}` };
  if (recordKey !== undefined && recordKey in record) varied[recordKey] = id;
  return varied;
}

/**
 * Microsoft Sentinel `SecurityEvent` as JSON lines (what a Log Analytics data export writes, one
 * record a line) of about `megabytes`: the fixture's records repeated, user names varied as in
 * writeSentinelCsvFile (no record id, so no repeat is a duplicate).
 */
export function writeSentinelJsonFile(megabytes: number): EventExportFile {
  const records = JSON.parse(readFileSync(fixture("logons.sentinel.json"), "utf8")) as Record<
    string,
    unknown
  >[];
  const lines = records.map((record) => JSON.stringify(record));
  return repeatRecords(
    "sentinel.ndjson",
    megabytes,
    "",
    lines,
    (line, id) => `${JSON.stringify(varyRecord(JSON.parse(line), "TargetUserName", id))}\n`,
  );
}

/**
 * Flat JSON lines (NXLog's `to_json()`, the event data at the top level) of about `megabytes`: the
 * fixture's lines repeated, user names varied as in writeSentinelCsvFile, record numbers renumbered.
 */
export function writeFlatJsonFile(megabytes: number): EventExportFile {
  const lines = readFileSync(fixture("logons.flat.ndjson"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  return repeatRecords(
    "flat.ndjson",
    megabytes,
    "",
    lines,
    (line, id) =>
      `${JSON.stringify(varyRecord(JSON.parse(line), "TargetUserName", id, "RecordNumber"))}\n`,
  );
}
