// The cover MIPs of the real-money bench's cases, solved in one process under several HiGHS settings: the
// measurement behind the adapter's options (docs/benchmarks.md, "Proven by HiGHS"). Not part of `npm run bench`.
// `npx tsx scripts/measure-cover-mips.ts dump [--sizes=1000,2000] [--seeds=3] [--out=DIR]` plans each case with
// a solver that only records its model (so the engine's own answer and bound come with it) and writes them;
// `npx tsx scripts/measure-cover-mips.ts solve [--in=DIR] [--settings=a,b] [--seconds=30] [--cpu-seconds=S] [--only=name]`
// solves every recorded model under each setting (after one warm-up solve) and prints a JSON line per solve:
// status, objective, bound, nodes, CPU and wall ms.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MipModel, MipSolver } from "@calwise/core";
import { loadHighsSolver } from "@calwise/node-files";
import { planFamilyCover } from "../packages/core/src/optimise/plan-family-cover.ts";
import { realMoneyBench } from "./bench-real-money.ts";

const argv = process.argv.slice(2);
const value = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = value("out") ?? value("in") ?? "/tmp/calwise-cover-mips";

interface Recorded {
  readonly name: string;
  readonly pairs: number;
  readonly engineCost: number;
  readonly engineBound: number;
  readonly model: Record<string, number[]>;
}

function dump() {
  mkdirSync(dir, { recursive: true });
  const sizes = (value("sizes") ?? "1000,2000").split(",").map(Number);
  const seeds = Number(value("seeds") ?? 3);
  for (const size of sizes)
    for (const setup of ["included", "binding"] as const)
      for (let seed = 1; seed <= seeds; seed++) {
        const items = realMoneyBench.itemsFor(size, seed);
        let model: MipModel | undefined;
        const recorder: MipSolver = {
          name: "recorder",
          solve(m) {
            model = m;
            return { status: "failed", reason: "recorded" };
          },
        };
        const plan = planFamilyCover(
          realMoneyBench.family,
          items,
          realMoneyBench.poolsFor(setup, size),
          new Map(),
          realMoneyBench.prices,
          [],
          { solver: recorder },
        );
        const name = `${size}-${setup}-${seed}`;
        const out: Recorded = {
          name,
          pairs: items.length,
          engineCost: plan.trueCost,
          engineBound: plan.lowerBound,
          model: model
            ? Object.fromEntries(
                Object.entries(model).map(([k, v]) => [
                  k,
                  k === "start"
                    ? [...(v as NonNullable<MipModel["start"]>).indices].flatMap((c, i) => [
                        c,
                        (v as NonNullable<MipModel["start"]>).values[i] as number,
                      ])
                    : Array.from(v as ArrayLike<number>),
                ]),
              )
            : {},
        };
        writeFileSync(join(dir, `${name}.json`), JSON.stringify(out));
        console.log(
          JSON.stringify({
            name,
            pairs: items.length,
            engineCost: plan.trueCost,
            engineBound: plan.lowerBound,
            exactness: plan.exactness,
            columns: model?.cost.length,
            rows: model?.rowLower.length,
          }),
        );
      }
}

function readModel(r: Recorded): MipModel {
  const m = r.model as Record<string, number[]>;
  const start = m.start ?? [];
  return {
    cost: Float64Array.from(m.cost ?? []),
    lower: Float64Array.from(m.lower ?? []),
    upper: Float64Array.from((m.upper ?? []).map((x) => (x === null ? Infinity : x))),
    integer: Uint8Array.from(m.integer ?? []),
    rowLower: Float64Array.from((m.rowLower ?? []).map((x) => (x === null ? -Infinity : x))),
    rowUpper: Float64Array.from((m.rowUpper ?? []).map((x) => (x === null ? Infinity : x))),
    starts: Int32Array.from(m.starts ?? []),
    indices: Int32Array.from(m.indices ?? []),
    values: Float64Array.from(m.values ?? []),
    start: {
      indices: Int32Array.from(start.filter((_, i) => i % 2 === 0)),
      values: Float64Array.from(start.filter((_, i) => i % 2 === 1)),
    },
  };
}

/**
 * Named HiGHS option sets laid over the adapter's: `warm` is the adapter as it is (a warm start given: primal
 * heuristics and symmetry detection off), `defaults` puts HiGHS's own defaults back.
 */
const settings: Record<string, Record<string, boolean | number>> = {
  warm: {},
  defaults: {
    mip_heuristic_effort: 0.05,
    mip_heuristic_run_rins: true,
    mip_heuristic_run_rens: true,
    mip_heuristic_run_root_reduced_cost: true,
    mip_heuristic_run_zi_round: false,
    mip_heuristic_run_shifting: false,
    mip_detect_symmetry: true,
  },
  "warm-symmetry": { mip_detect_symmetry: true },
  "warm-no-restart": { mip_allow_restart: false },
};

async function solve() {
  const seconds = Number(value("seconds") ?? 30);
  const cpuSeconds = Number(value("cpu-seconds") ?? seconds);
  const only = value("only");
  const names = (value("settings") ?? "defaults,warm").split(",");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && (!only || f.startsWith(only)))
    .sort();
  const read = (f: string): Recorded => JSON.parse(readFileSync(join(dir, f), "utf8"));
  for (const [round, setting] of names.entries()) {
    const solver = await loadHighsSolver({
      seconds,
      cpuSeconds,
      totalSeconds: Number.POSITIVE_INFINITY,
      options: settings[setting] ?? {},
    });
    // WebAssembly is compiled lazily and tiered up while it runs: one solve first, not measured.
    if (round === 0 && files[0]) solver.solve(readModel(read(files[0])));
    for (const f of files) {
      const r = read(f);
      const m = readModel(r);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const answer = solver.solve(argv.includes("--no-start") ? { ...m, start: undefined } : m);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const values = answer.status === "failed" ? undefined : answer.values;
      console.log(
        JSON.stringify({
          name: r.name,
          setting,
          status: answer.status,
          objective: values
            ? Math.round(m.cost.reduce((s, c, i) => s + c * (values[i] as number), 0))
            : null,
          bound: answer.status === "failed" ? null : Math.ceil(answer.bound - 1e-6),
          engineCost: r.engineCost,
          engineBound: r.engineBound,
          nodes: answer.status === "failed" ? 0 : answer.nodes,
          cpuMs: Math.round((used.user + used.system) / 1000),
          wallMs: Math.round(wall),
        }),
      );
    }
  }
}

if (argv[0] === "dump") dump();
else await solve();
