// Adding a newer version to the catalog must not change the advice for an estate that does not run it
// (issue 9): unpriced purchases buy the version the servers need, not the newest in the catalog.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { resolveDeploymentDocument } from "@calwise/app";
import { DEFAULT_CATALOG_PATH, loadCatalog, loadCatalogText } from "@calwise/catalog";
import { type Catalog, evaluateDeployment, parseDocumentText } from "@calwise/core";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The catalog with a future "2031" tier appended to every Windows Server and RDS CAL family. */
function catalogWithFutureTier(): Catalog {
  const text = readFileSync(DEFAULT_CATALOG_PATH, "utf8").replaceAll(
    'versions: ["2008", "2012", "2016", "2019", "2022", "2025"]',
    'versions: ["2008", "2012", "2016", "2019", "2022", "2025", "2031"]',
  );
  assert.ok(text.includes('"2031"'), "the future tier was added");
  return loadCatalogText(text, DEFAULT_CATALOG_PATH);
}

/** What an unpriced evaluation tells the customer to buy. */
function purchases(deployment: unknown, catalog: Catalog, file = join(root, "inline.yaml")) {
  const resolved = resolveDeploymentDocument({ name: file, data: deployment }, catalog);
  return evaluateDeployment(resolved, catalog).purchases.map((p) => ({
    family: p.family,
    version: p.version,
    type: p.type,
    units: p.units,
  }));
}

const estate = {
  servers: [
    { name: "A", product: "ws2012r2-standard" },
    { name: "B", product: "ws2019-standard" },
  ],
  accesses: [
    { user: "u1", device: "d1", server: "A" },
    { user: "u2", device: "d2", server: "B", service: "rds" },
  ],
};

test("an unpriced purchase buys the version the server needs, however new the catalog", () => {
  const today = purchases(estate, loadCatalog());
  assert.deepEqual(today.map((p) => `${p.family} ${p.version} ${p.type} ${p.units}`).sort(), [
    "rds-cal 2019 user 1",
    "ws-cal 2012 user 1",
    "ws-cal 2019 user 1",
  ]);
  assert.deepEqual(purchases(estate, catalogWithFutureTier()), today);
});

test("the Müller example buys the same CALs with a future tier in the catalog", () => {
  const file = join(root, "examples/muller-lodz.yaml");
  const parsed = parseDocumentText(readFileSync(file, "utf8"));
  if ("problems" in parsed) throw new Error(parsed.problems[0]?.message);
  const deployment = parsed.document.data;
  const today = purchases(deployment, loadCatalog(), file);
  assert.ok(today.length > 0 && today.every((p) => p.version !== "2016"), JSON.stringify(today));
  assert.deepEqual(purchases(deployment, catalogWithFutureTier(), file), today);
});
