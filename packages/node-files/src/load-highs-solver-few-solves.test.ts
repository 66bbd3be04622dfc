import assert from "node:assert/strict";
import { test } from "node:test";
import type { MipModel } from "@calwise/core";
import { loadHighsSolver } from "./load-highs-solver.ts";
import { smallMip } from "./small-mip.test-helper.ts";

// Its own file: the first load of a process decides how V8 compiles HiGHS, so this one must be the first.
test("HiGHS loaded for a few solves (baseline compiler only): the same optimum, proven", async () => {
  const solver = await loadHighsSolver({}, { fewSolves: true });
  const model: MipModel = {
    ...smallMip,
    start: { indices: Int32Array.from([0, 1]), values: Float64Array.from([3, 0]) },
  };
  const answer = solver.solve(model);
  assert.equal(answer.status, "optimal");
  if (answer.status === "optimal") {
    assert.deepEqual([...answer.values].map(Math.round), [1, 1]);
    assert.equal(Math.round(answer.objective), 8);
  }
});
