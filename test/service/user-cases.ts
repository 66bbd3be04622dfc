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

/** Posts `body` to the invitation-accepting route, as the invited user's browser does (no session). */
function acceptInvitation(app: ReturnType<typeof createTestApi>, body: unknown) {
  return app.request("/v1/invitations/accept", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** An owner's session on a fresh organisation and a user it added with `email` (no password yet). */
async function addInvitee(harness: ServiceHarness, email: string) {
  const store = harness.store();
  const app = createTestApi(store);
  const { org, user: owner } = await createAccount(store, "owner");
  const o = await signIn(app, org.slug, owner.email);
  const added = (await (
    await app.request("/v1/users", asSession(o, "POST", { email, role: "sales" }))
  ).json()) as { id: string; hasPassword: boolean; invited: boolean };
  return { app, org, o, added };
}

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
    const { app, org, o, added } = await addInvitee(harness, "ivy@example.com");
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
    const accept = (body: unknown) => acceptInvitation(app, body);
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
    // Accepting signs the user in as sign-in does: the same cookies (HttpOnly, SameSite=Lax) and answer.
    const accepted = await accept({ token, email: "ivy@example.com", password: chosen });
    assert.equal(accepted.status, 200);
    const setCookies = accepted.headers.getSetCookie();
    assert.ok(
      setCookies.some(
        (c) => /^calwise_session=/.test(c) && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c),
      ),
      setCookies.join(" | "),
    );
    const signedIn = (await accepted.json()) as {
      csrfToken: string;
      user: { email: string; role: string; customerId: string | null };
      organisation: { slug: string };
    };
    assert.deepEqual(
      [
        signedIn.user.email,
        signedIn.user.role,
        signedIn.user.customerId,
        signedIn.organisation.slug,
      ],
      ["ivy@example.com", "sales", null, org.slug],
    );
    const session = {
      cookie: setCookies.map((c) => c.split(";")[0]).join("; "),
      csrf: signedIn.csrfToken,
    };
    assert.equal((await app.request("/v1/customers", asSession(session))).status, 200, "signed in");
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

  test("users: failed invitation acceptances count as failed sign-ins (429 RATE_LIMITED past the limit)", async () => {
    const { app, org, o, added } = await addInvitee(harness, "kim@example.com");
    const invited = await app.request(`/v1/users/${added.id}/invitation`, asSession(o, "POST"));
    const { token } = (await invited.json()) as { token: string };
    const accept = (body: unknown) => acceptInvitation(app, body);
    const wrong = `${org.id}.${"B".repeat(43)}`;
    for (let i = 0; i < 5; i += 1)
      assert.equal(
        (await accept({ token: wrong, email: "kim@example.com", password: "kim's long password" }))
          .status,
        401,
      );
    const limited = await accept({
      token,
      email: "kim@example.com",
      password: "kim's long password",
    });
    assert.equal(limited.status, 429, "even the right token, until the failures age out");
    assert.equal(((await limited.json()) as { code: string }).code, "RATE_LIMITED");
    assert.equal(limited.headers.getSetCookie().length, 0, "no session");
  });
}
