import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readWindowsEvents } from "../event/read-windows-events.ts";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";

// Seeded fuzzing of the SIEM export readers (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));

const cases = [
  ["Sentinel CSV", "logons.sentinel.csv", "sentinel-csv"],
  ["Sentinel JSON (an array)", "logons.sentinel.json", "sentinel-json"],
  ["Splunk JSON", "logons.splunk.ndjson", "splunk-json"],
  ["flat JSON lines", "logons.flat.ndjson", "flat-json"],
] as const;

for (const [name, file, format] of cases)
  test(`${name}: hostile and mutated exports are read or refused, every problem located`, async () => {
    await fuzzTextReader(
      fixture(file),
      (source, onProblem) => readWindowsEvents(source, format, { onProblem }),
      12,
    );
  });
