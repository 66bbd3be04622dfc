import assert from "node:assert/strict";
import { test } from "node:test";
import {
  asSession,
  createAccount,
  createTestApi,
  password,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** Owners manage the organisation's users: list, add with a role, change the role, remove. */
export function defineUserCases(harness: ServiceHarness): void {
  test("users: an owner adds, re-roles and removes accounts; the last owner stays; only owners may", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user: owner } = await createAccount(store, "owner");
    const o = await signIn(app, org.slug, owner.email);
    const added = await app.request(
      "/v1/users",
      asSession(o, "POST", { email: "Sam@Example.com", role: "sales", password }),
    );
    assert.equal(added.status, 201, await added.clone().text());
    const sam = (await added.json()) as { id: string; email: string; hasPassword: boolean };
    assert.deepEqual([sam.email, sam.hasPassword], ["sam@example.com", true]);
    assert.ok(!JSON.stringify(sam).includes("scrypt"), "never the hash");
    assert.equal(
      (
        await app.request(
          "/v1/users",
          asSession(o, "POST", { email: "sam@example.com", role: "sales", password }),
        )
      ).status,
      409,
    );
    const noCustomer = await app.request(
      "/v1/users",
      asSession(o, "POST", { email: "c@example.com", role: "customer", password }),
    );
    assert.equal(noCustomer.status, 400);
    const short = await app.request(
      "/v1/users",
      asSession(o, "POST", { email: "d@example.com", role: "sales", password: "short" }),
    );
    assert.deepEqual(
      ((await short.json()) as { problems: { path: string }[] }).problems.map((p) => p.path),
      ["password"],
    );

    const s = await signIn(app, org.slug, "sam@example.com");
    assert.equal((await app.request("/v1/users", asSession(s))).status, 403, "sales may not");
    const listed = (await (await app.request("/v1/users", asSession(o))).json()) as {
      users: { email: string; role: string }[];
    };
    assert.deepEqual(listed.users.map((u) => `${u.email} ${u.role}`).sort(), [
      `${owner.email} owner`,
      "sam@example.com sales",
    ]);

    const demoted = await app.request(
      `/v1/users/${owner.id}/role`,
      asSession(o, "PUT", { role: "sales" }),
    );
    assert.equal(demoted.status, 409, "the last owner stays an owner");
    assert.equal((await app.request(`/v1/users/${owner.id}`, asSession(o, "DELETE"))).status, 409);
    const auditor = await app.request(
      `/v1/users/${sam.id}/role`,
      asSession(o, "PUT", { role: "auditor" }),
    );
    assert.equal(((await auditor.json()) as { role: string }).role, "auditor");
    assert.equal((await app.request(`/v1/users/${sam.id}`, asSession(o, "DELETE"))).status, 204);
    assert.equal((await app.request("/v1/catalog", asSession(s))).status, 401, "its session ends");
    assert.equal((await app.request(`/v1/users/${sam.id}`, asSession(o, "DELETE"))).status, 404);
    const actions = (await store.auditLog.list(org.id)).map((e) => e.action);
    assert.deepEqual(
      ["user.add", "user.role", "user.remove"].filter((a) => !actions.includes(a)),
      [],
    );
  });

  test("users: an owner invites a user without a password; the one-time token sets it (and resets a forgotten one)", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user: owner } = await createAccount(store, "owner");
    const o = await signIn(app, org.slug, owner.email);
    const added = (await (
      await app.request(
        "/v1/users",
        asSession(o, "POST", { email: "ivy@example.com", role: "sales" }),
      )
    ).json()) as { id: string; hasPassword: boolean; invited: boolean };
    assert.deepEqual([added.hasPassword, added.invited], [false, false]);
    const invite = async () => {
      const r = await app.request(`/v1/users/${added.id}/invitation`, asSession(o, "POST"));
      assert.equal(r.status, 200);
      return ((await r.json()) as { token: string }).token;
    };
    const token = await invite();
    const listed = (await (await app.request("/v1/users", asSession(o))).json()) as {
      users: { id: string; invited: boolean }[];
    };
    assert.equal(listed.users.find((u) => u.id === added.id)?.invited, true);
    const accept = (body: unknown) =>
      app.request("/v1/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const chosen = "ivy's own long password";
    assert.equal(
      (await accept({ token, email: "other@example.com", password: chosen })).status,
      401,
    );
    assert.equal(
      (
        await accept({
          token: `${org.id}.${"A".repeat(43)}`,
          email: "ivy@example.com",
          password: chosen,
        })
      ).status,
      401,
    );
    assert.equal((await accept({ token, email: "ivy@example.com", password: chosen })).status, 204);
    assert.equal(
      (await accept({ token, email: "ivy@example.com", password: chosen })).status,
      401,
      "once",
    );
    const signInAs = (pass: string) =>
      app.request("/v1/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ organisation: org.slug, email: "ivy@example.com", password: pass }),
      });
    assert.equal((await signInAs(chosen)).status, 200);
    await invite();
    assert.equal((await signInAs(chosen)).status, 401, "a reset ends the old password");
  });
}
