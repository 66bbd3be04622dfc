// The 12 generated estates of `scripts/bench-real-money.ts` (sizes 1,000 and 2,000, seeds 1–3, 5 included CALs or
// binding pools) planned without a MIP solver, one JSON line each: pairs, answer, bound, gap, CPU, method.
// `npx tsx scripts/plan-real-money-estates.ts [--sizes=1000,2000] [--seeds=3] [--setups=included,binding]
// [--no-tier-bound]`: the quick check of the bound's side (no HiGHS, about 10 s).
import { loadCatalog } from "@calwise/catalog";
import type { CalFamily } from "../packages/core/src/catalog/catalog-schema.ts";
import { planFamilyCover } from "../packages/core/src/optimise/plan-family-cover.ts";
import type { DemandItem } from "../packages/core/src/rules/derive-cal-demand.ts";
import { generateAccessGraph } from "./bench-access-graph.ts";
import { poolsFor, prices } from "./bench-real-money.ts";

const argv = process.argv.slice(2);
const value = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (value("sizes") ?? "1000,2000").split(",").map(Number);
const seeds = Number(value("seeds") ?? 3);
const setups = (value("setups") ?? "included,binding").split(",");
const tierBound = !argv.includes("--no-tier-bound");

const catalog = loadCatalog();
const family = catalog.families.get("ws-cal") as CalFamily;
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
      const pools = poolsFor(setup as "included" | "binding", size);
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
