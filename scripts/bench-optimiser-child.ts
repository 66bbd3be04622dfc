// One optimiser measurement in a fresh process (see bench-child-process.ts): generates the seeded graph,
// then times the exact cover `runs` times and reports medians and the process's peak memory.
import { type CoverEdge, chooseCalMix } from "../packages/core/src/optimise/choose-cal-mix.ts";
import { buildBipartiteCoverNetwork } from "../packages/core/src/optimise/graph/solve-bipartite-cover.ts";
import { solveMinCut } from "../packages/core/src/optimise/graph/solve-min-cut.ts";
import { verifyMinCut } from "../packages/core/src/optimise/graph/verify-min-cut.ts";
import {
  type AccessGraph,
  type AccessGraphShape,
  generateAccessGraph,
} from "./bench-access-graph.ts";
import { readChildArgs, reportChildResult } from "./bench-child-io.ts";
import { collectGarbage, median, now, peakRssMb } from "./bench-statistics.ts";

/** What to measure. */
export interface OptimiserChildArgs {
  readonly task: "cover" | "cal-mix";
  readonly shape: AccessGraphShape;
  readonly pairs: number;
  readonly seed: number;
  readonly userPrice: number;
  readonly devicePrice: number;
  readonly runs: number;
}

/** What one child reports; times in milliseconds, memory in MB. */
export interface OptimiserChildResult {
  readonly users: number;
  readonly devices: number;
  readonly pairs: number;
  readonly cost: number;
  readonly nodes: number;
  readonly arcs: number;
  readonly buildMs: number;
  readonly solveMs: number;
  readonly verifyMs: number;
  readonly endToEndMs: number;
  readonly firstEndToEndMs: number;
  readonly rssAfterInputMb: number;
  readonly peakRssMb: number;
}

const args = readChildArgs<OptimiserChildArgs>();
const graph = generateAccessGraph(args.shape, args.pairs, args.seed);
reportChildResult(args.task === "cover" ? measureCover(graph) : measureCalMix(graph));

function measureCover(graph: AccessGraph): OptimiserChildResult {
  const input = {
    leftCost: new Float64Array(graph.userCount).fill(args.userPrice),
    rightCost: new Float64Array(graph.deviceCount).fill(args.devicePrice),
    edgeLeft: graph.pairUser,
    edgeRight: graph.pairDevice,
  };
  collectGarbage();
  const rssAfterInputMb = process.memoryUsage().rss / 2 ** 20;
  const build: number[] = [];
  const solve: number[] = [];
  const verify: number[] = [];
  const endToEnd: number[] = [];
  let cost = 0;
  let nodes = 0;
  let arcs = 0;
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    const start = now();
    const network = buildBipartiteCoverNetwork(input);
    const built = now();
    const cut = solveMinCut(network);
    const solved = now();
    const verdict = verifyMinCut(network, cut);
    // The cover itself: users off the source side, devices on it; every pair must be covered.
    const userCount = graph.userCount;
    for (let pair = 0; pair < graph.pairUser.length; pair++) {
      const user = graph.pairUser[pair] as number;
      const device = userCount + (graph.pairDevice[pair] as number);
      if (cut.sourceSide[user] === 1 && cut.sourceSide[device] === 0) {
        throw new Error(`pair ${pair} is not covered`);
      }
    }
    const checked = now();
    if (!verdict.valid) throw new Error(`certificate rejected: ${verdict.problems.join("; ")}`);
    build.push(built - start);
    solve.push(solved - built);
    verify.push(checked - solved);
    endToEnd.push(checked - start);
    cost = cut.value;
    nodes = network.nodeCount;
    arcs = network.arcFrom.length;
  }
  return {
    users: graph.userCount,
    devices: graph.deviceCount,
    pairs: graph.pairUser.length,
    cost,
    nodes,
    arcs,
    buildMs: median(build),
    solveMs: median(solve),
    verifyMs: median(verify),
    endToEndMs: median(endToEnd),
    firstEndToEndMs: endToEnd[0] as number,
    rssAfterInputMb,
    peakRssMb: peakRssMb(),
  };
}

/** The licensing path: string ids, two CAL versions (one pair in five reaches the newer server). */
function measureCalMix(graph: AccessGraph): OptimiserChildResult {
  const edges: CoverEdge[] = new Array(graph.pairUser.length);
  for (let pair = 0; pair < edges.length; pair++) {
    edges[pair] = {
      user: `U${graph.pairUser[pair]}`,
      device: `D${graph.pairDevice[pair]}`,
      tier: graph.pairTier[pair] as number,
      deviceOnly: false,
      userOnly: false,
    };
  }
  const userCost = [args.userPrice, Math.round(args.userPrice * 1.15)];
  const deviceCost = [args.devicePrice, Math.round(args.devicePrice * 1.15)];
  collectGarbage();
  const rssAfterInputMb = process.memoryUsage().rss / 2 ** 20;
  const endToEnd: number[] = [];
  let result: ReturnType<typeof chooseCalMix> | undefined;
  for (let run = 0; run < args.runs; run++) {
    result = undefined;
    collectGarbage();
    const start = now();
    result = chooseCalMix({ edges, userCost, deviceCost });
    endToEnd.push(now() - start);
    if (!result.certificate.verified) {
      throw new Error(`certificate rejected: ${result.certificate.problems.join("; ")}`);
    }
  }
  const mix = result as ReturnType<typeof chooseCalMix>;
  return {
    users: graph.userCount,
    devices: graph.deviceCount,
    pairs: edges.length,
    cost: mix.cost,
    nodes: mix.certificate.nodes,
    arcs: mix.certificate.arcs,
    buildMs: Number.NaN,
    solveMs: Number.NaN,
    verifyMs: Number.NaN,
    endToEndMs: median(endToEnd),
    firstEndToEndMs: endToEnd[0] as number,
    rssAfterInputMb,
    peakRssMb: peakRssMb(),
  };
}
