import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { adviseCustomer } from "./advise-customer.ts";
import { datedPriceList } from "./app-test-data.ts";
import { chartEditionCosts, chartEditionCostsInTurns } from "./chart-edition-costs.ts";

const catalog = loadCatalog();

test("the cost of each edition legal today, from today's counts to three times them, each the advice's own", () => {
  const chart = chartEditionCosts({
    profile: { users: 10, devices: 8, sharedDevices: 2 },
    priceLists: [datedPriceList],
    date: "2026-11-28",
    catalog,
  });
  assert.deepEqual(
    chart.points.map((p) => [p.percent, p.users, p.devices, p.sharedDevices]),
    [
      [100, 10, 8, 2],
      [150, 15, 12, 3],
      [200, 20, 16, 4],
      [250, 25, 20, 5],
      [300, 30, 24, 6],
    ],
  );
  assert.equal(chart.currency, "EUR");
  // Every point is the advice for the scaled profile: the same totals, option by option.
  for (const point of chart.points) {
    const advice = adviseCustomer({
      profile: { users: point.users, devices: point.devices, sharedDevices: point.sharedDevices },
      priceLists: [datedPriceList],
      date: "2026-11-28",
      catalog,
    });
    chart.candidates.forEach((candidate, i) => {
      const option = advice.ranked.find(
        (o) => o.product === candidate.product && o.configuration === candidate.configuration,
      );
      assert.equal(point.costs[i]?.total ?? null, option?.total ?? null, `${candidate.product}`);
      assert.equal(point.costs[i]?.ruledOut === null, option !== undefined);
    });
  }
  const standard = chart.candidates.findIndex((c) => c.product === "ws2012-standard");
  assert.ok(standard >= 0);
  const totals = chart.points.map((p) => p.costs[standard]?.total);
  assert.ok(totals.every((t) => typeof t === "number"));
  assert.ok((totals[4] ?? 0) > (totals[0] ?? 0), "more staff cost more CALs");
});

test("an edition with a user cap is ruled out once the counts pass it, with the engine's reason", () => {
  const chart = chartEditionCosts({
    profile: { users: 20 },
    date: "2026-11-28",
    catalog,
    growth: { upToPercent: 200, points: 3 },
  });
  assert.equal(chart.rankedBy, "cal-units");
  const essentials = chart.candidates.findIndex((c) => c.product === "ws2012-essentials");
  assert.ok(essentials >= 0, "Essentials (25 users) serves 20");
  const last = chart.points.at(-1)?.costs[essentials];
  assert.equal(last?.calUnits, null);
  assert.match(last?.ruledOut ?? "", /25/);
});

test("a profile that is not valid is refused, named under profile", () => {
  assert.throws(
    () => chartEditionCosts({ profile: { users: 0 }, date: "2026-11-28", catalog }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.some((p) => p.path === "profile.users"),
  );
});

test("in turns: the same chart, with a turn taken before each point's advice (a server answers others between)", async () => {
  const input = {
    profile: { users: 10, devices: 8, sharedDevices: 2 },
    priceLists: [datedPriceList],
    date: "2026-11-28",
    catalog,
    growth: { upToPercent: 200, points: 4 },
  };
  let turns = 0;
  const chart = await chartEditionCostsInTurns(input, async () => {
    turns += 1;
  });
  assert.equal(turns, 4, "one turn per point");
  assert.deepEqual(chart, chartEditionCosts(input));
});
