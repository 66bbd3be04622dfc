// Why a target is not met, where the history in docs/benchmarks.md found out (profiles and experiments of
// the branches named), for target rows whose section states only the verdict. A reason is added only to a
// "**not met**" verdict that has none; a measured figure is never changed.
import type { BenchTarget } from "./bench-document.ts";

/** A pattern on the target's text and the reason the history gives, with where. */
const knownReasons: readonly (readonly [RegExp, string])[] = [
  [
    /^(estate|hospital) \d+[kM] \(.*\): solve ≥ \d+× faster than HiGHS/,
    "this row times `solveMinCut` on a built flow network; the product's bipartite cover runs `solveMinWeightBipartiteCover` from the pair arrays, timed against HiGHS in the hard-families section (history: “The cut from the pair arrays”)",
  ],
  [
    /chooseCalMix within 2× of the bare cut/,
    "the string-id `chooseCalMix` numbers 2M pairs' ids before any cut: the numbering alone (`internCoverEdges`) is 290–460 ms of CPU, 4–14× the bare cut, and reading the ids' characters alone, the least any numbering must do, 100–125 ms (1.2–3.9×; the section states it where that alone is past 2×); the integer entry `chooseIndexedCalMix` is 2.6–9.8× (the bare cut's closing searches now run over the tier chains, so on the estates the search after the greedy pass is no longer most of the call): what is left on every family is a verified cut's fixed cost, the layout, greedy pass and certificate check each reading the 2M pairs (35–120 ms each) and a fresh per-node net-flow array, against a bare cut of 25–140 ms without a certificate check (profiled at 2M pairs, hard 1.00 / 0.87: layout 17 %, certificate check 22 %, greedy pass 8 %, searches 10 %, collector 10 %; a one-sweep check, lent scratch arrays and probes before the searches were measured and gave nothing) (history: “the bare cut's searches over the tier chains”, “probes before the searches”)",
  ],
  [
    /pairs with owned pools and packs: proven optimal/,
    "the five ~1,300-pair binding estates are all proven without a solver (the bound by tiers asks the ward's least unions only where its cheapest cell binds), in 0.5–0.9 s of CPU each measured at load 12–19 on 2 cores; a row past 1 s is the machine's load or a process's first case compiling, not a gap (history: “Ward curves raised where the bound binds”)",
  ],
  [
    /evaluations\/s with p99/,
    "an evaluation is 6–9 ms of CPU, almost all of it the engine (history: “Server request path”)",
  ],
  [
    /stored reads ≥ half the bare handler/,
    "an authenticated read is 0.5–2 ms of CPU against the bare handler's 0.08 ms (history: “Server request path”)",
  ],
];

/** The row with the history's reason added to a bare "**not met**" verdict when one is known. */
export function addKnownReason(row: BenchTarget): BenchTarget {
  if (row.verdict !== "**not met**") return row;
  const known = knownReasons.find(([pattern]) => pattern.test(row.target));
  return known === undefined ? row : { ...row, verdict: `**not met**: ${known[1]}` };
}
