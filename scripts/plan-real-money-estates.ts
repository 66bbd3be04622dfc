// The 12 generated estates of `scripts/bench-real-money.ts` (sizes 1,000 and 2,000, seeds 1–3, 5 included CALs or
// binding pools) planned without a MIP solver, one JSON line each: pairs, answer, bound, gap, CPU, method.
// `npx tsx scripts/plan-real-money-estates.ts [--sizes=1000,2000] [--seeds=3] [--setups=included,binding]
// [--no-tier-bound]`: the quick check of the bound's side (no HiGHS, about 10 s).
import { loadCatalog } from "@calwise/catalog";
import type { CalFamily } from "../packages/core/src/catalog/catalog-schema.ts";
import type { OwnedPool } from "../packages/core/src/compliance/allocate-owned.ts";
import { planFamilyCover } from "../packages/core/src/optimise/plan-family-cover.ts";
import { createPriceBook } from "../packages/core/src/price-list/price-book.ts";
import type { DemandItem } from "../packages/core/src/rules/derive-cal-demand.ts";
import { generateAccessGraph } from "./bench-access-graph.ts";

const argv = process.argv.slice(2);
const value = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (value("sizes") ?? "1000,2000").split(",").map(Number);
const seeds = Number(value("seeds") ?? 3);
const setups = (value("setups") ?? "included,binding").split(",");
const tierBound = !argv.includes("--no-tier-bound");

const catalog = loadCatalog();
const family = catalog.families.get("ws-cal") as CalFamily;
const discount: Record<number, number> = { 1: 1, 5: 0.95, 10: 0.93, 50: 0.9 };
// The bench's price list: packs of 1/5/10/50 at every version and type, newer versions 10 % dearer per step.
const prices = createPriceBook(
  {
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
  },
  catalog,
);
const pair = { family: "ws-cal", server: "S", deviceOnly: false, userOnly: false, external: false };

let total = 0;
for (const size of sizes)
  for (const setup of setups)
    for (let seed = 1; seed <= seeds; seed++) {
      const g = generateAccessGraph("estate", size, seed);
      const items: DemandItem[] = Array.from(g.pairUser, (u, k) => ({
        ...pair,
        tier: g.pairTier[k] as number,
        user: `U${u}`,
        device: `D${g.pairDevice[k]}`,
        access: k,
        rules: [],
      }));
      const included: OwnedPool = { type: "either", tier: 0, quantity: 5, source: "included" };
      const pools: OwnedPool[] =
        setup === "included"
          ? [included]
          : [
              { type: "user", tier: 1, quantity: Math.round(size / 10), source: "owned" },
              included,
              { type: "device", tier: 0, quantity: Math.round(size / 50), source: "owned" },
            ];
      const cpu = process.cpuUsage();
      const plan = planFamilyCover(
        family,
        items,
        pools,
        new Map(),
        prices,
        [],
        tierBound ? {} : { tierBound: false },
      );
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      total += cpuMs;
      const gap = plan.trueCost === 0 ? 0 : (plan.trueCost - plan.lowerBound) / plan.trueCost;
      process.stdout.write(
        `${JSON.stringify({ size, setup, seed, pairs: items.length, cost: plan.trueCost, bound: plan.lowerBound, gapPercent: Number((gap * 100).toFixed(3)), exactness: plan.exactness, cpuMs, method: plan.method })}\n`,
      );
    }
process.stdout.write(`${JSON.stringify({ totalCpuMs: total })}\n`);
