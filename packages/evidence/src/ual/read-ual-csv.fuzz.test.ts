import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readUalCsv } from "./read-ual-csv.ts";

// Seeded fuzzing of the UAL CSV reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
test("UAL CSV: hostile and mutated exports are read or refused, every problem located", async () => {
  const fixture = fileURLToPath(new URL("../../fixtures/ual/ual-users.csv", import.meta.url));
  await fuzzTextReader(
    fixture,
    (source, onProblem) => readUalCsv(source, { onProblem, server: "SRV1" }),
    40,
  );
});
