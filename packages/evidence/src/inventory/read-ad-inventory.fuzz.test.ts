import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readAdInventory } from "./read-ad-inventory.ts";

// Seeded fuzzing of the AD inventory reader (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
for (const file of ["ad-users.csv", "ad-computers.csv"])
  test(`AD export ${file}: hostile and mutated exports are read or refused, every problem located`, async () => {
    const fixture = fileURLToPath(new URL(`../../../../examples/audit/${file}`, import.meta.url));
    await fuzzTextReader(
      fixture,
      (source, onProblem) => readAdInventory(source, { onProblem }),
      25,
    );
  });
