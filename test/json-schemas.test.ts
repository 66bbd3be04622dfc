import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { appJsonSchemas } from "@calwise/app";
import { fileJsonSchemas } from "@calwise/node-files";

it("docs/*.schema.json match the schemas in the code (run `npm run schemas` after changing them)", () => {
  for (const [name, schema] of Object.entries({ ...fileJsonSchemas(), ...appJsonSchemas() })) {
    const onDisk = JSON.parse(readFileSync(new URL(`../docs/${name}`, import.meta.url), "utf8"));
    assert.deepEqual(onDisk, schema, `docs/${name} is stale`);
  }
});
