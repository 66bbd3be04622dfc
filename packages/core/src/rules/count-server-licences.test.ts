import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { countServerLicences } from "./count-server-licences.ts";

const catalog = smallTestCatalog();

/** Licences counted per server, as `server: quantity unit`. */
function licencesOf(servers: DeploymentInput["servers"]): string[] {
  const resolved = resolveDeployment({ servers }, catalog);
  assert.ok(resolved.success, JSON.stringify(!resolved.success && resolved.problems));
  return countServerLicences(resolved.value, catalog).map(
    (l) =>
      `${l.server}: ${l.quantity} ${l.unit}${l.cores !== undefined ? ` (${l.cores} cores)` : ""}`,
  );
}

test("WS2012 Standard: one licence per 2 processors, 2 VMs per licence, stacked [R21][R23]", () => {
  assert.deepEqual(
    licencesOf([
      { name: "A", product: "ws2012-standard", processors: 2 },
      { name: "B", product: "ws2012-standard", processors: 4 },
      { name: "C", product: "ws2012-standard", processors: 2, virtualMachines: 5 },
      { name: "D", product: "ws2012-standard", processors: 1, virtualMachines: 2 },
    ]),
    [
      "A: 1 processor-pair",
      // all physical processors must be licensed: ceil(4 / 2)
      "B: 2 processor-pair",
      // max(ceil(2 / 2), ceil(5 / 2)) = 3
      "C: 3 processor-pair",
      "D: 1 processor-pair",
    ],
  );
});

test("WS2012 Datacenter: ceil(processors / 2), any number of VMs [R23]", () => {
  assert.deepEqual(
    licencesOf([{ name: "A", product: "ws2012-datacenter", processors: 3, virtualMachines: 40 }]),
    ["A: 2 processor-pair"],
  );
});

test("WS2008 R2: Enterprise per server with 4 VMs each; Datacenter one licence per processor [R3]", () => {
  assert.deepEqual(
    licencesOf([
      { name: "E1", product: "ws2008r2-enterprise", virtualMachines: 4 },
      { name: "E2", product: "ws2008r2-enterprise", virtualMachines: 6 },
      { name: "DC", product: "ws2008r2-datacenter", processors: 2, virtualMachines: 30 },
    ]),
    ["E1: 1 server", "E2: 2 server", "DC: 2 processor"],
  );
});

test("WS2016 Standard: every core, at least 8 per processor and 16 per server, in 2-core packs; every 2 VMs more licenses all cores again [R40]", () => {
  assert.deepEqual(
    licencesOf([
      { name: "small", product: "ws2016-standard", processors: 1, coresPerProcessor: 4 },
      { name: "big", product: "ws2016-standard", processors: 2, coresPerProcessor: 12 },
      {
        name: "vms",
        product: "ws2016-standard",
        processors: 2,
        coresPerProcessor: 8,
        virtualMachines: 3,
      },
    ]),
    [
      "small: 8 core-pack (16 cores)",
      "big: 12 core-pack (24 cores)",
      "vms: 16 core-pack (32 cores)",
    ],
  );
});

test("a virtual machine that runs on a licensed host needs no licence of its own", () => {
  assert.deepEqual(
    licencesOf([
      { name: "HOST", product: "ws2012-datacenter", processors: 2 },
      { name: "VM1", product: "ws2012-standard", runsOn: "HOST" },
    ]),
    ["HOST: 1 processor-pair", "VM1: 0 server"],
  );
});

test("every licence line names its rule and the sources behind it", () => {
  const resolved = resolveDeployment(
    { servers: [{ name: "A", product: "ws2012-standard" }] },
    catalog,
  );
  assert.ok(resolved.success);
  const [line] = countServerLicences(resolved.value, catalog);
  assert.equal(line?.rule, "server-licence-count");
  assert.deepEqual(line?.sources, ["R1", "R21", "R23"]);
  assert.equal(
    line?.explanation,
    "max(ceil(1 processors / 2) = 1, no VMs at 2 per licence → 0) = 1",
  );
});
