import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { deploymentData } from "./app-test-data.ts";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

const catalog = loadCatalog();

test("deployment data that names a price list file is refused by the schema, not read", () => {
  for (const path of ["../../etc/passwd", "/etc/passwd", "prices.yaml"])
    assert.throws(
      () =>
        resolveDeploymentDocument(
          { name: "request body", data: { ...deploymentData, prices: path } },
          catalog,
        ),
      (e: unknown) =>
        e instanceof CalwiseError &&
        e.code === "INPUT_INVALID" &&
        e.problems.length === 1 &&
        e.problems[0]?.path === "prices" &&
        e.problems[0]?.file === "request body" &&
        e.problems[0]?.message === "a price list inline: deployment data cannot name a file" &&
        e.problems[0]?.received === JSON.stringify(path),
    );
});

test("data that is not a mapping is named at line 1", () => {
  assert.throws(
    () => resolveDeploymentDocument({ name: "body", data: ["S1"] }, catalog),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.message === "body is not a deployment" &&
      e.problems[0]?.received === "a list" &&
      e.problems[0]?.line === 1,
  );
});

test("resolves the users, devices and accesses of inline data", () => {
  const resolved = resolveDeploymentDocument({ name: "body", data: deploymentData }, catalog);
  assert.deepEqual(
    resolved.accesses.map((a) => [a.user, a.device, a.server]),
    [
      ["alice", "kiosk", "S1"],
      ["bob", "kiosk", "S1"],
    ],
  );
});
