// `calwise evaluate` loads HiGHS when the engine's own bounds leave a family open, and the answer is then proven.
// The MIP's answers themselves are held against the exhaustive reference by differential.fuzz.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { type EvaluationResult, evaluateDeployment, resolveDeployment } from "@calwise/core";
import { runCli } from "../cli/run-cli.ts";

const fixture = new URL("./fixtures/owned-pools-60-users.json", import.meta.url);

function familyOf(result: EvaluationResult) {
  const family = result.families.find((f) => f.family === "ws-cal");
  assert.ok(family);
  return family.optimisation;
}

test("60 users, 15 kiosks, binding owned pools: open without the solver, proven optimal by the CLI with HiGHS", () => {
  const catalog = loadCatalog();
  const resolved = resolveDeployment(JSON.parse(readFileSync(fixture, "utf8")), catalog);
  assert.ok(resolved.success);
  const alone = familyOf(evaluateDeployment(resolved.value, catalog));
  assert.equal(alone.exactness, "best-found", "the cuts and the exhaustive search leave it open");

  const r = runCli(["evaluate", fixture.pathname, "--json"]);
  assert.equal(r.stderr, "");
  const result = JSON.parse(r.stdout) as EvaluationResult;
  const o = familyOf(result);
  assert.equal(o.exactness, "optimal", o.method);
  assert.match(o.method, /HiGHS [0-9.]+ MIP/);
  assert.equal(o.lowerBound, o.cost);
  assert.ok(o.cost <= alone.cost, `${o.cost} ≤ ${alone.cost}`);
  assert.ok(alone.lowerBound <= o.cost, "the engine's own bound was valid");
  const paid = result.purchases
    .filter((p) => p.family === "ws-cal")
    .reduce((s, p) => s + (p.cost ?? Number.NaN), 0);
  assert.equal(paid, o.cost, "the optimisation cost is what the purchase lines add up to");
});
