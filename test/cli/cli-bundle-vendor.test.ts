import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Script } from "node:vm";
import { root } from "./run-cli.ts";

/**
 * The CLI bundle runs zod, yaml and commander from scripts of their own with V8's code cache
 * (`cachedVendor`, scripts/cli-bundle-plugins.mjs). The cache must be one this Node accepts (else every run
 * compiles them again, correct but slow: rebuild), and each package must be in the bundle once, in its script
 * (a second copy in a chunk would be compiled without the cache, and its classes would not be the script's).
 */
const dist = join(root, "apps/cli/dist");
const packages = [
  // Each with a string only its own code holds.
  { name: "zod", marker: "$ZodType" },
  { name: "yaml", marker: "yaml.alias" },
  { name: "commander", marker: "commander.unknownOption" },
];

test("the CLI bundle's vendor scripts", async (t) => {
  assert.ok(existsSync(join(dist, "calwise.mjs")), `${dist} has no bundle: run npm run build`);
  const chunks = readdirSync(dist).filter((name) => name.endsWith(".mjs"));
  assert.ok(chunks.length > 10);

  for (const { name, marker } of packages) {
    await t.test(`${name}: its code cache is accepted by this Node`, () => {
      const file = join(dist, `vendor-${name}.js`);
      const script = new Script(readFileSync(file, "utf8"), {
        filename: file,
        cachedData: readFileSync(join(dist, `vendor-${name}.cache`)),
      });
      assert.equal(script.cachedDataRejected, false, "the cache is stale: run npm run build");
    });

    await t.test(`${name}: bundled once, in its script only`, () => {
      assert.ok(readFileSync(join(dist, `vendor-${name}.js`), "utf8").includes(marker));
      const copies = chunks.filter((chunk) =>
        readFileSync(join(dist, chunk), "utf8").includes(marker),
      );
      assert.deepEqual(copies, []);
    });
  }
});
