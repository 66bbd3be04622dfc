// `calwise evaluate` loads HiGHS when the engine's own bounds leave a family open, and the answer is then proven.
// The MIP's answers themselves are held against the exhaustive reference by differential.fuzz.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { evaluateUntilProven } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import {
  type EvaluationResult,
  evaluateDeployment,
  type FamilyPlan,
  type PlanMemo,
  resolveDeployment,
} from "@calwise/core";
import { loadHighsSolver } from "@calwise/node-files";
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

test("evaluateUntilProven: the planner's flag loads the solver, and the second run plans only the open family again", async () => {
  const catalog = loadCatalog();
  const data = JSON.parse(readFileSync(fixture, "utf8"));
  // A second family (RDS CALs) the engine proves on its own.
  data.accesses.push({ user: "U0", device: "PC0", server: "S2", service: "rds" });
  const resolved = resolveDeployment(data, catalog);
  assert.ok(resolved.success);
  const memos: PlanMemo[] = [];
  const plansAfter: FamilyPlan[][] = [];
  let loads = 0;
  let solves = 0;
  const result = await evaluateUntilProven(
    (options) => {
      if (options.memo) memos.push(options.memo);
      const r = evaluateDeployment(resolved.value, catalog, options);
      plansAfter.push(
        [...(options.memo?.entries.values() ?? [])].flatMap((l) => l.map((e) => e.plan)),
      );
      return r;
    },
    async () => {
      loads++;
      const highs = await loadHighsSolver();
      return {
        name: highs.name,
        solve: (m) => {
          solves++;
          return highs.solve(m);
        },
      };
    },
  );
  assert.equal(loads, 1);
  assert.equal(solves, 1, "one MIP: the open family's, not the proven one's");
  assert.equal(memos.length, 2);
  assert.equal(memos[0], memos[1], "both runs share one memo");
  const [first, second] = plansAfter as [FamilyPlan[], FamilyPlan[]];
  const proven = first.find((p) => p.family.id !== "ws-cal");
  assert.ok(proven && proven.exactness === "optimal" && !proven.solverCanHelp);
  assert.ok(second.includes(proven), "the proven family's plan is taken from the first run");
  assert.ok(first.find((p) => p.family.id === "ws-cal")?.solverCanHelp);
  assert.equal(familyOf(result).exactness, "optimal");
});

test("evaluateUntilProven loads no solver when the engine proves every family", async () => {
  const catalog = loadCatalog();
  const resolved = resolveDeployment(
    {
      name: "small",
      servers: [{ name: "S1", product: "ws2016-standard" }],
      accesses: [{ user: "U1", device: "PC1", server: "S1" }],
    },
    catalog,
  );
  assert.ok(resolved.success);
  let loads = 0;
  const result = await evaluateUntilProven(
    (options) => evaluateDeployment(resolved.value, catalog, options),
    async () => {
      loads++;
      return loadHighsSolver();
    },
  );
  assert.equal(loads, 0);
  assert.ok(result.families.every((f) => f.optimisation.exactness === "optimal"));
});
