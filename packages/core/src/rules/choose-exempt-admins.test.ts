import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import { ADMIN_SERVICE } from "../deployment/admin-service.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import { chooseExemptAdmins } from "./choose-exempt-admins.ts";

const catalog = smallTestCatalog();

/** The former choice, from the access objects, kept as the oracle. */
function formerChoice(
  deployment: ResolvedDeployment,
  usedAssumptions: Set<string>,
): Map<string, Set<string>> {
  const adminsByServer = new Map<string, string[]>();
  const otherUse = new Set<string>();
  for (const a of deployment.accesses) {
    const who = a.user ?? a.device;
    if (who === undefined) continue;
    if (a.service === ADMIN_SERVICE) {
      const list = adminsByServer.get(a.server) ?? [];
      if (!list.includes(who)) list.push(who);
      adminsByServer.set(a.server, list);
    } else if (a.fromServer === undefined) otherUse.add(who);
  }
  const result = new Map<string, Set<string>>();
  if (adminsByServer.size === 0) return result;
  usedAssumptions.add("admin-exemption-scope");
  const rank = (list: string[]) => [
    ...list.filter((w) => !otherUse.has(w)),
    ...list.filter((w) => otherUse.has(w)),
  ];
  if (deployment.assumptions.get("admin-exemption-scope") === "per-customer") {
    const all = rank([...new Set([...adminsByServer.values()].flat())]).slice(0, 2);
    for (const server of adminsByServer.keys()) result.set(server, new Set(all));
  } else
    for (const [server, list] of adminsByServer)
      result.set(server, new Set(rank(list).slice(0, 2)));
  return result;
}

const servers = ["S1", "S2", "S3"];
const users = ["U1", "U2", "U3", "U4", "U5"];
const devices = ["D1", "D2", "D3"];
const access = fc.record(
  {
    user: fc.constantFrom(...users),
    device: fc.constantFrom(...devices),
    server: fc.constantFrom(...servers),
    service: fc.constant("admin"),
    fromServer: fc.constantFrom(...servers),
  },
  { requiredKeys: ["server"] },
);

test("chooseExemptAdmins from the columns chooses as the former choice from the access objects", () => {
  let withAdmins = 0;
  fc.assert(
    fc.property(
      fc.array(access, { maxLength: 30 }),
      fc.constantFrom("per-server", "per-customer"),
      (accesses, scope) => {
        const resolved = resolveDeployment(
          {
            servers: servers.map((name) => ({ name, product: "ws2016-standard" })),
            users,
            devices,
            accesses: accesses.filter((a) => a.fromServer !== a.server),
            assumptions: { "admin-exemption-scope": scope },
          },
          catalog,
        );
        if (!resolved.success) return;
        const deployment = resolved.value;
        const expectedUsed = new Set<string>();
        const expected = formerChoice(deployment, expectedUsed);
        if (expected.size > 0) withAdmins++;
        // Resolution's columns, and the columns read from the access objects alone.
        for (const route of [deployment, { ...deployment, accessColumns: undefined }]) {
          const used = new Set<string>();
          assert.deepEqual(chooseExemptAdmins(route, used), expected);
          assert.deepEqual(used, expectedUsed);
        }
      },
    ),
    { numRuns: 300 },
  );
  assert.ok(withAdmins > 50, `only ${withAdmins} runs had admins`);
});
