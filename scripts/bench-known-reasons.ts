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
    "its tier-chain network is still a generic flow network with residual slots (about 150 MB of fresh memory at 2M pairs) while the bare cut reads the pair arrays (history: “The cut from the pair arrays”)",
  ],
  [
    /pairs with owned pools and packs: proven optimal/,
    "with binding owned pools the cuts' bound is the LP bound, which only branching raises; HiGHS needs seconds of CPU there (history: “Binding pools”)",
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
