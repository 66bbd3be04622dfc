import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  buildRepresentativeDeployment,
  type EditionConfiguration,
} from "./build-representative-deployment.ts";
import { type CustomerProfileInput, validateCustomerProfile } from "./customer-profile.ts";

function build(
  input: CustomerProfileInput,
  configuration: EditionConfiguration = { product: "ws2012-standard" },
) {
  const profile = validateCustomerProfile(input);
  assert.ok(profile.success, JSON.stringify(!profile.success && profile.problems));
  return buildRepresentativeDeployment(profile.value, configuration).deployment;
}

/** Devices per user and users per device over the non-service accesses to the main server. */
function shape(deployment: ReturnType<typeof build>) {
  const byUser = new Map<string, Set<string>>();
  const byDevice = new Map<string, Set<string>>();
  for (const a of deployment.accesses ?? []) {
    if (a.service || !a.user || !a.device) continue;
    byUser.set(a.user, (byUser.get(a.user) ?? new Set()).add(a.device));
    byDevice.set(a.device, (byDevice.get(a.device) ?? new Set()).add(a.user));
  }
  return { byUser, byDevice };
}

test("buildRepresentativeDeployment", async (t) => {
  await t.test(
    "gives users with several devices two each, the others one, and shift workers the shared devices",
    () => {
      const d = build({ users: 10, devices: 12, sharedDevices: 2, usersWithSeveralDevices: 2 });
      const { byUser, byDevice } = shape(d);
      assert.equal(byUser.size, 10);
      assert.equal(byDevice.size, 12);
      const personal = (u: string) =>
        [...(byUser.get(u) ?? [])].filter((x) => x.startsWith("PC")).length;
      assert.deepEqual(["U1", "U2", "U3", "U8", "U9", "U10"].map(personal), [2, 2, 1, 1, 0, 0]);
      assert.deepEqual([...(byDevice.get("SHARED1") ?? [])].sort(), ["U1", "U9"]);
      assert.deepEqual([...(byDevice.get("SHARED2") ?? [])].sort(), ["U10", "U2"]);
      assert.equal(d.servers[0]?.userAccounts, 10);
      assert.equal(d.servers[0]?.deviceCount, 12);
    },
  );

  await t.test(
    "routes services to the servers that offer them and declares externals and anonymous use",
    () => {
      const d = build(
        { users: 3, externalUsers: 2, anonymousWeb: true, needs: ["sql", "remote-desktop"] },
        {
          product: "sbs2011-standard",
          addOn: "sbs2011-premium-addon",
          rdsOn: "add-on",
          sqlOn: "add-on",
        },
      );
      const services = (d.accesses ?? []).map((a) => `${a.server}:${a.service ?? "-"}`);
      assert.equal(services.filter((s) => s === "add-on-server:rds").length, 3);
      assert.equal(services.filter((s) => s === "add-on-server:sql").length, 3);
      assert.equal(services.filter((s) => s === "server:-").length, 5);
      assert.equal(d.servers[1]?.product, "sbs2011-premium-addon");
      assert.deepEqual(d.anonymous, [{ server: "server", description: "public web site" }]);
    },
  );

  await t.test(
    "uses every device and every user of any consistent profile, sharing each shared device",
    () => {
      const profile = fc
        .record({
          users: fc.integer({ min: 1, max: 40 }),
          extra: fc.integer({ min: 0, max: 30 }),
          shared: fc.integer({ min: 1, max: 8 }),
          several: fc.integer({ min: 0, max: 10 }),
        })
        .map(({ users, extra, shared, several }) => {
          const s = Math.min(several, users);
          return {
            users,
            devices: Math.max(users, 2 * s) + extra + shared,
            sharedDevices: shared,
            usersWithSeveralDevices: s,
          };
        });
      fc.assert(
        fc.property(profile, (p) => {
          const { byUser, byDevice } = shape(build(p));
          assert.equal(byUser.size, p.users);
          assert.equal(byDevice.size, p.devices);
          for (const [device, users] of byDevice)
            if (device.startsWith("SHARED")) assert.ok(users.size >= Math.min(2, p.users), device);
          const several = [...byUser.values()].filter(
            (ds) => [...ds].filter((x) => x.startsWith("PC")).length > 1,
          ).length;
          assert.ok(several >= p.usersWithSeveralDevices);
        }),
        { numRuns: 300 },
      );
    },
  );

  await t.test(
    "gives both shared devices two users when one user owns the only personal devices (a case fast-check found)",
    () => {
      const { byDevice } = shape(
        build({ users: 2, devices: 4, sharedDevices: 2, usersWithSeveralDevices: 1 }),
      );
      assert.equal(byDevice.get("SHARED1")?.size, 2);
      assert.equal(byDevice.get("SHARED2")?.size, 2);
    },
  );

  await t.test("refuses a profile whose users have no device to work on", () => {
    const r = validateCustomerProfile({ users: 10, devices: 6 });
    assert.equal(r.success, false);
    if (!r.success) assert.match(r.problems[0]?.message ?? "", /4 users have no personal device/);
  });
});
