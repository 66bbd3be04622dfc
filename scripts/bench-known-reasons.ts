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
    "the string-id `chooseCalMix` spends most of its time numbering 2M pairs' string ids (hashing 2.5M fresh strings costs about 1 s alone), and `chooseIndexedCalMix` touches about 75 MB of fresh memory (layout, per-node edge lists, certificate check) against the bare cut's 20–30 MB, at about 3 ms per MB (history: “`chooseCalMix` against the bare cut at 2M pairs”)",
  ],
  [
    /pairs with owned pools and packs: proven optimal/,
    "with binding owned pools the cuts' bound is the LP bound; the bound by tiers proves one ward estate (1,313 pairs) but stops at two released devices per ward (the others 4.6–9.7 % open) and is skipped past one ward per branch (~2,700 pairs), and HiGHS proves by branching: 6 s of CPU on the 1,383-pair case (history: “Joint least unions”, “Proven by HiGHS”)",
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
