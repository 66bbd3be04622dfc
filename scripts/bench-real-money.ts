// The real-money optimiser on the sizes issue 10 names: per size, how often the answer is proven optimal, the worst
// gap and the time, with and without the HiGHS MIP solver; the 100k-user case; the audit-like 60-server case's
// cuts with and without included CALs. Part of `npm run bench` (section "real-money"); alone:
// `npx tsx scripts/bench-real-money.ts [--sizes=1000,2000] [--seeds=5] [--issue] [--audit] [--no-mip]`
// prints the Markdown section and one JSON line per case on stderr. Timings on a shared machine vary a lot: the
// CPU column (user + system time of this process during the call) is less sensitive to other processes.
import { loadCatalog } from "@calwise/catalog";
import { type MipSolver, resolveDeployment } from "@calwise/core";
import { loadHighsSolver } from "@calwise/node-files";
import type { CalFamily } from "../packages/core/src/catalog/catalog-schema.ts";
import type { OwnedPool } from "../packages/core/src/compliance/allocate-owned.ts";
import { collectOwnedPools } from "../packages/core/src/evaluate/collect-owned-pools.ts";
import {
  type FamilyPlan,
  planFamilyCover,
} from "../packages/core/src/optimise/plan-family-cover.ts";
import { createPriceBook } from "../packages/core/src/price-list/price-book.ts";
import type { DemandList } from "../packages/core/src/rules/demand-columns.ts";
import { type DemandItem, deriveCalDemand } from "../packages/core/src/rules/derive-cal-demand.ts";
import { generateAccessGraph } from "./bench-access-graph.ts";
import { currentLoad } from "./bench-machine.ts";
import { formatMoney, renderTable } from "./bench-markdown.ts";

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
export const prices = createPriceBook(priceList, catalog);
/** The bench's family, price book and generated cases, for scripts that measure one step of the plan. */
export const realMoneyBench = { family, prices, poolsFor, itemsFor };
// `--no-tier-bound` plans without the bound by tiers (the before of its section in docs/benchmarks.md).
let tierBound = true;

const pair = { family: "ws-cal", server: "S", deviceOnly: false, userOnly: false, external: false };

function item(user: string, device: string, tier: number, access: number): DemandItem {
  return { ...pair, tier, user, device, access, rules: [] };
}

/** One plan, timed (wall and CPU). */
function measure(
  items: DemandList,
  pools: readonly OwnedPool[],
  solver: MipSolver | undefined,
): { plan: FamilyPlan; ms: number; cpuMs: number } {
  const options = { ...(solver ? { solver } : {}), ...(tierBound ? {} : { tierBound: false }) };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const plan = planFamilyCover(family, items, pools, new Map(), prices, [], options);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { plan, ms, cpuMs: (used.user + used.system) / 1000 };
}

const gapPercent = (plan: FamilyPlan) =>
  plan.trueCost === 0 ? 0 : ((plan.trueCost - plan.lowerBound) / plan.trueCost) * 100;

/** The demand of a generated estate of about `size` pairs. */
function itemsFor(size: number, seed: number): DemandItem[] {
  const g = generateAccessGraph("estate", size, seed);
  return Array.from(g.pairUser, (u, k) =>
    item(`U${u}`, `D${g.pairDevice[k]}`, g.pairTier[k] as number, k),
  );
}

/** Owned pools of a generated estate: 5 included CALs only, or pools that bind (scaled with the pairs). */
export function poolsFor(setup: "included" | "binding", pairs: number): OwnedPool[] {
  const included: OwnedPool = { type: "either", tier: 0, quantity: 5, source: "included" };
  if (setup === "included") return [included];
  return [
    { type: "user", tier: 1, quantity: Math.round(pairs / 10), source: "owned" },
    included,
    { type: "device", tier: 0, quantity: Math.round(pairs / 50), source: "owned" },
  ];
}

interface SizeRow {
  readonly size: number;
  /** The pairs generated, least and most over the seeds (the generator's smallest estate is one site). */
  readonly pairs: readonly [number, number];
  readonly setup: string;
  readonly solver: string;
  readonly runs: number;
  readonly proven: number;
  readonly worstGap: number;
  /** The same worst case's gap in money (minor units): cost − bound. */
  readonly worstGapMoney: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly maxCpuMs: number;
}

/** Generated estates (two CAL versions) of about `size` pairs, `seeds` of each, per pool setup. */
function measureSizes(
  sizes: readonly number[],
  seeds: number,
  solver: MipSolver | undefined,
): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const size of sizes)
    for (const setup of ["included", "binding"] as const) {
      const results: { plan: FamilyPlan; ms: number; cpuMs: number; pairs: number }[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const items = itemsFor(size, seed);
        const r = measure(items, poolsFor(setup, size), solver);
        process.stderr.write(
          `${JSON.stringify({ size, setup, seed, pairs: items.length, ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs), exactness: r.plan.exactness, gapPercent: Number(gapPercent(r.plan).toFixed(4)), method: r.plan.method })}\n`,
        );
        results.push({ ...r, pairs: items.length });
      }
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      rows.push({
        size,
        pairs: [Math.min(...results.map((r) => r.pairs)), Math.max(...results.map((r) => r.pairs))],
        setup,
        solver: solver?.name ?? "none",
        runs: results.length,
        proven: results.filter((r) => r.plan.exactness === "optimal").length,
        worstGap: Math.max(...results.map((r) => gapPercent(r.plan))),
        worstGapMoney: Math.max(...results.map((r) => r.plan.trueCost - r.plan.lowerBound)),
        medianMs: ms[Math.floor(ms.length / 2)] as number,
        maxMs: ms[ms.length - 1] as number,
        maxCpuMs: Math.max(...results.map((r) => r.cpuMs)),
      });
    }
  return rows;
}

/** 100k users each on their own PC, 95k more pairs to 5,000 shared kiosks, 50,000 owned 2012 user CALs. */
function measureIssueCase(solver: MipSolver | undefined) {
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
  const r = measure(items, [{ type: "user", tier: 1, quantity: 50_000, source: "owned" }], solver);
  process.stderr.write(
    `${JSON.stringify({ label: "100k users", ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs), exactness: r.plan.exactness, gapPercent: gapPercent(r.plan), method: r.plan.method })}\n`,
  );
  return r;
}

/** 60 servers (a third 2008 R2), 3,000 users: the cuts with and without 5 included CALs per 2008 R2 server. */
function measureAuditCase() {
  return ["ws2008r2-datacenter", "ws2008r2-standard"].map((product) => {
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
    const used = new Set<string>();
    const demand = deriveCalDemand(resolved.value, catalog, used);
    const owned = collectOwnedPools(resolved.value, catalog, demand.items, used);
    const r = measure(demand.items.get("ws-cal") ?? [], owned.pools.get("ws-cal") ?? [], undefined);
    return { product, pools: owned.pools.get("ws-cal")?.length ?? 0, ...r };
  });
}

/**
 * Issue 10's first target over the solver's rows: per size bucket (every pool setup together) how many answers
 * are proven and the worst gap in money and percent, the worst bucket first (fewest proven, then widest gap);
 * met when every answer is proven within 1 s (the lesser of wall and CPU time, as elsewhere on this machine).
 */
/** Issue 10's first target: estates of up to this many pairs proven optimal in under a second. */
const targetPairs = 2_000;

function issueTenTarget(rows: readonly SizeRow[]): string[] | undefined {
  if (rows.length === 0) return undefined;
  const buckets = [...new Set(rows.map((r) => r.size))].map((size) => {
    const of = rows.filter((r) => r.size === size);
    const worst = of.reduce((a, b) => (b.worstGap > a.worstGap ? b : a));
    return {
      pairs: [Math.min(...of.map((r) => r.pairs[0])), Math.max(...of.map((r) => r.pairs[1]))],
      runs: of.reduce((s, r) => s + r.runs, 0),
      proven: of.reduce((s, r) => s + r.proven, 0),
      worst,
      maxMs: Math.max(...of.map((r) => r.maxMs)),
      maxCpuMs: Math.max(...of.map((r) => r.maxCpuMs)),
    };
  });
  buckets.sort(
    (a, b) => a.proven / a.runs - b.proven / b.runs || b.worst.worstGap - a.worst.worstGap,
  );
  // The issue's target is up to 2,000 pairs; larger buckets are reported beside it, not judged.
  const judged = buckets.filter((b) => (b.pairs[1] as number) <= targetPairs);
  const met =
    judged.length > 0 &&
    judged.every((b) => b.proven === b.runs && Math.min(b.maxMs, b.maxCpuMs) < 1_000);
  return [
    `up to ${targetPairs.toLocaleString("en")} pairs with owned pools and packs: proven optimal in < 1 s`,
    buckets
      .map(
        (b) =>
          `${(b.pairs[0] as number).toLocaleString("en")}–${(b.pairs[1] as number).toLocaleString("en")} pairs${(b.pairs[1] as number) > targetPairs ? " (beyond the target, not judged)" : ""}: ${b.proven} of ${b.runs} proven, worst gap ${formatMoney(b.worst.worstGapMoney)} (${b.worst.worstGap.toFixed(3)} %, ${b.worst.setup === "included" ? "5 included" : "binding"}), max ${Math.round(b.maxCpuMs).toLocaleString("en")} ms CPU, ${Math.round(b.maxMs).toLocaleString("en")} ms wall`,
      )
      .join("; "),
    met ? "met" : "**not met**",
  ];
}

/** Options of the real-money section. */
export interface RealMoneyOptions {
  readonly sizes: readonly number[];
  readonly seeds: number;
  readonly issue: boolean;
  readonly audit: boolean;
  readonly mip: boolean;
  /** False plans without the bound by tiers (default true). */
  readonly tierBound?: boolean;
}

/** Runs the real-money measurements; returns the Markdown section and the issue-10 target rows. */
export async function runRealMoneyBenchmarks(options: RealMoneyOptions) {
  tierBound = options.tierBound !== false;
  // Each solve is held to 2 s of CPU (the CLI stops HiGHS by work: cli-highs-limits.ts) and 20,000 nodes, 20 s of wall clock
  // at most; no budget over all solves. CPU seconds, so that what is proven does not depend on the load.
  const solver = options.mip
    ? await loadHighsSolver({ seconds: 20, cpuSeconds: 2, totalSeconds: Number.POSITIVE_INFINITY })
    : undefined;
  // WebAssembly code is compiled lazily and tiered up while it runs: one small solve first, so the first
  // measured case does not pay for it alone.
  if (solver) measureSizes([250], 1, solver);
  const rows = [
    ...measureSizes(options.sizes, options.seeds, undefined),
    ...(solver ? measureSizes(options.sizes, options.seeds, solver) : []),
  ];
  const targets: string[][] = [];
  const target = issueTenTarget(rows.filter((r) => r.solver !== "none"));
  if (target) targets.push(target);
  const lines = [
    "## Real money (issue 10)",
    "",
    "`scripts/bench-real-money.ts`: `planFamilyCover` on generated estates (two CAL versions, packs of",
    "1/5/10/50 at every version, newer versions 10 % dearer) with 5 included CALs only, or with binding pools",
    "(user 2012 CALs for a tenth of the pairs, device 2008 CALs for a fiftieth, and the 5 included), without",
    `and with the HiGHS MIP solver (${solver?.name ?? "not loaded"}, 2 s of CPU, 20 s of wall clock and 20,000`,
    `nodes per solve). Per size and setup: ${options.seeds} seeds; _proven_ = answers that say optimal; _worst gap_ =`,
    "the largest (cost − bound) / cost, in percent and in money (EUR); times are wall clock on a shared machine",
    `(1-minute load average when the section ended: ${currentLoad().toFixed(2)}), CPU = user + system time of the`,
    "process during the call.",
    "",
    renderTable(
      [
        "pairs",
        "owned pools",
        "solver",
        "proven",
        "worst gap",
        "worst gap, money",
        "median ms",
        "max ms",
        "max CPU ms",
      ],
      rows.map((r) => [
        `${r.pairs[0].toLocaleString("en")}–${r.pairs[1].toLocaleString("en")}`,
        r.setup === "included" ? "5 included" : "binding",
        r.solver,
        `${r.proven} of ${r.runs}`,
        `${r.worstGap.toFixed(3)} %`,
        formatMoney(r.worstGapMoney),
        Math.round(r.medianMs).toLocaleString("en"),
        Math.round(r.maxMs).toLocaleString("en"),
        Math.round(r.maxCpuMs).toLocaleString("en"),
      ]),
      ["r", "l", "l", "r", "r", "r", "r", "r", "r"],
    ),
  ];
  if (options.issue) {
    const r = measureIssueCase(undefined);
    const gap = gapPercent(r.plan);
    lines.push(
      "",
      `100k users each on their own PC, 95,000 more pairs to 5,000 kiosks (195,000 pairs, one in ten needing the`,
      `newer version), 50,000 owned 2012 user CALs: **${r.plan.exactness}**, gap ${gap.toFixed(3)} %, ${r.plan.stats.cuts} cuts,`,
      `${Math.round(r.ms).toLocaleString("en")} ms wall, ${Math.round(r.cpuMs).toLocaleString("en")} ms CPU.`,
    );
    targets.push([
      "100k users, 195k pairs, 50,000 owned user CALs: proven, or within 0.1 % and said so, < 3 s",
      `${r.plan.exactness}, gap ${gap.toFixed(3)} %, ${Math.round(r.ms)} ms wall, ${Math.round(r.cpuMs)} ms CPU`,
      // The lesser of wall and CPU time, as the other sections judge time on this shared machine.
      (r.plan.exactness === "optimal" || gap <= 0.1) && Math.min(r.ms, r.cpuMs) < 3_000
        ? "met"
        : "**not met**",
    ]);
  }
  if (options.audit) {
    const [without, withPools] = measureAuditCase() as [
      ReturnType<typeof measureAuditCase>[number],
      ReturnType<typeof measureAuditCase>[number],
    ];
    lines.push(
      "",
      `Audit-like: 60 servers, a third of them 2008 R2, 3,000 users with three accesses each. 2008 R2 Datacenter`,
      `(no included CALs): ${without.plan.stats.cuts} cuts, ${without.plan.exactness}, gap ${gapPercent(without.plan).toFixed(3)} %.`,
      `2008 R2 Standard (5 included CALs each, ${withPools.pools} pools): ${withPools.plan.stats.cuts} cuts, ${withPools.plan.exactness},`,
      `gap ${gapPercent(withPools.plan).toFixed(3)} %. Included CALs of one type and version share one multiplier, so`,
      "the extra cuts are bounded per pool class (at most 17: the cut at the cap, at 0, at most 4 on the other",
      "CALs' weights, 8 bisection steps, the fewest-holders cut, two around the Lagrangian holders), whatever the",
      "number of servers.",
    );
    targets.push([
      "audit, 60 servers, some including CALs: no more cuts than without, plus a constant (17)",
      `${withPools.plan.stats.cuts} cuts with, ${without.plan.stats.cuts} without`,
      withPools.plan.stats.cuts <= without.plan.stats.cuts + 17 ? "met" : "**not met**",
    ]);
  }
  return { markdown: lines.join("\n"), targets };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const value = (name: string) =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const findings = await runRealMoneyBenchmarks({
    sizes: (value("sizes") ?? "1000,2000").split(",").map(Number),
    seeds: Number(value("seeds") ?? 5),
    issue: argv.includes("--issue"),
    audit: argv.includes("--audit"),
    mip: !argv.includes("--no-mip"),
    tierBound: !argv.includes("--no-tier-bound"),
  });
  console.log(findings.markdown);
  console.log("");
  console.log(renderTable(["target", "measured", "verdict"], findings.targets, ["l", "r", "l"]));
}
