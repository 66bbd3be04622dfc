import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { deploymentData, priceList } from "./app-test-data.ts";
import { compareDeployments } from "./compare-deployments.ts";
import { deploymentComparisonSchema } from "./deployment-comparison-schema.ts";

const catalog = loadCatalog();
const before = { ...deploymentData, prices: priceList };
const after = {
  ...before,
  servers: [...deploymentData.servers, { name: "S2", product: "ws2012-standard" }],
  users: [...deploymentData.users, "carol"],
  devices: [...deploymentData.devices, "pc3"],
  accesses: [...deploymentData.accesses, { user: "carol", device: "pc3", server: ["S1", "S2"] }],
};

test("names what changed between two revisions and what it does to the CALs needed", () => {
  const comparison = compareDeployments({
    before: { name: "revision 1", data: before },
    after: { name: "revision 2", data: after },
    catalog,
  });
  assert.deepEqual(comparison.servers, { added: ["S2"], removed: [], changed: [] });
  assert.deepEqual(comparison.users, { added: ["carol"], removed: [] });
  assert.deepEqual(comparison.devices, { added: ["pc3"], removed: [] });
  assert.deepEqual(comparison.accesses, { before: 2, after: 4 });
  const total = (side: "before" | "after") =>
    comparison.cals.reduce((sum, row) => sum + row[side].required, 0);
  // One kiosk device CAL covers alice and bob; carol's own PC needs one more CAL of either type.
  assert.equal(total("before"), 1);
  assert.equal(total("after"), 2);
  assert.equal(
    comparison.cals.reduce((sum, row) => sum + row.change, 0),
    1,
  );
  assert.ok((comparison.purchaseTotal.after ?? 0) > (comparison.purchaseTotal.before ?? 0));
  assert.ok(deploymentComparisonSchema.safeParse(comparison).success);
});

test("the same document twice changes nothing", () => {
  const comparison = compareDeployments({
    before: { name: "a", data: before },
    after: { name: "b", data: before },
    catalog,
  });
  assert.deepEqual(comparison.users, { added: [], removed: [] });
  assert.ok(comparison.cals.every((row) => row.change === 0));
  assert.deepEqual(comparison.findings, { added: [], resolved: [] });
});

test("a problem in either document names that document", () => {
  assert.throws(
    () =>
      compareDeployments({
        before: { name: "revision 1", data: before },
        after: {
          name: "revision 2",
          data: { ...after, servers: [{ name: "S", product: "nope" }] },
        },
        catalog,
      }),
    (error: unknown) =>
      error instanceof CalwiseError && error.problems.every((p) => p.file === "revision 2"),
  );
});
