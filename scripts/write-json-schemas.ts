// Writes docs/*.schema.json from the zod schemas (test/json-schemas.test.ts fails when they are stale).
import { writeFileSync } from "node:fs";
import { appJsonSchemas } from "@calwise/app";
import { fileJsonSchemas } from "@calwise/node-files";

for (const [name, schema] of Object.entries({ ...fileJsonSchemas(), ...appJsonSchemas() }))
  writeFileSync(
    new URL(`../docs/${name}`, import.meta.url),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
