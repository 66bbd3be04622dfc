import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { groupEventCsvLogons } from "./group-event-csv-logons.ts";
import { readEventCsv } from "./read-event-csv.ts";

// Seeded fuzzing of the Get-WinEvent CSV reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
const fixture = fileURLToPath(new URL("../../fixtures/events/logons.csv", import.meta.url));

test("event CSV: hostile and mutated exports are read or refused, every problem located", async () => {
  await fuzzTextReader(fixture, (source, onProblem) => readEventCsv(source, { onProblem }), 12);
});

test("event CSV grouped from bytes: hostile and mutated exports are read or refused, every problem located", async () => {
  await fuzzTextReader(
    fixture,
    async function* (source, onProblem) {
      const grouping = await groupEventCsvLogons(source, {
        onProblem,
        dedupe: new EventDeduplicator(),
      });
      yield* grouping.groups();
      return grouping.summary;
    },
    12,
  );
});
