import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readEventXml } from "./read-event-xml.ts";

// Seeded fuzzing of the event XML reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
test("event XML: hostile and mutated exports are read or refused, every problem located", async () => {
  const fixture = fileURLToPath(
    new URL("../../fixtures/events/logons.wevtutil.xml", import.meta.url),
  );
  await fuzzTextReader(fixture, (source, onProblem) => readEventXml(source, { onProblem }), 20);
});
