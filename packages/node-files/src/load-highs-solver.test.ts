import assert from "node:assert/strict";
import { test } from "node:test";
import type { MipModel } from "@calwise/core";
import { loadHighsSolver } from "./load-highs-solver.ts";
import { smallMip } from "./small-mip.test-helper.ts";

const model = smallMip;

test("HiGHS through the MipSolver port: the integer optimum, its bound, and the warm start accepted", async () => {
  const solver = await loadHighsSolver();
  assert.match(solver.name, /^HiGHS /);
  for (const m of [
    model,
    { ...model, start: { indices: Int32Array.from([0, 1]), values: Float64Array.from([3, 0]) } },
  ]) {
    const answer = solver.solve(m);
    assert.equal(answer.status, "optimal");
    if (answer.status !== "optimal") return;
    assert.deepEqual([...answer.values].map(Math.round), [1, 1]);
    assert.equal(Math.round(answer.objective), 8);
    assert.ok(answer.bound > 7.5 && answer.bound <= 8 + 1e-6, `bound ${answer.bound}`);
  }
});

test("HiGHS through the port: once its time budget is spent, a solve fails fast and says why", async () => {
  const solver = await loadHighsSolver({ totalSeconds: 0 });
  const answer = solver.solve(model);
  assert.equal(answer.status, "failed");
  if (answer.status === "failed") assert.match(answer.reason, /budget/);
});

/** A knapsack-like row with many columns, so that the search reaches an interrupt point before it ends. */
function knapsack(): MipModel {
  const n = 60;
  const weights = Array.from({ length: n }, (_, i) => 7 + ((i * 37) % 23));
  const hard: MipModel = {
    cost: Float64Array.from(weights, (w, i) => w * 3 + (i % 5)),
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(1),
    integer: new Uint8Array(n).fill(1),
    rowLower: Float64Array.from([500.5]),
    rowUpper: Float64Array.from([Number.POSITIVE_INFINITY]),
    starts: Int32Array.from([0, n]),
    indices: Int32Array.from({ length: n }, (_, i) => i),
    values: Float64Array.from(weights),
  };
  return hard;
}

test("HiGHS through the port: a CPU-second limit stops a solve and keeps a valid bound", async () => {
  const solver = await loadHighsSolver({ cpuSeconds: 0 });
  const answer = solver.solve(knapsack());
  if (answer.status === "optimal") return; // solved before any interrupt point: nothing to check
  assert.match(answer.reason, /CPU limit/);
  if (answer.status === "stopped") assert.ok(Number.isFinite(answer.bound));
});

test("HiGHS through the port: a work limit stops a solve at the same point every time, and says so", async () => {
  const solver = await loadHighsSolver({ work: 4 });
  const answers = [solver.solve(knapsack()), solver.solve(knapsack())];
  const [first, second] = answers;
  assert.ok(first && second);
  if (first.status === "optimal") return; // solved before four interrupt points: nothing to check
  assert.match(first.reason, /work limit \(4 HiGHS interrupt checks\)/);
  if (first.status === "stopped") assert.ok(Number.isFinite(first.bound));
  // The same model, the same options, the same checks: the same bound, nodes and solution, whatever the load.
  assert.deepEqual(second, first);
});

test("HiGHS through the port: once its work budget is spent, a solve fails fast and says why", async () => {
  const solver = await loadHighsSolver({ work: 1, totalWork: 1 });
  const first = solver.solve(knapsack());
  if (first.status === "optimal") return; // no interrupt point reached, nothing spent
  const second = solver.solve(knapsack());
  assert.equal(second.status, "failed");
  if (second.status === "failed") assert.match(second.reason, /work budget/);
});
