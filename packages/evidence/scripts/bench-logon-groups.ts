/**
 * CPU time, wall time and MB/s of the audit's grouped read (`groupLogonEvents`) per event format, on
 * files written from the fixtures' real events (record ids renumbered, so nothing is a duplicate):
 * event XML (wevtutil), event CSV (Get-WinEvent | Export-Csv) and the EVTX corpus read `repeats`
 * times. Prints one line per format; no timed assertion anywhere.
 * `xml-stream` and `csv-stream` read the same files the way every format was read before its byte
 * scanner: the streaming reader's events recorded one at a time (the reference the scanners equal).
 * Usage: node --import tsx packages/evidence/scripts/bench-logon-groups.ts [megabytes=40] [repeats=20] [formats=xml,csv,evtx,evtx-large,xml-stream,csv-stream]
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpusEvtx } from "../src/evtx/testing/build-corpus-evtx.ts";
import { listEvtxCorpus } from "../src/evtx/testing/evtx-corpus.ts";
import { EventDeduplicator, groupLogonEvents } from "../src/index.ts";
import { fileSource } from "../src/testing/file-source.ts";
import { groupLogonsByReference } from "../src/testing/group-logons-by-reference.ts";

const [megabytes = 40, repeats = 20] = process.argv.slice(2, 4).map(Number);
const formats = (process.argv[4] ?? "xml,csv,evtx").split(",");
const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/events/${name}`, import.meta.url));

/** Repeats a fixture's records to about `megabytes`, renumbering record ids by `renumber`. */
function repeatFixture(
  name: string,
  head: string,
  records: string[],
  renumber: (r: string, id: number) => string,
): string {
  const path = join(tmpdir(), `calwise-bench-groups-${megabytes}MB-${name}`);
  if (existsSync(path)) return path;
  const chunks: string[] = [head];
  let size = head.length;
  let id = 0;
  while (size < megabytes * 1e6) {
    const record = renumber(records[id % records.length] as string, ++id);
    chunks.push(record);
    size += record.length;
  }
  writeFileSync(path, chunks.join(""));
  return path;
}

/** An EVTX file of about `megabytes` made of the corpus's chunks, repeated (buildCorpusEvtx). */
function largeEvtxFile(): string {
  const path = join(tmpdir(), `calwise-bench-groups-${megabytes}MB-large.evtx`);
  if (!existsSync(path))
    writeFileSync(path, buildCorpusEvtx(Math.floor((megabytes * 1e6) / 65536)));
  return path;
}

function xmlFile(): string {
  const text = readFileSync(fixture("logons.wevtutil.xml"), "utf8");
  const events = text.split(/(?=<Event xmlns)/).filter((e) => e.startsWith("<Event"));
  return repeatFixture("wevtutil.xml", "", events, (e, id) =>
    e.replace(/<EventRecordID>\d+</, `<EventRecordID>${id}<`),
  );
}

function csvFile(): string {
  const text = readFileSync(fixture("logons.csv"), "utf8");
  const headEnd = text.indexOf("\n", text.indexOf("\n") + 1) + 1;
  const rows = text
    .slice(headEnd)
    .split(/(?<=")\r\n(?=")/)
    .map((r) => `${r}\r\n`);
  return repeatFixture("events.csv", text.slice(0, headEnd), rows, (r, id) =>
    r.replace(/","(-?\d+)","(\d+)","Microsoft-Windows/, `","$1","${id}","Microsoft-Windows`),
  );
}

async function measure(
  label: string,
  files: readonly string[],
  format: "event-xml" | "event-csv" | "evtx",
  streaming = false,
) {
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let groups = 0;
  let logons = 0;
  const dedupe = new EventDeduplicator();
  for (const file of files) {
    if (streaming) {
      const reference = await groupLogonsByReference(fileSource(file), format, wanted, 0);
      logons += reference.logons;
      groups += reference.groups.length;
      continue;
    }
    const grouping = await groupLogonEvents(fileSource(file), format, {
      dedupe: format === "evtx" ? new EventDeduplicator() : dedupe,
    });
    logons += grouping.logons;
    for (const _ of grouping.groups()) groups++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `${label.padEnd(12)} ${(bytes / 1e6).toFixed(0).padStart(5)} MB ${(bytes / 1e6 / seconds).toFixed(1).padStart(7)} MB/s wall ${seconds.toFixed(2)} s cpu ${cpuSeconds.toFixed(2)} s logons ${logons} groups ${groups} rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

const wanted = new Set([4624]);
if (formats.includes("xml-stream")) await measure("XML stream", [xmlFile()], "event-xml", true);
if (formats.includes("csv-stream")) await measure("CSV stream", [csvFile()], "event-csv", true);
if (formats.includes("xml")) await measure("event XML", [xmlFile()], "event-xml");
if (formats.includes("csv")) await measure("event CSV", [csvFile()], "event-csv");
if (formats.includes("evtx")) {
  const corpus = listEvtxCorpus();
  await measure(
    "EVTX corpus",
    Array.from({ length: repeats as number }, () => corpus).flat(),
    "evtx",
  );
}
if (formats.includes("evtx-large")) await measure("EVTX large", [largeEvtxFile()], "evtx");
