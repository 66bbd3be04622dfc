import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readEventCsv } from "./read-event-csv.ts";

// Seeded fuzzing of the Get-WinEvent CSV reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
test("event CSV: hostile and mutated exports are read or refused, every problem located", async () => {
  const fixture = fileURLToPath(new URL("../../fixtures/events/logons.csv", import.meta.url));
  await fuzzTextReader(fixture, (source, onProblem) => readEventCsv(source, { onProblem }), 12);
});
