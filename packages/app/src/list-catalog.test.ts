import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { listCatalog } from "./list-catalog.ts";

const catalog = loadCatalog();

test("lists the catalog's products, CAL families and rules with their sources", () => {
  const listing = listCatalog(catalog);
  assert.equal(listing.schemaVersion, 1);
  assert.equal(listing.catalogVersion, catalog.version);
  assert.ok(listing.products.some((p) => p.id === "ws2012-standard" && p.sources.length > 0));
  assert.ok(listing.calFamilies.some((f) => f.id === "ws-cal"));
  assert.ok(listing.rules.some((r) => r.id === "cal-per-user-or-device"));
});
