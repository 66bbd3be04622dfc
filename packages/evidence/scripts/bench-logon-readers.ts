/**
 * Throughput of the audit's logon readers, each next to a bare read-stream byte loop over the same
 * bytes in the same run:
 * - Winlogbeat JSON lines: a file written from the fixture's real events (record ids renumbered, one
 *   line in four a 4624 as in a busy Security log), read by the fast scanner and, for comparison, by
 *   JSON.parse of every line;
 * - EVTX: the shared corpus, read `repeats` times by readLogonEvents.
 * Usage: node --import tsx packages/evidence/scripts/bench-logon-readers.ts [megabytes=400] [repeats=20]
 */
import { createReadStream, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listEvtxCorpus } from "../src/evtx/testing/evtx-corpus.ts";
import { readLogonEvents, readWinlogbeatEvents, scanWinlogbeatLogons } from "../src/index.ts";
import { fileSource } from "../src/testing/file-source.ts";

const [megabytes = 400, repeats = 20] = process.argv.slice(2).map(Number);
const fixture = fileURLToPath(
  new URL("../fixtures/events/logons.winlogbeat.ndjson", import.meta.url),
);
const samples = readFileSync(fixture, "utf8").trim().split("\n");
const logons = samples.filter((l) => l.includes('"event_id":"4624"'));
const others = samples
  .filter((l) => !l.includes('"event_id":"4624"'))
  .flatMap((l) =>
    ["4634", "4672", "4776"].map((id) => l.replace(/"event_id":"\d+"/, `"event_id":"${id}"`)),
  );
const jsonl = join(tmpdir(), `calwise-bench-${process.pid}.ndjson`);
{
  const lines: string[] = [];
  let size = 0;
  let record = 0;
  const chunks: string[] = [];
  while (size < megabytes * 1e6) {
    const base = record % 4 === 0 ? logons[record % logons.length] : others[record % others.length];
    const line = (base as string).replace(/"record_id":"\d+"/, `"record_id":"${++record}"`);
    lines.push(line);
    size += line.length + 1;
    if (lines.length === 10_000) chunks.push(`${lines.splice(0).join("\n")}\n`);
  }
  chunks.push(lines.length ? `${lines.join("\n")}\n` : "");
  writeFileSync(jsonl, chunks.join(""));
}

async function byteLoop(files: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const file of files)
    for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 }))
      bytes += (piece as Buffer).length;
  return bytes;
}

async function measure(label: string, bytes: number, pass: () => Promise<number>, unit: string) {
  await pass(); // warm up the JIT and the page cache
  const start = process.hrtime.bigint();
  const count = await pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${label.padEnd(40)} ${(bytes / 1e6 / seconds).toFixed(0).padStart(6)} MB/s ${Math.round(
      count / seconds,
    )
      .toLocaleString("en")
      .padStart(12)} ${unit}/s (${seconds.toFixed(2)} s)`,
  );
}

const jsonlBytes = statSync(jsonl).size;
const lineCount =
  samples.length &&
  (await (async () => {
    let n = 0;
    for await (const piece of createReadStream(jsonl))
      for (const b of piece as Buffer) if (b === 10) n++;
    return n;
  })());
console.log(
  `Winlogbeat JSON lines: ${(jsonlBytes / 1e6).toFixed(0)} MB, ${lineCount.toLocaleString("en")} events`,
);
await measure("byte loop (createReadStream)", jsonlBytes, () => byteLoop([jsonl]), "bytes");
await measure(
  "scanWinlogbeatLogons (4624s)",
  jsonlBytes,
  async () => {
    const reader = scanWinlogbeatLogons(fileSource(jsonl));
    for (;;) {
      const next = await reader.next();
      if (next.done) return next.value.records;
    }
  },
  "events",
);
await measure(
  "JSON.parse every line (events reader)",
  jsonlBytes,
  async () => {
    let n = 0;
    for await (const _ of readWinlogbeatEvents(fileSource(jsonl))) n++;
    return n;
  },
  "events",
);
rmSync(jsonl);

const evtxFiles = listEvtxCorpus();
const evtxBytes = evtxFiles.reduce((n, f) => n + statSync(f).size, 0) * (repeats as number);
console.log(
  `EVTX: the corpus, ${evtxFiles.length} files read ${repeats} times (${(evtxBytes / 1e6).toFixed(0)} MB)`,
);
const repeated = Array.from({ length: repeats as number }, () => evtxFiles).flat();
await measure("byte loop (createReadStream)", evtxBytes, () => byteLoop(repeated), "bytes");
await measure(
  "readLogonEvents (evtx)",
  evtxBytes,
  async () => {
    let n = 0;
    for (const file of repeated) {
      const reader = readLogonEvents(fileSource(file), "evtx");
      for (;;) {
        const next = await reader.next();
        if (next.done) {
          n += next.value.records;
          break;
        }
      }
    }
    return n;
  },
  "events",
);
