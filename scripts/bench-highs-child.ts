// The same cover solved by HiGHS (the `highs` npm package, WebAssembly) as a linear programme, in a
// fresh process: minimise sum of user price * x_u + device price * y_d subject to x_u + y_d >= 1 for
// every pair, 0 <= x, y <= 1. The constraint matrix of a bipartite graph is totally unimodular, so the
// LP optimum is integral and equals the minimum cut: the objective is compared with ours.
// The model is passed as typed arrays (no LP text to parse), HiGHS's fastest way in.
import highsModule from "highs";
import { type AccessGraphShape, generateAccessGraph } from "./bench-access-graph.ts";
import { readChildArgs, reportChildResult } from "./bench-child-io.ts";
import { collectGarbage, median, now, peakRssMb } from "./bench-statistics.ts";

/** What to solve, as for bench-optimiser-child.ts. */
export interface HighsChildArgs {
  readonly shape: AccessGraphShape;
  readonly pairs: number;
  readonly seed: number;
  readonly userPrice: number;
  readonly devicePrice: number;
  readonly runs: number;
}

/** Solve = HiGHS's run(); end to end = loading the model + run + reading the solution. */
export interface HighsChildResult {
  readonly objective: number;
  readonly status: string;
  readonly solveMs: number;
  readonly endToEndMs: number;
  /** CPU time (user + system) of run(): immune to other processes' load. */
  readonly solveCpuMs: number;
  readonly peakRssMb: number;
}

// The package's types describe CommonJS; its ESM build, which node loads here, exports the loader itself.
const loadHighs = (
  typeof highsModule === "function" ? highsModule : highsModule.default
) as typeof highsModule.default;

const args = readChildArgs<HighsChildArgs>();
const graph = generateAccessGraph(args.shape, args.pairs, args.seed);
const highs = await loadHighs();
try {
  const { userCount, deviceCount, pairUser, pairDevice } = graph;
  const pairs = pairUser.length;
  const columns = userCount + deviceCount;
  const solve: number[] = [];
  const solveCpu: number[] = [];
  const endToEnd: number[] = [];
  let objective = Number.NaN;
  let status = "";
  for (let run = 0; run < args.runs; run++) {
    collectGarbage();
    const start = now();
    const starts = new Int32Array(pairs + 1);
    const indices = new Int32Array(2 * pairs);
    for (let pair = 0; pair < pairs; pair++) {
      starts[pair + 1] = 2 * pair + 2;
      indices[2 * pair] = pairUser[pair] as number;
      indices[2 * pair + 1] = userCount + (pairDevice[pair] as number);
    }
    const colCost = new Float64Array(columns);
    colCost.fill(args.userPrice, 0, userCount);
    colCost.fill(args.devicePrice, userCount);
    const model = highs.createModel({
      numCols: columns,
      numRows: pairs,
      colCost,
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(1),
      rowLower: new Float64Array(pairs).fill(1),
      rowUpper: new Float64Array(pairs).fill(highs.infinity),
      matrix: {
        format: "csr",
        numRows: pairs,
        numCols: columns,
        starts,
        indices,
        values: new Float64Array(2 * pairs).fill(1),
      },
    });
    try {
      model.options.set({ output_flag: false });
      const loaded = now();
      const loadedCpu = process.cpuUsage();
      const outcome = model.run();
      const solved = now();
      const cpu = process.cpuUsage(loadedCpu);
      solveCpu.push((cpu.user + cpu.system) / 1000);
      status =
        outcome.modelStatus === highs.constants.modelStatus.optimal
          ? "optimal"
          : `status ${outcome.modelStatus}`;
      objective = model.getObjectiveValue();
      model.getSolution();
      solve.push(solved - loaded);
      endToEnd.push(now() - start);
    } finally {
      model.dispose();
    }
  }
  const result: HighsChildResult = {
    objective,
    status,
    solveMs: median(solve),
    endToEndMs: median(endToEnd),
    solveCpuMs: median(solveCpu),
    peakRssMb: peakRssMb(),
  };
  reportChildResult(result);
} catch (error) {
  // An abort with the WebAssembly memory near its cap (HiGHS's build grows it up to 2 GiB) is running
  // out of memory; say so with the figure.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const memoryGb = highs.memoryBytes / 2 ** 30;
  const outOfMemory = /Aborted/.test(message) && memoryGb > 1.5;
  reportChildResult({
    error: `${outOfMemory ? "out of memory: " : ""}${message} (WebAssembly memory ${memoryGb.toFixed(2)} GiB)`,
  });
}
