// One optimiser measurement in a fresh process (see bench-child-process.ts): generates the seeded graph,
// then times the exact cover `runs` times and reports medians and the process's peak memory.

import { checkOwnedCounts } from "../packages/core/src/optimise/check-owned-counts.ts";
import { type CoverEdge, chooseCalMix } from "../packages/core/src/optimise/choose-cal-mix.ts";
import { chooseIndexedCalMix } from "../packages/core/src/optimise/choose-indexed-cal-mix.ts";
import type { FlowNetwork } from "../packages/core/src/optimise/graph/flow-network.ts";
import {
  type CoverReductionStats,
  reduceBipartiteCover,
} from "../packages/core/src/optimise/graph/reduce-bipartite-cover.ts";
import {
  type BipartiteCoverInput,
  buildBipartiteCoverNetwork,
  solveMinWeightBipartiteCover,
} from "../packages/core/src/optimise/graph/solve-bipartite-cover.ts";
import { solveMinCut } from "../packages/core/src/optimise/graph/solve-min-cut.ts";
import { verifyMinCut } from "../packages/core/src/optimise/graph/verify-min-cut.ts";
import { internCoverEdges } from "../packages/core/src/optimise/intern-cover-edges.ts";
import {
  coverWithWeights,
  traceCoverFrontier,
} from "../packages/core/src/optimise/trace-cover-frontier.ts";
import {
  type AccessGraph,
  type AccessGraphShape,
  generateAccessGraph,
} from "./bench-access-graph.ts";
import { solveBaselineMinCutOf } from "./bench-baseline-push-relabel.ts";
import { readChildArgs, reportChildResult } from "./bench-child-io.ts";
import { collectGarbage, median, now, peakRssMb } from "./bench-statistics.ts";

/** What to measure. */
export interface OptimiserChildArgs {
  readonly task:
    | "cover"
    | "cover-from-pairs"
    | "baseline"
    | "cal-mix"
    | "indexed-cal-mix"
    | "reduce"
    | "owned-counts";
  readonly shape: AccessGraphShape;
  readonly pairs: number;
  readonly seed: number;
  readonly userPrice: number;
  readonly devicePrice: number;
  readonly runs: number;
  /** For "owned-counts": the branch-and-bound budget, and whether to trace the whole frontier. */
  readonly maxNodes?: number;
  readonly traceFrontier?: boolean;
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
  /** CPU time of this process (user + system) for the same spans: immune to other processes' load. */
  readonly solveCpuMs: number;
  readonly endToEndCpuMs: number;
  readonly rssAfterInputMb: number;
  readonly peakRssMb: number;
  /**
   * "cal-mix" only, CPU ms (median of the runs): reading every pair's user and device id once, each
   * character, with no table (what any numbering of string ids must do at least), and numbering them
   * (`internCoverEdges`, what `chooseCalMix` does before the cut).
   */
  readonly readIdsCpuMs?: number;
  readonly numberIdsCpuMs?: number;
}

/** What the "reduce" task reports. */
export interface ReduceChildResult {
  readonly stats: CoverReductionStats;
  readonly reduceMs: number;
  readonly reducedSolveMs: number;
  readonly liftMs: number;
  readonly fullSolveMs: number;
  readonly sameCost: boolean;
  readonly peakRssMb: number;
}

/** What the "owned-counts" task reports: one line per question asked. */
export interface OwnedCountsChildResult {
  readonly frontierVertices: number | undefined;
  readonly frontierMs: number | undefined;
  readonly questions: readonly {
    readonly users: number;
    readonly devices: number;
    readonly answer: string;
    readonly method: string;
    readonly ms: number;
  }[];
}

const args = readChildArgs<OptimiserChildArgs>();
const graph = generateAccessGraph(args.shape, args.pairs, args.seed);
reportChildResult(
  args.task === "cover" || args.task === "cover-from-pairs"
    ? measureCover(graph, args.task === "cover-from-pairs")
    : args.task === "baseline"
      ? measureBaseline(graph)
      : args.task === "cal-mix" || args.task === "indexed-cal-mix"
        ? measureCalMix(graph, args.task === "indexed-cal-mix")
        : args.task === "reduce"
          ? measureReduction(graph)
          : measureOwnedCounts(graph),
);

function coverInputOf(graph: AccessGraph): BipartiteCoverInput {
  return {
    leftCost: new Float64Array(graph.userCount).fill(args.userPrice),
    rightCost: new Float64Array(graph.deviceCount).fill(args.devicePrice),
    edgeLeft: graph.pairUser,
    edgeRight: graph.pairDevice,
  };
}

/** Reductions, then the cut on what is left, against the cut on the whole graph (same process). */
function measureReduction(graph: AccessGraph): ReduceChildResult {
  const input = coverInputOf(graph);
  const reduce: number[] = [];
  const solve: number[] = [];
  const lift: number[] = [];
  const full: number[] = [];
  let sameCost = true;
  let stats: CoverReductionStats | undefined;
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    const start = now();
    const reduction = reduceBipartiteCover(input);
    const reduced = now();
    const cover = solveMinWeightBipartiteCover(reduction.reduced);
    const solved = now();
    const lifted = reduction.lift(cover.leftInCover, cover.rightInCover);
    const done = now();
    collectGarbage();
    const fullStart = now();
    const whole = solveMinWeightBipartiteCover(input);
    full.push(now() - fullStart);
    let liftedCost = 0;
    lifted.leftInCover.forEach((taken) => {
      liftedCost += taken * args.userPrice;
    });
    lifted.rightInCover.forEach((taken) => {
      liftedCost += taken * args.devicePrice;
    });
    sameCost &&= liftedCost === whole.cost && cover.cost + reduction.fixedCost === whole.cost;
    reduce.push(reduced - start);
    solve.push(solved - reduced);
    lift.push(done - solved);
    stats = reduction.stats;
  }
  return {
    stats: stats as CoverReductionStats,
    reduceMs: median(reduce),
    reducedSolveMs: median(solve),
    liftMs: median(lift),
    fullSolveMs: median(full),
    sameCost,
    peakRssMb: peakRssMb(),
  };
}

/**
 * Owned counts on the generated graph: the whole frontier (when asked), then questions
 * at, below and between its vertices, each answered by checkOwnedCounts.
 */
function measureOwnedCounts(graph: AccessGraph): OwnedCountsChildResult {
  const userDevice = {
    userCount: graph.userCount,
    deviceCount: graph.deviceCount,
    pairUser: graph.pairUser,
    pairDevice: graph.pairDevice,
  };
  let frontierVertices: number | undefined;
  let frontierMs: number | undefined;
  if (args.traceFrontier) {
    const start = now();
    frontierVertices = traceCoverFrontier(userDevice).length;
    frontierMs = now() - start;
  }
  // The fewest CALs (equal prices): a frontier vertex.
  const fewest = coverWithWeights(userDevice, 1, 1);
  const questions: { users: number; devices: number }[] = [
    { users: fewest.users, devices: fewest.devices },
    { users: fewest.users, devices: fewest.devices - 1 },
    { users: fewest.users + 50, devices: fewest.devices - 40 },
    { users: Math.round(fewest.users * 0.9), devices: Math.round(fewest.devices * 1.3) },
  ];
  return {
    frontierVertices,
    frontierMs,
    questions: questions.map((question) => {
      const start = now();
      const answer = checkOwnedCounts(userDevice, question, { maxNodes: args.maxNodes ?? 200 });
      const detail =
        answer.kind === "undecided"
          ? ` after ${answer.nodes} branches; on or above the frontier edge (${answer.between[0].users}, ${answer.between[0].devices})–(${answer.between[1].users}, ${answer.between[1].devices})`
          : answer.method === "branch-and-bound"
            ? ` (${answer.nodes} branches)`
            : "";
      return {
        ...question,
        answer: `${answer.kind}${detail}`,
        method: answer.method,
        ms: now() - start,
      };
    }),
  };
}

/**
 * The cover: `buildBipartiteCoverNetwork` (build) then `solveMinCut` (solve), or with `fromPairs`
 * `solveMinWeightBipartiteCover` from the pair arrays as its callers use it (solve; no build step:
 * it builds what it needs, and the network only when it falls back to `solveMinCut`). Then the
 * certificate and every pair covered (check).
 */
function measureCover(graph: AccessGraph, fromPairs: boolean): OptimiserChildResult {
  const input = coverInputOf(graph);
  collectGarbage();
  const rssAfterInputMb = process.memoryUsage().rss / 2 ** 20;
  const build: number[] = [];
  const solve: number[] = [];
  const verify: number[] = [];
  const endToEnd: number[] = [];
  const solveCpu: number[] = [];
  const endToEndCpu: number[] = [];
  let cost = 0;
  let nodes = 0;
  let arcs = 0;
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    const startCpu = cpuMs();
    const start = now();
    const given = fromPairs ? undefined : buildBipartiteCoverNetwork(input);
    const builtCpu = cpuMs();
    const built = now();
    const cover = given === undefined ? solveMinWeightBipartiteCover(input) : undefined;
    const cut = cover?.cut ?? solveMinCut(given as FlowNetwork);
    const solved = now();
    solveCpu.push(cpuMs() - builtCpu);
    const network = cover?.network ?? (given as FlowNetwork);
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
    endToEndCpu.push(cpuMs() - startCpu);
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
    solveCpuMs: median(solveCpu),
    endToEndCpuMs: median(endToEndCpu),
    rssAfterInputMb,
    peakRssMb: peakRssMb(),
  };
}

/**
 * The textbook push-relabel (bench-baseline-push-relabel.ts) on the same network as measureCover: only
 * its solve is timed (its own adjacency build included, as solveMinCut's is).
 */
function measureBaseline(graph: AccessGraph): OptimiserChildResult {
  const network = buildBipartiteCoverNetwork(coverInputOf(graph));
  collectGarbage();
  const rssAfterInputMb = process.memoryUsage().rss / 2 ** 20;
  const solve: number[] = [];
  const solveCpu: number[] = [];
  let cost = 0;
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    const startCpu = cpuMs();
    const start = now();
    const cut = solveBaselineMinCutOf(network);
    solve.push(now() - start);
    solveCpu.push(cpuMs() - startCpu);
    cost = cut.value;
  }
  return {
    users: graph.userCount,
    devices: graph.deviceCount,
    pairs: graph.pairUser.length,
    cost,
    nodes: network.nodeCount,
    arcs: network.arcFrom.length,
    buildMs: Number.NaN,
    solveMs: median(solve),
    verifyMs: Number.NaN,
    endToEndMs: median(solve),
    firstEndToEndMs: solve[0] as number,
    solveCpuMs: median(solveCpu),
    endToEndCpuMs: median(solveCpu),
    rssAfterInputMb,
    peakRssMb: peakRssMb(),
  };
}

/**
 * What string ids cost before any cut, CPU ms, median of the runs: reading each id's characters once (an
 * FNV-1a of them all, no table: any numbering must read every character of every id at least once, or
 * two ids differing in an unread one would get one number), and the numbering `chooseCalMix` does.
 */
function measureIds(edges: readonly CoverEdge[]): { readIdsCpuMs: number; numberIdsCpuMs: number } {
  const read: number[] = [];
  const numbered: number[] = [];
  let check = 0;
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    let start = cpuMs();
    let hash = 0x811c9dc5 | 0;
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e] as CoverEdge;
      const user = edge.user as string;
      const device = edge.device as string;
      for (let i = 0; i < user.length; i++) hash = Math.imul(hash ^ user.charCodeAt(i), 0x01000193);
      for (let i = 0; i < device.length; i++)
        hash = Math.imul(hash ^ device.charCodeAt(i), 0x01000193);
    }
    read.push(cpuMs() - start);
    check ^= hash;
    const fresh = edges.slice();
    collectGarbage();
    start = cpuMs();
    check ^= internCoverEdges(fresh).userCount;
    numbered.push(cpuMs() - start);
  }
  // The hashes are used, so the reading loop is not optimised away.
  if (check === 0.5) throw new Error("unreachable");
  return { readIdsCpuMs: median(read), numberIdsCpuMs: median(numbered) };
}

/** CPU time (user + system) of this process so far, in milliseconds. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * The licensing path: two CAL versions (one pair in five reaches the newer server); string ids through
 * `chooseCalMix`, or with `indexed` the graph's integer ids through `chooseIndexedCalMix` (the entry for
 * callers that interned their ids already).
 */
function measureCalMix(graph: AccessGraph, indexed: boolean): OptimiserChildResult {
  const edges: CoverEdge[] = new Array(indexed ? 0 : graph.pairUser.length);
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
  const endToEndCpu: number[] = [];
  let result: ReturnType<typeof chooseCalMix | typeof chooseIndexedCalMix> | undefined;
  for (let run = 0; run < args.runs; run++) {
    result = undefined;
    // A fresh array each run: chooseCalMix caches its interning per edge array (for the Lagrangian
    // search's repeated cuts), and a fresh call is what this measures.
    const runEdges = edges.slice();
    collectGarbage();
    const startCpu = cpuMs();
    const start = now();
    result = indexed
      ? chooseIndexedCalMix({
          edges: {
            userCount: graph.userCount,
            deviceCount: graph.deviceCount,
            edgeUser: graph.pairUser,
            edgeDevice: graph.pairDevice,
            edgeTier: graph.pairTier,
          },
          userCost,
          deviceCost,
        })
      : chooseCalMix({ edges: runEdges, userCost, deviceCost });
    endToEnd.push(now() - start);
    endToEndCpu.push(cpuMs() - startCpu);
    if (!result.certificate.verified) {
      throw new Error(`certificate rejected: ${result.certificate.problems.join("; ")}`);
    }
  }
  const mix = result as NonNullable<typeof result>;
  const ids = indexed ? undefined : measureIds(edges);
  return {
    ...ids,
    users: graph.userCount,
    devices: graph.deviceCount,
    pairs: graph.pairUser.length,
    cost: mix.cost,
    nodes: mix.certificate.nodes,
    arcs: mix.certificate.arcs,
    buildMs: Number.NaN,
    solveMs: Number.NaN,
    verifyMs: Number.NaN,
    endToEndMs: median(endToEnd),
    firstEndToEndMs: endToEnd[0] as number,
    solveCpuMs: Number.NaN,
    endToEndCpuMs: median(endToEndCpu),
    rssAfterInputMb,
    peakRssMb: peakRssMb(),
  };
}
