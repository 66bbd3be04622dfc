import assert from "node:assert/strict";
import { test } from "node:test";
import { storeExamplePriceLists } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

interface Chart {
  currency: string | null;
  candidates: { product: string; configuration: string }[];
  points: {
    percent: number;
    users: number;
    costs: { total: number | null; ruledOut: string | null }[];
  }[];
}

interface Advice {
  ranked: { product: string; configuration: string; total: number | null }[];
}

/** POST /v1/advice/costs: the advice re-run as the counts grow, each point the advice's own figures. */
export function defineAdviceCostCases(harness: ServiceHarness): void {
  test("edition costs over growth: each point is what POST /v1/advice answers for those counts", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales", "costs");
    const s = await signIn(app, org.slug, user.email);
    await storeExamplePriceLists(app, s);
    const profile = { users: 20, devices: 16, sharedDevices: 4 };
    const r = await app.request(
      "/v1/advice/costs",
      asSession(s, "POST", {
        profile,
        date: "2026-11-28",
        growth: { upToPercent: 200, points: 3 },
      }),
    );
    assert.equal(r.status, 200, await r.clone().text());
    const chart = (await r.json()) as Chart;
    assert.equal(chart.currency, "EUR");
    assert.deepEqual(
      chart.points.map((p) => [p.percent, p.users]),
      [
        [100, 20],
        [150, 30],
        [200, 40],
      ],
    );
    const last = chart.points[2];
    assert.ok(last);
    const advice = (await (
      await app.request(
        "/v1/advice",
        asSession(s, "POST", {
          profile: { users: 40, devices: 32, sharedDevices: 8 },
          date: "2026-11-28",
        }),
      )
    ).json()) as Advice;
    chart.candidates.forEach((c, i) => {
      const option = advice.ranked.find(
        (o) => o.product === c.product && o.configuration === c.configuration,
      );
      assert.equal(last.costs[i]?.total ?? null, option?.total ?? null, c.product);
    });
    const essentials = chart.candidates.findIndex((c) => c.product === "ws2012-essentials");
    assert.ok(essentials >= 0);
    assert.match(last.costs[essentials]?.ruledOut ?? "", /25/, "Essentials stops at 25 users");
  });

  test("edition costs over growth: a bad profile or growth is a 400 naming the field; a customer user is refused", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales", "costs-bad");
    const s = await signIn(app, org.slug, user.email);
    const bad = await app.request(
      "/v1/advice/costs",
      asSession(s, "POST", { profile: { users: 5 }, growth: { upToPercent: 900 }, unpriced: true }),
    );
    assert.equal(bad.status, 400);
    const problem = (await bad.json()) as { problems: { path: string }[] };
    assert.ok(
      problem.problems.some((p) => p.path.startsWith("growth")),
      JSON.stringify(problem),
    );
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Buyer" }))
    ).json()) as { id: string };
    const buyer = await store.users.create(org.id, {
      email: "buyer@costs.example",
      displayName: "buyer",
      role: "customer",
      customerId: customer.id,
      passwordHash: user.passwordHash,
    });
    const b = await signIn(app, org.slug, buyer.email);
    const refused = await app.request(
      "/v1/advice/costs",
      asSession(b, "POST", { profile: { users: 5 }, unpriced: true }),
    );
    assert.equal(refused.status, 403);
  });
}
