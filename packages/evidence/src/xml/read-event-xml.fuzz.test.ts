import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { groupEventXmlLogons } from "./group-event-xml-logons.ts";
import { readEventXml } from "./read-event-xml.ts";

// Seeded fuzzing of the event XML reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
const fixture = fileURLToPath(
  new URL("../../fixtures/events/logons.wevtutil.xml", import.meta.url),
);

test("event XML: hostile and mutated exports are read or refused, every problem located", async () => {
  await fuzzTextReader(fixture, (source, onProblem) => readEventXml(source, { onProblem }), 20);
});

test("event XML grouped from bytes: hostile and mutated exports are read or refused, every problem located", async () => {
  await fuzzTextReader(
    fixture,
    async function* (source, onProblem) {
      const grouping = await groupEventXmlLogons(source, {
        onProblem,
        dedupe: new EventDeduplicator(),
      });
      yield* grouping.groups();
      return grouping.summary;
    },
    20,
  );
});
