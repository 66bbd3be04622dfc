import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { type CalwiseError, describeColumnsDeployment } from "@calwise/core";
import { applyAuditWindow } from "./apply-audit-window.ts";
import { type AuditDeployment, buildAuditDeployment } from "./build-audit-deployment.ts";
import { checkOwnedDeployment } from "./check-owned-deployment.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { evaluateAuditDeployment } from "./evaluate-audit-deployment.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { logonEvent } from "./testing/logon-event.ts";

/** The deployment document the built columns stand for. */
const documentOf = (built: AuditDeployment) => describeColumnsDeployment(built.deployment);

const catalog = loadCatalog();

/** The steps from the ledger to the deployment, over the given logons and owned deployment. */
function build(owned: unknown, logons: Parameters<typeof logonEvent>[0][]) {
  const ownedDeployment = checkOwnedDeployment({
    name: "owned.yaml",
    data: owned,
    locate: (path) => (path.startsWith("servers") ? { line: 2, column: 3 } : undefined),
  });
  const ledger = createAuditLedger(ownedDeployment.servers, new InventoryIndex(), {});
  for (const l of logons) ledger.recordLogon(logonEvent(l));
  const windowed = applyAuditWindow(undefined, ledger);
  return {
    ownedDeployment,
    ledger: ledger.ledger,
    built: buildAuditDeployment(ownedDeployment, windowed, ledger.tally, catalog),
  };
}

test("deployment: the owned deployment's servers and CALs, with the accesses seen (its own dropped)", () => {
  const { built, ledger } = build(
    {
      name: "fs",
      servers: [{ name: "FS1", product: "ws2016-standard" }],
      owned: [{ family: "ws-cal", version: "2016", type: "user", quantity: 1 }],
      accesses: [{ user: "nobody", server: "FS1" }],
    },
    [
      { recordId: 1, computer: "FS1" },
      { recordId: 2, computer: "FS1", targetUserName: "bob", workstationName: "PC02" },
    ],
  );
  assert.equal(documentOf(built).name, "fs");
  assert.deepEqual(documentOf(built).accesses, [
    { user: "EXAMPLE\\ann", device: "PC01", server: "FS1" },
    { user: "EXAMPLE\\bob", device: "PC02", server: "FS1" },
  ]);
  assert.deepEqual(documentOf(built).users, ["EXAMPLE\\ann", "EXAMPLE\\bob"]);
  assert.deepEqual(documentOf(built).devices, ["PC01", "PC02"]);
  assert.equal(documentOf(built).owned?.length, 1);
  assert.deepEqual(
    Array.from(built.recordOfAccess, (r) => ledger.sample(r).record),
    [1, 2],
  );
  assert.equal(built.pairedDeviceRecord.size, 0);
});

test("deployment: no server reached is bad input naming the computers not counted", () => {
  assert.throws(
    () => build({}, [{ recordId: 1, computer: "WS9" }]),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_INVALID");
      assert.equal(error.problems[0]?.code, "NO_SERVER");
      assert.match(error.problems[0]?.message ?? "", /not counted: WS9/);
      return true;
    },
  );
});

test("deployment: an owned deployment that is not a mapping is refused at its first line", () => {
  assert.throws(
    () => checkOwnedDeployment({ name: "owned.yaml", data: ["FS1"] }),
    (error: CalwiseError) => {
      assert.equal(error.message, "owned.yaml is not a deployment file");
      assert.deepEqual([error.problems[0]?.line, error.problems[0]?.column], [1, 1]);
      return true;
    },
  );
});

test("evaluate: the engine's answer for the accesses; a problem is located in the owned document", () => {
  const { built, ownedDeployment } = build(
    {
      servers: [{ name: "FS1", product: "ws2016-standard" }],
      owned: [{ family: "ws-cal", version: "2016", type: "user", quantity: 1 }],
    },
    [{ recordId: 1, computer: "FS1" }],
  );
  const evaluation = evaluateAuditDeployment(built, ownedDeployment, catalog);
  assert.equal(evaluation.compliant, true);
  const bad = build({ servers: [{ name: "FS1", product: "ws1999-imaginary" }] }, [
    { recordId: 1, computer: "FS1" },
  ]);
  assert.throws(
    () => evaluateAuditDeployment(bad.built, bad.ownedDeployment, catalog),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_INVALID");
      assert.match(error.message, /^owned\.yaml has \d+ problems?$/);
      const problem = error.problems.find((p) => p.path.startsWith("servers"));
      assert.deepEqual([problem?.file, problem?.line, problem?.column], ["owned.yaml", 2, 3]);
      return true;
    },
  );
});

test("evaluate: more distinct accesses than an audit holds are refused before anything is built, naming the limit and the count", () => {
  const { built, ownedDeployment } = build(
    { name: "fs", servers: [{ name: "FS1", product: "ws2016-standard" }] },
    [
      { recordId: 1, computer: "FS1" },
      { recordId: 2, computer: "FS1", targetUserName: "bob", workstationName: "PC02" },
      { recordId: 3, computer: "FS1", targetUserName: "cy", workstationName: "PC03" },
    ],
  );
  assert.equal(evaluateAuditDeployment(built, ownedDeployment, catalog, {}, 3).compliant, false);
  assert.throws(
    () => evaluateAuditDeployment(built, ownedDeployment, catalog, {}, 2),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_INVALID");
      assert.match(error.message, /3 distinct accesses, more than an audit holds \(2\)/);
      assert.deepEqual(
        error.problems.map((p) => [p.code, p.expected, p.received]),
        [
          [
            "DEPLOYMENT_TOO_LARGE",
            "at most 2 distinct (user, device, server, service) accesses",
            "3 accesses",
          ],
        ],
      );
      return true;
    },
  );
});
