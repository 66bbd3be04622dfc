// The advisor with a price list that sells only the current versions: a current edition comes first for a new
// sale, ranked by cost as with any list; the older editions stay listed, unpriced, after the priced ones.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { adviseEdition, priceListSchema, validateCustomerProfile } from "@calwise/core";

const catalog = loadCatalog();
const current = priceListSchema.parse({
  name: "current versions only (hypothetical, not Microsoft prices)",
  currency: "EUR",
  items: [
    { sku: "WS22-STD-2C", product: "ws2022-standard", price: 12000 },
    { sku: "WS22-DC-2C", product: "ws2022-datacenter", price: 69000 },
    { sku: "WS22-ESS", product: "ws2022-essentials", price: 48000 },
    { sku: "WS25-STD-2C", product: "ws2025-standard", price: 13500 },
    { sku: "WS25-DC-2C", product: "ws2025-datacenter", price: 78000 },
    { sku: "WS25-ESS", product: "ws2025-essentials", price: 52000 },
    { sku: "SQL22-STD", product: "sql2022-standard", price: 98000 },
    ...(["user", "device"] as const).flatMap((type) => [
      { sku: `WS22-${type}`, family: "ws-cal", version: "2022", type, price: 4600 },
      { sku: `WS25-${type}`, family: "ws-cal", version: "2025", type, price: 5000 },
      { sku: `RDS22-${type}`, family: "rds-cal", version: "2022", type, price: 12500 },
      { sku: `RDS25-${type}`, family: "rds-cal", version: "2025", type, price: 13500 },
      { sku: `SQL22-${type}`, family: "sql-cal", version: "2022", type, price: 22900 },
    ]),
  ],
});

function advise(input: unknown) {
  const profile = validateCustomerProfile(input);
  assert.ok(profile.success, JSON.stringify(!profile.success && profile.problems));
  return adviseEdition(profile.value, catalog, current);
}

test("20 users: the cheapest current edition, 2022 Essentials, comes first", () => {
  const advice = advise({ users: 20 });
  assert.equal(advice.ranked[0]?.product, "ws2022-essentials");
  assert.equal(advice.ranked[0]?.total, 48000);
  assert.equal(advice.ranked[0]?.calUnits, 0);
  const priced = advice.ranked.filter((o) => o.total !== null).map((o) => o.product);
  assert.deepEqual(priced.slice(0, 2), ["ws2022-essentials", "ws2025-essentials"]);
  assert.ok(
    advice.ranked.some((o) => o.product === "ws2012-standard" && o.total === null),
    "older editions stay listed, unpriced",
  );
});

test("40 users with Remote Desktop and SQL: 2022 Standard with SQL Server 2022 and 2022 CALs", () => {
  const advice = advise({ users: 40, needs: ["sql", "remote-desktop"] });
  const first = advice.ranked[0];
  assert.equal(first?.product, "ws2022-standard");
  assert.match(first?.configuration ?? "", /SQL Server 2022 Standard/);
  assert.deepEqual(first?.cals.map((c) => `${c.family} ${c.version} ${c.type} ${c.units}`).sort(), [
    "rds-cal 2022 user 40",
    "sql-cal 2022 user 40",
    "ws-cal 2022 user 40",
  ]);
  // 8 two-core packs at 120.00, SQL Server at 980.00, 40 × (46.00 + 125.00 + 229.00) of CALs.
  assert.equal(first?.total, 8 * 12000 + 98000 + 40 * (4600 + 12500 + 22900));
  assert.ok(
    advice.ruledOut.some(
      (r) =>
        r.product === "ws2022-essentials" &&
        r.reasons.some(
          (x) => x.code === "EDITION_USER_LIMIT" || x.code.startsWith("EDITION_LACKS"),
        ),
    ),
  );
});
