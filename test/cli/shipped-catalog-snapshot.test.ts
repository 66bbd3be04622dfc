import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { indexValidatedCatalog, validateCatalog } from "@calwise/core";
import { parse } from "yaml";
import { scratchDirectory } from "../scratch-directory.ts";
import { root } from "./run-cli.ts";

/**
 * The CLI bundle reads the shipped catalog from a snapshot validated at build time (scripts/build-cli.mjs)
 * instead of validating packages/catalog/data/catalog.yaml on every run. The snapshot must be exactly what
 * validateCatalog makes of the data file: one built before the data file changed fails here.
 */
const snapshotPath = join(root, "apps/cli/dist/shipped-catalog.json");
const dataPath = join(root, "packages/catalog/data/catalog.yaml");

function validatedSource() {
  const result = validateCatalog(parse(readFileSync(dataPath, "utf8")));
  assert.ok(result.success, "the shipped catalog validates");
  return result.value;
}

test("the bundle's catalog snapshot", async (t) => {
  assert.ok(existsSync(snapshotPath), `${snapshotPath} is missing: run npm run build`);
  const snapshot: unknown = JSON.parse(readFileSync(snapshotPath, "utf8"));

  await t.test("is validateCatalog of the shipped data file (rebuild after changing it)", () => {
    assert.deepStrictEqual(
      snapshot,
      validatedSource().data,
      "apps/cli/dist/shipped-catalog.json is stale: run npm run build",
    );
  });

  await t.test(
    "gives the catalog with every lookup by id, as validating the data file does",
    () => {
      const data = validatedSource().data;
      const catalog = indexValidatedCatalog(data);
      assert.equal(catalog.data, data);
      assert.equal(catalog.version, data.catalogVersion);
      const lookups = [
        [catalog.products, data.products],
        [catalog.families, data.calFamilies],
        [catalog.externalConnectors, data.externalConnectors],
        [catalog.suites, data.suites],
        [catalog.rules, data.rules],
        [catalog.assumptions, data.assumptions],
      ] as const;
      for (const [lookup, items] of lookups) {
        assert.ok(items.length > 0);
        assert.deepStrictEqual(
          [...lookup],
          items.map((item) => [item.id, item]),
        );
      }
    },
  );

  await t.test(
    "does not stand in for a catalog file a user names: that is validated in full",
    () => {
      const dir = scratchDirectory("calwise-catalog-");
      const broken = join(dir, "catalog.yaml");
      // The shipped data with one product's CAL family misspelt: only validation can tell.
      writeFileSync(
        broken,
        readFileSync(dataPath, "utf8").replace(/family: rds-cal\b/, "family: rds-cla"),
      );
      assert.notEqual(readFileSync(broken, "utf8"), readFileSync(dataPath, "utf8"));
      const r = spawnSync(
        process.execPath,
        [
          join(root, "apps/cli/dist/calwise.mjs"),
          ...["evaluate", "examples/muller-lodz.yaml", "--catalog", broken],
        ],
        { cwd: root, encoding: "utf8" },
      );
      assert.equal(r.status, 3, r.stderr); // CATALOG_INVALID
      assert.match(r.stderr, /the catalog .*catalog\.yaml is invalid/);
      assert.match(r.stderr, /rds-cla/);
    },
  );
});
