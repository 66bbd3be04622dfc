// The real-money optimiser on the sizes issue 10 names, one line of JSON per case: time, exactness, cost, bound,
// gap and the method (cuts). Not part of `npm run bench` and not a test (no timed assertion): run it alone,
// `npx tsx scripts/bench-real-money.ts [estate|issue|audit]`; timings on a shared machine vary a lot.
import { loadCatalog } from "@calwise/catalog";
import { evaluateDeployment, resolveDeployment } from "@calwise/core";
import type { CalFamily } from "../packages/core/src/catalog/catalog-schema.ts";
import type { OwnedPool } from "../packages/core/src/compliance/allocate-owned.ts";
import { planFamilyCover } from "../packages/core/src/optimise/plan-family-cover.ts";
import { createPriceBook } from "../packages/core/src/price-list/price-book.ts";
import type { DemandItem } from "../packages/core/src/rules/derive-cal-demand.ts";
import { loadHighsSolver } from "../packages/node-files/src/load-highs-solver.ts";
import { generateAccessGraph } from "./bench-access-graph.ts";

const catalog = loadCatalog();
const family = catalog.families.get("ws-cal") as CalFamily;
const discount: Record<number, number> = { 1: 1, 5: 0.95, 10: 0.93, 50: 0.9 };
// Packs of 1/5/10/50 at every version and type; newer versions 10 % dearer per step.
const priceList = {
  name: "bench",
  currency: "EUR",
  items: ["2008", "2012", "2016"].flatMap((version, step) =>
    (["user", "device"] as const).flatMap((type) =>
      [1, 5, 10, 50].map((size) => ({
        sku: `${version}-${type}-${size}`,
        family: "ws-cal",
        version,
        type,
        packSize: size,
        price: Math.round(
          size * (type === "user" ? 4500 : 3800) * (1 + step * 0.1) * (discount[size] as number),
        ),
      })),
    ),
  ),
};
const prices = createPriceBook(priceList, catalog);
// `--no-mip` measures the engine without the solver port (the cuts, bounds and search alone).
const solver = process.argv.includes("--no-mip") ? undefined : await loadHighsSolver();

const pair = { family: "ws-cal", server: "S", deviceOnly: false, userOnly: false, external: false };

function item(user: string, device: string, tier: number, access: number): DemandItem {
  return { ...pair, tier, user, device, access, rules: [] };
}

function report(label: string, items: readonly DemandItem[], pools: OwnedPool[]): void {
  const start = performance.now();
  const plan = planFamilyCover(
    family,
    items,
    pools,
    new Map(),
    prices,
    [],
    solver ? { solver } : {},
  );
  const ms = Math.round(performance.now() - start);
  const gap = plan.trueCost - plan.lowerBound;
  console.log(
    JSON.stringify({
      label,
      pairs: items.length,
      ms,
      exactness: plan.exactness,
      cost: plan.trueCost,
      lowerBound: plan.lowerBound,
      gapPercent: plan.trueCost === 0 ? 0 : Number(((gap / plan.trueCost) * 100).toFixed(4)),
      method: plan.method,
    }),
  );
}

/** Generated estates of about 2,000 pairs (two tiers) with owned pools, binding and not. */
function estates(): void {
  for (const seed of [1, 2, 3]) {
    const g = generateAccessGraph("estate", 2_000, seed);
    const items = Array.from(g.pairUser, (u, k) =>
      item(`U${u}`, `D${g.pairDevice[k]}`, g.pairTier[k] as number, k),
    );
    report(`estate ${seed}, 5 included`, items, [
      { type: "either", tier: 0, quantity: 5, source: "included" },
    ]);
    report(`estate ${seed}, binding pools`, items, [
      { type: "user", tier: 1, quantity: 200, source: "owned" },
      { type: "either", tier: 0, quantity: 5, source: "included" },
      { type: "device", tier: 0, quantity: 40, source: "owned" },
    ]);
  }
}

/** 100k users each on their own PC, 95k more pairs to 5,000 shared kiosks, 50,000 owned 2012 user CALs. */
function issue(): void {
  let x = 11;
  const random = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const items: DemandItem[] = [];
  for (let u = 0; u < 100_000; u++)
    items.push(item(`U${u}`, `PC${u}`, random(10) === 0 ? 2 : 1, items.length));
  for (let k = 0; k < 95_000; k++)
    items.push(item(`U${random(100_000)}`, `K${random(5_000)}`, 1, items.length));
  report("100k users, 50,000 owned user CALs", items, [
    { type: "user", tier: 1, quantity: 50_000, source: "owned" },
  ]);
}

/** 60 servers (a third 2008 R2), 3,000 users: the cuts with and without 5 included CALs per 2008 R2 server. */
function audit(): void {
  for (const product of ["ws2008r2-datacenter", "ws2008r2-standard"]) {
    let x = 7;
    const random = (n: number) => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x % n;
    };
    const servers = Array.from({ length: 60 }, (_, i) => ({
      name: `S${i}`,
      product: i % 3 === 0 ? product : i % 3 === 1 ? "ws2012-standard" : "ws2016-standard",
    }));
    const accesses: { user: string; device: string; server: string }[] = [];
    for (let u = 0; u < 3_000; u++)
      for (let k = 0; k < 3; k++)
        accesses.push({ user: `U${u}`, device: `D${random(2_500)}`, server: `S${random(60)}` });
    const resolved = resolveDeployment({ servers, accesses, prices: priceList }, catalog);
    if (!resolved.success) throw new Error(JSON.stringify(resolved.problems.slice(0, 3)));
    const start = performance.now();
    const result = evaluateDeployment(resolved.value, catalog);
    const f = result.families.find((r) => r.family === "ws-cal");
    console.log(
      JSON.stringify({
        label: `audit-like, 2008 R2 servers are ${product}`,
        ms: Math.round(performance.now() - start),
        ...f?.optimisation,
        certificate: undefined,
      }),
    );
  }
}

const which = process.argv[2] ?? "estate";
if (which === "estate") estates();
if (which === "issue") issue();
if (which === "audit") audit();
