// The minimum cut on the harder generated families of issue 11 beside the easy ones, each at 300k / 1M /
// 2M pairs: ours (`solveMinWeightBipartiteCover` from the pair arrays), a plain textbook push-relabel (bench-baseline-push-relabel.ts) and HiGHS
// (where it finishes) on the same graphs in the same run, the growth exponent of each fitted over the
// sizes, and `chooseCalMix` against the bare cut at 2M pairs. Every measurement in its own process.
// Standalone: node --import tsx scripts/bench-hard-families.ts [--sizes=300000,1000000]
//   [--families=hard] [--no-highs] [--no-cal-mix]
import { fileURLToPath } from "node:url";
import type { AccessGraphShape } from "./bench-access-graph.ts";
import { bundleEntry, type ChildOutcome, runChild } from "./bench-child-process.ts";
import type { HighsChildArgs, HighsChildResult } from "./bench-highs-child.ts";
import { currentLoad } from "./bench-machine.ts";
import {
  formatCount,
  formatMb,
  formatMs,
  formatRatio,
  renderTable,
  renderVerdict,
} from "./bench-markdown.ts";
import { statusOf } from "./bench-optimiser.ts";
import type { OptimiserChildArgs, OptimiserChildResult } from "./bench-optimiser-child.ts";

interface Family {
  readonly label: string;
  readonly shape: AccessGraphShape;
  readonly userPrice: number;
  readonly devicePrice: number;
  readonly seed: number;
}

interface Point {
  readonly pairs: number;
  readonly ours: ChildOutcome<OptimiserChildResult>;
  readonly baseline: ChildOutcome<OptimiserChildResult>;
  readonly highs: ChildOutcome<HighsChildResult> | undefined;
  readonly calMix: ChildOutcome<OptimiserChildResult> | undefined;
  /** The same through `chooseIndexedCalMix` with the graph's integer ids (no interning). */
  readonly indexedMix: ChildOutcome<OptimiserChildResult> | undefined;
}

/** What the section found, for the targets summary of bench.ts. */
export interface HardFamilyFindings {
  readonly markdown: string;
  readonly targets: readonly (readonly string[])[];
}

/** Which families and sizes to run; the defaults are the issue's. */
export interface HardFamilyOptions {
  readonly sizes?: readonly number[];
  readonly families?: readonly string[];
  readonly highs?: boolean;
  /** HiGHS only up to this many pairs (`--quick`: 300k; above, one solve takes minutes). */
  readonly highsMaxPairs?: number;
  readonly calMix?: boolean;
}

const families: readonly Family[] = [
  {
    label: "hard, user 1.00 / device 0.87",
    shape: "hard",
    userPrice: 100,
    devicePrice: 87,
    seed: 11,
  },
  { label: "hard, equal 1.00", shape: "hard", userPrice: 100, devicePrice: 100, seed: 11 },
  {
    label: "estate, user 45.00 / device 38.00",
    shape: "estate",
    userPrice: 4_500,
    devicePrice: 3_800,
    seed: 4,
  },
  { label: "estate, equal 40.00", shape: "estate", userPrice: 4_000, devicePrice: 4_000, seed: 4 },
];
const defaultSizes = [300_000, 1_000_000, 2_000_000];
const runs = 3;
const highsTimeoutMs = 150_000;

/** Runs the section. */
export async function runHardFamilyBenchmarks(
  options: HardFamilyOptions = {},
): Promise<HardFamilyFindings> {
  const sizes = options.sizes ?? defaultSizes;
  const chosen = families.filter(
    (family) =>
      options.families === undefined ||
      options.families.some((name) => family.label.startsWith(name)),
  );
  const ourBundle = bundleEntry("scripts/bench-optimiser-child.ts");
  const highsBundle = bundleEntry("scripts/bench-highs-child.ts");
  const results: { family: Family; points: Point[] }[] = [];
  const loads: number[] = [];
  for (const family of chosen) {
    const points: Point[] = [];
    for (const pairs of sizes) {
      log(`hard families: ${family.label}, ${formatCount(pairs)} pairs`);
      const base = {
        shape: family.shape,
        pairs,
        seed: family.seed,
        userPrice: family.userPrice,
        devicePrice: family.devicePrice,
      };
      const child = (task: OptimiserChildArgs["task"], count: number) =>
        runChild<OptimiserChildResult>(
          ourBundle,
          { ...base, task, runs: count } satisfies OptimiserChildArgs,
          180_000,
        );
      const ours = await child("cover-from-pairs", runs);
      const baseline = await child("baseline", runs);
      const highs =
        options.highs === false || pairs > (options.highsMaxPairs ?? Number.POSITIVE_INFINITY)
          ? undefined
          : await runChild<HighsChildResult>(
              highsBundle,
              { ...base, runs: 1 } satisfies HighsChildArgs,
              highsTimeoutMs,
            );
      const largest = pairs === Math.max(...sizes);
      const withMix = options.calMix !== false && largest;
      // As many runs as the bare cut's, so both are the median of three calls (the first call of a
      // process runs its loops unoptimised for a while: with two, the median was that first call).
      const calMix = withMix ? await child("cal-mix", runs) : undefined;
      const indexedMix = withMix ? await child("indexed-cal-mix", runs) : undefined;
      points.push({ pairs, ours, baseline, highs, calMix, indexedMix });
      loads.push(currentLoad());
    }
    results.push({ family, points });
  }
  // Worst family first: the slowest solve at the largest size.
  results.sort(
    (a, b) => solveTime(b.points.at(-1)?.ours.result) - solveTime(a.points.at(-1)?.ours.result),
  );
  return { markdown: render(results, loads), targets: judge(results) };
}

/** The time a dedicated machine would take: the lesser of wall and CPU time (see bench-optimiser.ts). */
function solveTime(result: OptimiserChildResult | undefined): number {
  return result === undefined ? Number.NaN : Math.min(result.solveMs, result.solveCpuMs);
}

/** The whole `chooseCalMix` call, the lesser of wall and CPU time. */
function mixTime(result: OptimiserChildResult): number {
  return Math.min(result.endToEndMs, result.endToEndCpuMs);
}

function highsTime(result: HighsChildResult | undefined): number {
  return result === undefined ? Number.NaN : Math.min(result.solveMs, result.solveCpuMs);
}

/** The k of time ∝ pairs^k, fitted by least squares on the logarithms; NaN from fewer than two sizes. */
function growthExponent(points: readonly { pairs: number; ms: number }[]): number {
  const usable = points.filter((point) => Number.isFinite(point.ms) && point.ms > 0);
  if (new Set(usable.map((point) => point.pairs)).size < 2) return Number.NaN;
  const xs = usable.map((point) => Math.log(point.pairs));
  const ys = usable.map((point) => Math.log(point.ms));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < xs.length; index++) {
    covariance += ((xs[index] as number) - meanX) * ((ys[index] as number) - meanY);
    variance += ((xs[index] as number) - meanX) ** 2;
  }
  return covariance / variance;
}

function exponentOf(points: readonly Point[], pick: (point: Point) => number): number {
  return growthExponent(points.map((point) => ({ pairs: point.pairs, ms: pick(point) })));
}

/** An exponent for the tables: two decimals, or why there is none (one size measured, or none). */
function formatExponent(exponent: number, points: readonly Point[]): string {
  if (Number.isFinite(exponent)) return exponent.toFixed(2);
  return new Set(points.map((point) => point.pairs)).size < 2
    ? "one size: no exponent"
    : "not measured";
}

function render(results: readonly { family: Family; points: Point[] }[], loads: number[]): string {
  const rows: string[][] = [];
  for (const { family, points } of results) {
    for (const point of points) {
      const ours = point.ours.result;
      const baseline = point.baseline.result;
      const highs = point.highs?.result;
      const agrees =
        ours === undefined
          ? "—"
          : [baseline?.cost, highs === undefined ? undefined : Math.round(highs.objective)]
                .filter((value) => value !== undefined)
                .every((value) => value === ours.cost)
            ? "yes"
            : "**no**";
      rows.push([
        family.label,
        ours ? formatCount(ours.pairs) : formatCount(point.pairs),
        ours ? `${formatCount(ours.users)} / ${formatCount(ours.devices)}` : "—",
        ours ? `${formatMs(ours.solveMs)} / ${formatMs(ours.solveCpuMs)}` : statusOf(point.ours),
        baseline
          ? `${formatMs(baseline.solveMs)} / ${formatMs(baseline.solveCpuMs)}`
          : statusOf(point.baseline),
        highs
          ? `${formatMs(highs.solveMs)} / ${formatMs(highs.solveCpuMs)}`
          : statusOf(point.highs),
        ours && baseline ? formatRatio(solveTime(baseline) / solveTime(ours)) : "—",
        ours && highs ? formatRatio(highsTime(highs) / solveTime(ours)) : "—",
        ours ? formatMb(ours.peakRssMb) : "—",
        agrees,
      ]);
    }
  }
  const growthRows = results.map(({ family, points }) => [
    family.label,
    formatExponent(
      exponentOf(points, (point) => solveTime(point.ours.result)),
      points,
    ),
    formatExponent(
      exponentOf(points, (point) => solveTime(point.baseline.result)),
      points,
    ),
    formatExponent(
      exponentOf(points, (point) => highsTime(point.highs?.result)),
      points,
    ),
  ]);
  const calMixRows = results.flatMap(({ family, points }) =>
    points
      .filter((point) => point.calMix !== undefined)
      .map((point) => {
        const ours = point.ours.result;
        const mixCells = (outcome: ChildOutcome<OptimiserChildResult> | undefined) => {
          const mix = outcome?.result;
          return [
            mix
              ? `${formatMs(mix.endToEndMs)} / ${formatMs(mix.endToEndCpuMs)}`
              : statusOf(outcome),
            mix && ours ? formatRatio(mixTime(mix) / solveTime(ours)) : "—",
            mix ? formatMb(mix.peakRssMb) : "—",
          ];
        };
        const ids = point.calMix?.result;
        return [
          family.label,
          formatCount(point.pairs),
          ours ? `${formatMs(ours.solveMs)} / ${formatMs(ours.solveCpuMs)}` : "—",
          ...mixCells(point.calMix),
          ids?.readIdsCpuMs === undefined ? "—" : formatMs(ids.readIdsCpuMs),
          ids?.readIdsCpuMs !== undefined && ours
            ? formatRatio(ids.readIdsCpuMs / solveTime(ours))
            : "—",
          ids?.numberIdsCpuMs === undefined ? "—" : formatMs(ids.numberIdsCpuMs),
          ...mixCells(point.indexedMix),
        ];
      }),
  );
  return [
    "### Harder families (issue 11): the minimum cut against a textbook push-relabel and HiGHS",
    "",
    "`hard` (`generateHardAccessGraph` in `scripts/bench-access-graph.ts`): sites of lognormal size (median",
    "300 users, the largest a fortieth of the estate), each user with 1–6 devices of their own, signing in to",
    "1–8 of the site's shared hall devices (one per two users, skewed popularity) and, for half of them, to",
    "3–10 devices of a 25-device ward; prices 1.00 vs 0.87 (ratio near 1) and equal. `estate` is the easy",
    "family of the table above. _Baseline_: a plain FIFO push-relabel with global relabelling written from",
    "the textbook in `scripts/bench-baseline-push-relabel.ts` (no code shared with the product). _Ours_ is",
    "`solveMinWeightBipartiteCover` from the pair arrays (everything it builds included); the baseline is given",
    "the flow network and builds its own adjacency; HiGHS is given the model (`run()` only). Times are",
    `wall / CPU, median of ${runs} runs in a fresh process; HiGHS one run,`,
    `${highsTimeoutMs / 1000} s timeout. Ratios use the lesser of wall and CPU. Worst family (slowest at the`,
    "largest size) first. _Agrees_: the baseline's value and HiGHS's objective equal our cut.",
    "",
    renderTable(
      [
        "family",
        "pairs",
        "users / devices",
        "ours ms",
        "baseline ms",
        "HiGHS ms",
        "ours vs baseline",
        "ours vs HiGHS",
        "our peak MB",
        "agrees",
      ],
      rows,
      ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l"],
    ),
    "",
    "Growth: k in time ∝ pairs^k, least squares over the sizes above.",
    "",
    renderTable(["family", "ours", "baseline", "HiGHS"], growthRows, ["l", "r", "r", "r"]),
    "",
    `\`chooseCalMix\` (string ids, two versions, the whole call, median of ${runs} in a fresh process, as the`,
    "bare cut) and `chooseIndexedCalMix` (the graph's integer ids) against the bare cut (ours above) on the",
    "same graph. _Ids read_: in the `chooseCalMix` process, CPU ms to read every pair's user and device id",
    "once, each character, with no table: any numbering of string ids must do at least that (two ids",
    "differing in a character it did not read would get one number), so when it alone is over 2× the bare",
    "cut, no string-id `chooseCalMix` can be within 2×. _Numbering_: `internCoverEdges` alone, CPU ms.",
    "",
    renderTable(
      [
        "family",
        "pairs",
        "bare cut ms",
        "chooseCalMix ms",
        "ratio",
        "peak MB",
        "ids read ms",
        "ratio",
        "numbering ms",
        "chooseIndexedCalMix ms",
        "ratio",
        "peak MB",
      ],
      calMixRows,
      ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    ),
    "",
    `Highest 1-minute load average seen during this section: ${Math.max(...loads).toFixed(2)}.`,
  ].join("\n");
}

function judge(results: readonly { family: Family; points: Point[] }[]): string[][] {
  // met undefined: not judged (the growth of a single size). A reason, when the section knows it.
  const targets: [string, string, boolean | undefined, string?][] = [];
  for (const { family, points } of results) {
    const slowest = Math.min(
      ...points.map(
        (point) => solveTime(point.baseline.result) / solveTime(point.ours.result) || Number.NaN,
      ),
    );
    targets.push([
      `${family.label}: at least as fast as the textbook push-relabel at every size`,
      `${formatRatio(slowest)} at worst`,
      slowest >= 1,
    ]);
    const growth = exponentOf(points, (point) => solveTime(point.ours.result));
    targets.push([
      `${family.label}: solve time grows no faster than pairs^1.15`,
      Number.isFinite(growth) ? `pairs^${growth.toFixed(2)}` : formatExponent(growth, points),
      Number.isFinite(growth) ? growth <= 1.15 : undefined,
    ]);
    for (const [pairs, factor] of [
      [300_000, 50],
      [1_000_000, 100],
    ] as const) {
      const point = points.find((each) => Math.abs(each.pairs - pairs) < pairs / 10);
      if (point === undefined || point.highs === undefined) continue;
      const name = `${family.label}, ${formatCount(pairs)} pairs: solve ≥ ${factor}× faster than HiGHS`;
      const highs = point.highs.result;
      const ours = point.ours.result;
      if (highs && ours) {
        const ratio = highsTime(highs) / solveTime(ours);
        targets.push([name, formatRatio(ratio), ratio >= factor]);
      } else
        targets.push([name, `HiGHS ${statusOf(point.highs)}`, point.highs.status !== "failed"]);
    }
    for (const point of points) {
      const mix = point.calMix?.result;
      const ours = point.ours.result;
      if (!mix || !ours) continue;
      const ratio = mixTime(mix) / solveTime(ours);
      targets.push([
        `${family.label}, ${formatCount(point.pairs)} pairs: chooseCalMix within 2× of the bare cut`,
        formatRatio(ratio),
        ratio <= 2,
        ratio <= 2 ? undefined : mixReason(point, solveTime(ours)),
      ]);
    }
  }
  return targets.map(([name, value, met, reason]) => [
    name,
    value,
    met === undefined ? renderVerdict(undefined, "one size measured") : renderVerdict(met, reason),
  ]);
}

/**
 * Why `chooseCalMix` is not within 2× at this point, from what the same run measured: the ids read alone
 * when that is already past 2× (no string-id numbering can then be within it), and the integer entry.
 * Undefined when the run measured neither (the history's known reason is then added).
 */
function mixReason(point: Point, bare: number): string | undefined {
  const read = point.calMix?.result?.readIdsCpuMs;
  const numbering = point.calMix?.result?.numberIdsCpuMs;
  const indexed = point.indexedMix?.result;
  if (read === undefined || !(read / bare > 2)) return undefined;
  const entry =
    indexed === undefined
      ? ""
      : `; \`chooseIndexedCalMix\` on the same graph's integer ids: ${formatRatio(mixTime(indexed) / bare)}`;
  return `reading the pairs' string ids alone, each character once with no table, takes ${formatMs(read)} ms of CPU, ${formatRatio(read / bare)} the bare cut's ${formatMs(bare)}, so no string-id numbering can be within 2× (the numbering itself: ${numbering === undefined ? "not measured" : `${formatMs(numbering)} ms`})${entry}`;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const value = (name: string) =>
    process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const findings = await runHardFamilyBenchmarks({
    sizes: value("sizes")?.split(",").map(Number),
    families: value("families")?.split(","),
    highs: !process.argv.includes("--no-highs"),
    calMix: !process.argv.includes("--no-cal-mix"),
  });
  console.log(findings.markdown);
  console.log("");
  console.log(renderTable(["target", "measured", "verdict"], findings.targets, ["l", "r", "l"]));
}
