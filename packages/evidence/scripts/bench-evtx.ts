/**
 * Throughput of readEvtx over the EVTX corpus, next to a bare read-stream byte loop over the same
 * files in the same run, so the figure can be judged against what the disk and Node allow.
 * Usage: node --import tsx packages/evidence/scripts/bench-evtx.ts [repeats=20] [--xml]
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { listEvtxCorpus } from "../src/evtx/testing/evtx-corpus.ts";
import { readEvtx } from "../src/index.ts";
import { fileSource } from "../src/testing/file-source.ts";

const repeats = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? "20");
const includeXml = process.argv.includes("--xml");

const files = listEvtxCorpus();
if (files.length === 0)
  throw new Error("no EVTX corpus at ../shared/corpus/evtx from the repository root");
let bytesPerPass = 0;
for (const file of files) bytesPerPass += (await stat(file)).size;

async function byteLoop(): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    for await (const piece of createReadStream(file, { highWaterMark: 65536 }))
      bytes += (piece as Buffer).length;
  }
  return bytes;
}

async function parseAll(): Promise<number> {
  let records = 0;
  for (const file of files) {
    for await (const record of readEvtx(fileSource(file), { includeXml }))
      if (record.recordId >= 0) records++;
  }
  return records;
}

async function measure(label: string, pass: () => Promise<number>, unit: string): Promise<void> {
  await pass(); // warm up the JIT and the page cache
  const start = process.hrtime.bigint();
  let count = 0;
  for (let i = 0; i < repeats; i++) count += await pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const megabytes = (bytesPerPass * repeats) / 1e6;
  const rate =
    unit === "records" ? `, ${Math.round(count / seconds).toLocaleString("en")} records/s` : "";
  console.log(
    `${label.padEnd(28)} ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s${rate}  (${seconds.toFixed(2)} s)`,
  );
}

console.log(
  `${files.length} files, ${(bytesPerPass / 1e6).toFixed(1)} MB per pass, ${repeats} passes${includeXml ? ", with XML" : ""}`,
);
await measure("fs.createReadStream bytes", byteLoop, "bytes");
await measure("readEvtx", parseAll, "records");
