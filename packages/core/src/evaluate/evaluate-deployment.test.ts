import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import type { PriceListInput } from "../price-list/price-list-schema.ts";
import { evaluateDeployment } from "./evaluate-deployment.ts";
import { evaluationResultSchema } from "./evaluation-result-schema.ts";

const catalog = smallTestCatalog();
const standard = { name: "S1", product: "ws2012-standard" };
/** User and device CALs at the same price [R50], and a 5-pack of user CALs cheaper than five singles. */
const prices: PriceListInput = {
  name: "test prices",
  currency: "EUR",
  items: [
    { sku: "WS12-U", family: "ws-cal", version: "2012", type: "user", price: 3000 },
    { sku: "WS12-D", family: "ws-cal", version: "2012", type: "device", price: 3000 },
    { sku: "WS12-U5", family: "ws-cal", version: "2012", type: "user", packSize: 5, price: 12000 },
  ],
};

function evaluate(input: DeploymentInput) {
  const resolved = resolveDeployment(input, catalog);
  assert.ok(resolved.success, JSON.stringify(!resolved.success && resolved.problems));
  const result = evaluateDeployment(resolved.value, catalog);
  // Every result is a document of the published schema.
  evaluationResultSchema.parse(JSON.parse(JSON.stringify(result)));
  return result;
}

/** What each family needs, as `version type: count (short n)`. */
const required = (result: ReturnType<typeof evaluate>, family = "ws-cal") =>
  result.families
    .find((f) => f.family === family)
    ?.required.map((r) => `${r.version} ${r.type}: ${r.count} (short ${r.shortfall})`);

test("three shift workers sharing one PC need one device CAL, not three user CALs [R28][R29]", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "U{1..3}", device: "KIOSK", server: "S1" }],
    prices,
  });
  assert.deepEqual(required(result), ["2012 device: 1 (short 1)"]);
  assert.equal(result.purchaseTotal, 3000);
  assert.equal(result.compliant, false);
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ["CAL_SHORTFALL"],
  );
});

test("a user with three devices needs one user CAL [R28][R29]", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "alice", device: "PC{1..3}", server: "S1" }],
  });
  assert.deepEqual(required(result), ["2012 user: 1 (short 1)"]);
  // Without a price list nothing has a money cost: the optimiser minimises the number of CALs.
  assert.equal(result.purchaseTotal, null);
  assert.equal(result.currency, null);
});

test("owned CALs of the right version cover the need: compliant, nothing to buy", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "U{1..3}", device: "KIOSK", server: "S1" }],
    owned: [{ family: "ws-cal", version: "2012", type: "device", quantity: 1 }],
    prices,
  });
  assert.equal(result.compliant, true);
  assert.deepEqual(required(result), ["2012 device: 1 (short 0)"]);
  assert.deepEqual(result.purchases, []);
  assert.equal(result.purchaseTotal, 0);
});

test("2008 CALs do not cover a 2012 server: the need is short [R9]", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "alice", server: "S1" }],
    owned: [{ family: "ws-cal", version: "2008", type: "user", quantity: 1 }],
  });
  assert.equal(result.compliant, false);
  assert.deepEqual(required(result), ["2012 user: 1 (short 1)"]);
  const shortfall = result.findings.find((f) => f.code === "CAL_SHORTFALL");
  assert.deepEqual(shortfall?.subject, { family: "ws-cal", version: "2012", type: "user" });
});

test("six users buy the cheapest packs: one 5-pack and one single, 150.00 EUR", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "U{1..6}", server: "S1" }],
    prices,
  });
  assert.deepEqual(
    result.purchases.map((p) =>
      p.packs
        .map((k) => `${k.count} × ${k.sku}`)
        .sort()
        .join(" + "),
    ),
    ["1 × WS12-U + 1 × WS12-U5"],
  );
  assert.equal(result.purchaseTotal, 15000);
});

test("an edition over its user cap is not compliant even with no CAL to buy [R21]", () => {
  const result = evaluate({
    servers: [{ name: "F", product: "ws2012-foundation" }],
    accesses: [{ user: "U{1..16}", server: "F" }],
  });
  assert.equal(result.compliant, false);
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ["EDITION_USER_LIMIT"],
  );
  assert.deepEqual(result.families, []);
});

test("the result lists the assumptions it used, with their values", () => {
  const result = evaluate({
    servers: [standard],
    accesses: [{ user: "ann", server: "S1", service: "admin" }],
  });
  assert.deepEqual(
    result.assumptions.map(
      (a) => `${a.id}=${String(a.value)}${a.overridden ? " (overridden)" : ""}`,
    ),
    ["admin-exemption-scope=per-server"],
  );
  assert.deepEqual(
    result.exemptions.map((e) => e.rule),
    ["admin-only"],
  );
});

test("a shortfall reads as a sentence a sales agent says: what is owned of what is needed, and what to buy", () => {
  const none = evaluate({ servers: [standard], accesses: [{ user: "U{1..7}", server: "S1" }] });
  assert.deepEqual(
    none.findings.map((f) => f.message),
    [
      "You own none of the 7 Windows Server user CALs (version 2012 or later) this deployment needs: buy 7",
    ],
  );
  const some = evaluate({
    servers: [standard],
    accesses: [{ user: "U{1..7}", server: "S1" }],
    owned: [{ family: "ws-cal", version: "2012", type: "user", quantity: 3 }],
  });
  assert.deepEqual(
    some.findings.map((f) => f.message),
    [
      "You own 3 of the 7 Windows Server user CALs (version 2012 or later) this deployment needs: buy 4",
    ],
  );
  const one = evaluate({ servers: [standard], accesses: [{ user: "alice", server: "S1" }] });
  assert.deepEqual(
    one.findings.map((f) => f.message),
    [
      "You do not own the Windows Server user CAL (version 2012 or later) this deployment needs: buy 1",
    ],
  );
});
