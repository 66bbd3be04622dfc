import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scratchDirectory } from "../../../../test/scratch-directory.ts";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readAggregatedLogons } from "./read-aggregated-logons.ts";

// Seeded fuzzing of the accesses reader, CSV and JSON lines; `npm run fuzz` runs more.
const rows = [
  [
    "CORP\\alice",
    "PC07",
    "10.0.0.7",
    "FS01",
    "3",
    "2026-01-05T08:00:00Z",
    "2026-03-01T17:00:00Z",
    "41",
  ],
  ["CORP\\bob", "", "10.0.0.9", "FS01", "10", "2026-02-01T08:00:00Z", "2026-02-01T09:00:00Z", "2"],
  ["alice", "", "", "APP01", "2", "2026-02-03T08:00:00.5Z", "2026-02-04T08:00:00Z", "1"],
];
const header = [
  "user",
  "device",
  "address",
  "server",
  "logon_type",
  "first_seen",
  "last_seen",
  "count",
];

// The fixtures are written to a folder of their own, removed when the file's tests end (passed or failed).
const folder = scratchDirectory("calwise-fuzz-accesses-");

function sample(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

test("accesses CSV: hostile and mutated files are read or refused, every problem located", async () => {
  const csv = [header, ...rows].map((r) => r.map((v) => JSON.stringify(v)).join(",")).join("\r\n");
  await fuzzTextReader(
    sample("accesses.csv", `${csv}\r\n`),
    (source, onProblem) => readAggregatedLogons(source, "accesses-csv", { onProblem }),
    12,
  );
});

test("accesses JSON lines: hostile and mutated files are read or refused, every problem located", async () => {
  const lines = rows.map((r) =>
    JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i]]))),
  );
  await fuzzTextReader(
    sample("accesses.ndjson", `${lines.join("\n")}\n`),
    (source, onProblem) => readAggregatedLogons(source, "accesses-jsonl", { onProblem }),
    12,
  );
});
