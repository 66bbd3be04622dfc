// Benchmarks the exact min-cut optimiser on generated, seeded user/device graphs shaped like real
// estates: users with one or two personal devices, shift workers sharing device pools, and a few
// administrators who touch thousands of devices. Prints a Markdown table; takes well under a minute.
// Run: node --import tsx scripts/bench-optimiser.ts
import { availableParallelism } from "node:os";
import {
  type BipartiteCoverInput,
  buildBipartiteCoverNetwork,
  solveMinWeightBipartiteCover,
} from "../packages/core/src/optimise/graph/solve-bipartite-cover.ts";
import { solveMinCut } from "../packages/core/src/optimise/graph/solve-min-cut.ts";
import { verifyMinCut } from "../packages/core/src/optimise/graph/verify-min-cut.ts";

const userCalPrice = 4_500;
const deviceCalPrice = 3_800;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An estate of about `targetEdges` user-device edges; the shape, not the size, is fixed. */
function generateEstate(targetEdges: number, seed: number): BipartiteCoverInput {
  const random = mulberry32(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const scale = targetEdges / 2_000_000;
  const userCount = Math.round(250_000 * scale);
  const poolUserShare = 0.6;
  const usersPerPool = 400;
  const devicesPerPool = 100;
  const poolCount = Math.max(1, Math.round((userCount * poolUserShare) / usersPerPool));
  const adminCount = Math.max(2, Math.round(20 * scale));
  const edgeLeft: number[] = [];
  const edgeRight: number[] = [];
  let deviceCount = 0;

  // Personal devices: a laptop each, and a phone or tablet for half of the users.
  for (let user = 0; user < userCount; user++) {
    const personal = random() < 0.5 ? 2 : 1;
    for (let device = 0; device < personal; device++) {
      edgeLeft.push(user);
      edgeRight.push(deviceCount++);
    }
  }
  // Shared pools: each pool user signs in to about ten distinct devices of one pool.
  const firstPoolDevice = deviceCount;
  deviceCount += poolCount * devicesPerPool;
  const order = Int32Array.from({ length: devicesPerPool }, (_, index) => index);
  for (let user = 0; user < userCount * poolUserShare; user++) {
    const pool = pick(poolCount);
    const touched = 5 + pick(11);
    for (let index = 0; index < touched; index++) {
      const swap = index + pick(devicesPerPool - index);
      const device = order[swap] as number;
      order[swap] = order[index] as number;
      order[index] = device;
      edgeLeft.push(user);
      edgeRight.push(firstPoolDevice + pool * devicesPerPool + device);
    }
  }
  // Administrators, extra users, each touching 2,000 to 8,000 distinct devices anywhere.
  for (let admin = 0; admin < adminCount; admin++) {
    const touched = new Set<number>();
    const wanted = Math.min(deviceCount, 2_000 + pick(6_001));
    while (touched.size < wanted) touched.add(pick(deviceCount));
    for (const device of touched) {
      edgeLeft.push(userCount + admin);
      edgeRight.push(device);
    }
  }
  return {
    leftCost: new Float64Array(userCount + adminCount).fill(userCalPrice),
    rightCost: new Float64Array(deviceCount).fill(deviceCalPrice),
    edgeLeft: Int32Array.from(edgeLeft),
    edgeRight: Int32Array.from(edgeRight),
  };
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs `run` `times` times; returns the first result and the median duration. */
function timeMedian<T>(times: number, run: () => T): { result: T; ms: number } {
  const first = time(run);
  const durations = [first.ms];
  for (let again = 1; again < times; again++) durations.push(time(run).ms);
  return { result: first.result, ms: median(durations) };
}

const rows: string[] = [];
for (const [label, targetEdges, seed] of [
  ["30k", 30_000, 1],
  ["300k", 300_000, 2],
  ["2M", 2_000_000, 3],
] as const) {
  const input = generateEstate(targetEdges, seed);
  const edges = input.edgeLeft.length;
  const build = time(() => buildBipartiteCoverNetwork(input));
  const network = build.result;
  const solve = timeMedian(3, () => solveMinCut(network));
  const verify = time(() => verifyMinCut(network, solve.result));
  if (!verify.result.valid) {
    throw new Error(`certificate rejected: ${verify.result.problems.join("; ")}`);
  }
  const cover = time(() => solveMinWeightBipartiteCover(input));
  if (cover.result.cost !== solve.result.value) throw new Error("cover and min cut disagree");
  // resourceUsage().maxRSS is the true high-water mark; memoryUsage().rss would only sample it.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const cells = [
    label,
    edges.toLocaleString("en"),
    network.nodeCount.toLocaleString("en"),
    build.ms.toFixed(0),
    solve.ms.toFixed(0),
    verify.ms.toFixed(0),
    cover.ms.toFixed(0),
    (edges / solve.ms / 1000).toFixed(1),
    solve.result.value.toLocaleString("en"),
    peakRssMb.toFixed(0),
  ];
  rows.push(`| ${cells.join(" | ")} |`);
}

console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs.`,
);
console.log(`User CAL ${userCalPrice}, device CAL ${deviceCalPrice} minor units.\n`);
console.log(
  "| graph | edges | nodes | build (ms) | solve, median of 3 (ms) | verify (ms) | cover end to end (ms) | solve (M edges/s) | cover cost | peak RSS so far (MB) |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
