// Issue 9, "Unpriced purchases buy the newest version in the catalog": with no price to decide, the purchase is
// the lowest version that covers the need, and a newer version added to the catalog changes nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { type Catalog, evaluateDeployment, resolveDeployment } from "@calwise/core";

const catalog = loadCatalog();

function purchases(c: Catalog) {
  const resolved = resolveDeployment(
    {
      servers: [
        { name: "S1", product: "ws2012-standard" },
        { name: "S2", product: "ws2008r2-datacenter" },
      ],
      accesses: [
        { user: "U1", device: "D1", server: "S1" },
        { user: "U2", device: "D2", server: "S2" },
      ],
    },
    c,
  );
  if (!resolved.success) throw new Error(JSON.stringify(resolved.problems));
  const result = evaluateDeployment(resolved.value, c);
  return result.purchases.map((p) => [p.family, p.version, p.type, p.units]);
}

test("unpriced: each CAL is bought at the version it needs, not the newest in the catalog", () => {
  assert.deepEqual(purchases(catalog), [
    ["ws-cal", "2008", "user", 1],
    ["ws-cal", "2012", "user", 1],
  ]);
});

test("unpriced: a future CAL version added to a copy of the catalog does not change the advice", () => {
  const families = new Map(catalog.families);
  const wsCal = families.get("ws-cal");
  assert.ok(wsCal);
  families.set("ws-cal", { ...wsCal, versions: [...wsCal.versions, "2031"] });
  assert.deepEqual(purchases({ ...catalog, families }), purchases(catalog));
});
