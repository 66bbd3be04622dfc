import assert from "node:assert/strict";
import { test } from "node:test";
import { addKnownReason } from "./bench-known-reasons.ts";

const row = (target: string, verdict: string) => ({ issue: 11, target, measured: "8×", verdict });

test("a bare not-met verdict gets the history's reason; met rows and stated reasons are left alone", () => {
  const mix = "hard, equal 1.00, 1,996,455 pairs: chooseCalMix within 2× of the bare cut";
  assert.match(
    addKnownReason(row(mix, "**not met**")).verdict,
    /^\*\*not met\*\*: the string-id `chooseCalMix` numbers/,
  );
  assert.equal(addKnownReason(row(mix, "met")).verdict, "met");
  assert.equal(addKnownReason(row(mix, "**not met**: measured")).verdict, "**not met**: measured");
  assert.equal(addKnownReason(row("something else", "**not met**")).verdict, "**not met**");
});

test("the optimiser section's HiGHS rows are told apart from the bipartite cover's", () => {
  const built = "estate 300k (user 45.00 / device 38.00): solve ≥ 50× faster than HiGHS";
  assert.match(
    addKnownReason(row(built, "**not met**")).verdict,
    /solveMinCut` on a built flow network/,
  );
  const fromPairs =
    "estate, user 45.00 / device 38.00, 300,000 pairs: solve ≥ 50× faster than HiGHS";
  assert.equal(addKnownReason(row(fromPairs, "**not met**")).verdict, "**not met**");
});
