import assert from "node:assert/strict";
import { test } from "node:test";
import { buildQuote, type Quote } from "@calwise/core";
import fc from "fast-check";
import { catalog, prices2026, quoteRequest } from "./quote-fixtures.ts";

const office = (product: string, users = 3) => ({
  name: "office",
  servers: [{ name: "SRV1", product }],
  accesses: [{ user: `U{1..${users}}`, device: `PC{1..${users}}`, server: "SRV1" }],
});
const serverOnly = {
  name: "just a server",
  servers: [{ name: "DC1", product: "ws2012r2-standard" }],
};

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
function assertAddsUp(q: Quote): void {
  assert.equal(q.subtotal, sum(q.lines.map((l) => l.amount)));
  assert.equal(q.total, q.subtotal - sum(q.discounts.map((d) => d.amount)));
  assert.equal(q.total, sum(q.lines.map((l) => l.net)));
  for (const l of q.lines) {
    assert.equal(l.amount, l.quantity * l.unitPrice);
    assert.equal(l.net, l.amount - l.discount);
  }
}

test("buildQuote", async (t) => {
  await t.test(
    "refuses a CAL-requiring server without CALs or a recorded reason, naming the server and the rule",
    () => {
      const r = buildQuote(quoteRequest(serverOnly), catalog, prices2026);
      assert.equal(r.success, false);
      if (r.success) return;
      const refusal = r.problems.find((p) => p.code === "CALS_NOT_QUOTED");
      assert.ok(refusal, JSON.stringify(r.problems));
      assert.equal(refusal.path, "deployment.servers[0]");
      assert.match(
        refusal.message,
        /cannot quote server DC1 \(Windows Server 2012 R2 Standard\) without CALs/,
      );
      assert.match(refusal.message, /rule cal-per-user-or-device/);
      assert.match(refusal.message, /Windows Server CAL 2012 or later/);
      assert.match(refusal.message, /already-owned .* or anonymous-only/);
    },
  );

  await t.test("also refuses when the only accesses are exempt (admin-only)", () => {
    const r = buildQuote(
      quoteRequest({
        ...serverOnly,
        accesses: [{ user: "A1", device: "ADM1", server: "DC1", service: "admin" }],
      }),
      catalog,
      prices2026,
    );
    assert.equal(r.success, false);
    if (!r.success)
      assert.match(
        r.problems[0]?.message ?? "",
        /only accesses in the deployment are exempt \(admin-only\)/,
      );
  });

  await t.test(
    "quotes the server alone when the customer already owns recent enough CALs, and says so",
    () => {
      const r = buildQuote(
        quoteRequest(serverOnly, {
          omittedCals: [
            {
              reason: "already-owned",
              family: "ws-cal",
              version: "2012",
              type: "user",
              quantity: 25,
              note: "Open Licence 4711",
            },
          ],
        }),
        catalog,
        prices2026,
      );
      assert.ok(r.success, JSON.stringify(!r.success && r.problems));
      assert.deepEqual(
        r.value.lines.filter((l) => !l.informational).map((l) => l.sku),
        ["WS12R2-STD-2P"],
      );
      assert.match(
        r.value.omittedCals[0]?.statement ?? "",
        /already owns 25 Windows Server CALs 2012 \(user\): Open Licence 4711/,
      );
      assert.ok(r.value.lines.some((l) => l.kind === "owned-cals" && l.quantity === 25));
    },
  );

  await t.test("refuses owned CALs older than the server (version-or-later)", () => {
    const r = buildQuote(
      quoteRequest(serverOnly, {
        omittedCals: [
          {
            reason: "already-owned",
            family: "ws-cal",
            version: "2008",
            type: "user",
            quantity: 25,
          },
        ],
      }),
      catalog,
      prices2026,
    );
    assert.equal(r.success, false);
    if (!r.success)
      assert.match(
        r.problems[0]?.message ?? "",
        /25 owned ws-cal 2008 are older than the server \(rule version-or-later\)/,
      );
  });

  await t.test("counts recorded owned CALs in the evaluation: only the rest is bought", () => {
    const r = buildQuote(
      quoteRequest(office("ws2012-standard", 12), {
        omittedCals: [
          {
            reason: "already-owned",
            family: "ws-cal",
            version: "2012",
            type: "user",
            quantity: 10,
          },
        ],
      }),
      catalog,
      prices2026,
    );
    assert.ok(r.success);
    const bought = r.value.lines
      .filter((l) => l.kind === "cal")
      .reduce((s, l) => s + l.quantity * l.packSize, 0);
    assert.equal(bought, 2);
  });

  await t.test(
    "accepts anonymous-only servers and rejects the reason when users authenticate",
    () => {
      const web = { name: "web", servers: [{ name: "WEB", product: "ws2012-standard" }] };
      const ok = buildQuote(
        quoteRequest(web, {
          omittedCals: [{ reason: "anonymous-only", server: "WEB", note: "public site" }],
        }),
        catalog,
        prices2026,
      );
      assert.ok(ok.success);
      assert.match(
        ok.value.omittedCals[0]?.statement ?? "",
        /No CALs for WEB: it is reached only anonymously .*\(public site\)/,
      );
      assert.equal(ok.value.omittedCals[0]?.rule, "anonymous-internet");
      const bad = buildQuote(
        quoteRequest(
          { ...web, accesses: [{ user: "U1", device: "PC1", server: "WEB" }] },
          { omittedCals: [{ reason: "anonymous-only", server: "WEB" }] },
        ),
        catalog,
        prices2026,
      );
      assert.equal(bad.success, false);
      if (!bad.success) assert.equal(bad.problems[0]?.code, "REASON_CONTRADICTS_DEPLOYMENT");
    },
  );

  await t.test(
    "refuses a deployment that breaks an edition limit, with the finding and its rule",
    () => {
      const r = buildQuote(quoteRequest(office("ws2012-foundation", 16)), catalog, prices2026);
      assert.equal(r.success, false);
      if (!r.success) {
        assert.equal(r.problems[0]?.code, "EDITION_USER_LIMIT");
        assert.match(r.problems[0]?.message ?? "", /rule edition-limit/);
        // The refusal names the editions that can serve 16 users, computed by the engine, not hard-coded.
        assert.match(
          r.problems[0]?.message ?? "",
          /\. Editions that can serve it: Windows Server 2012 Standard, Windows Server 2012 Datacenter, Windows Server 2012 Essentials, .*Windows Server 2025 Essentials: rule edition-limit \[/,
        );
      }
    },
  );

  await t.test("refuses what the price list does not price, and a currency it is not in", () => {
    const noProducts = {
      ...prices2026,
      items: prices2026.items.filter((i) => i.product === undefined),
    };
    const r = buildQuote(quoteRequest(office("ws2012-standard")), catalog, noProducts);
    assert.equal(r.success, false);
    if (!r.success) assert.equal(r.problems[0]?.code, "PRICE_MISSING");
    const usd = buildQuote(
      quoteRequest(office("ws2012-standard"), { currency: "USD" }),
      catalog,
      prices2026,
    );
    assert.equal(usd.success, false);
    if (!usd.success) assert.equal(usd.problems[0]?.code, "CURRENCY_MISMATCH");
  });

  await t.test(
    "applies discounts with the named rounding and keeps the totals equal to the sum of the lines",
    () => {
      const r = buildQuote(
        quoteRequest(office("ws2012-standard", 7), {
          rounding: "half-up",
          discounts: [
            { label: "partner", percent: "7.5", appliesTo: "cals" },
            { label: "loyalty", amount: 1001 },
          ],
        }),
        catalog,
        prices2026,
      );
      assert.ok(r.success);
      const q = r.value;
      // 7 user CALs: 5-pack 185.00 + 2 × 39.00 = 263.00; 7.5 % = 19.725 → 19.73 half-up
      assert.equal(q.discounts[0]?.base, 26_300);
      assert.equal(q.discounts[0]?.amount, 1973);
      assert.equal(q.discounts[1]?.amount, 1001);
      assert.equal(q.subtotal, 79_000 + 26_300);
      assert.equal(q.total, 79_000 + 26_300 - 1973 - 1001);
      assertAddsUp(q);
    },
  );

  await t.test(
    "2019 needs priced with 2022 CALs (the list has no 2019 ones) say 2019 is needed and 2022 bought",
    () => {
      const r = buildQuote(quoteRequest(office("ws2019-standard", 5)), catalog, prices2026);
      assert.ok(r.success, JSON.stringify(!r.success && r.problems));
      const cals = r.value.lines.filter((l) => l.kind === "cal");
      assert.deepEqual(
        cals.map((l) => [l.description, l.detail]),
        [
          [
            "Windows Server CAL 2022, user, 5-pack",
            "5 user CALs for 5 users that need version 2019 or later, as 2022 user CALs",
          ],
        ],
      );
    },
  );

  await t.test("adds up for any office size, discount and rounding rule", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(
          "ws2012-standard",
          "ws2008r2-standard",
          "sbs2011-standard",
          "ws2016-datacenter",
        ),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom("half-even", "half-up", "half-down", "up", "down"),
        (users, product, basisPoints, rounding) => {
          fc.pre(product !== "sbs2011-standard" || users <= 75);
          const percent = `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;
          const r = buildQuote(
            quoteRequest(office(product, users), {
              rounding,
              discounts: [{ label: "d", percent }],
            }),
            catalog,
            prices2026,
          );
          assert.ok(r.success, JSON.stringify(!r.success && r.problems));
          assertAddsUp(r.value);
        },
      ),
      { numRuns: 40 },
    );
  });
});
