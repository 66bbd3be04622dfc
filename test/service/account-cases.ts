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

function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** Sign-in, sessions, CSRF, API tokens, rate limits and roles. */
export function defineAccountCases(harness: ServiceHarness): void {
  test("sign-in starts a server-side session with HttpOnly, SameSite=Lax cookies; sign-out ends it", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales");
    const r = await app.request(
      "/v1/sign-in",
      postJson({ organisation: org.slug, email: user.email.toUpperCase(), password }),
    );
    assert.equal(r.status, 200);
    const answer = (await r.json()) as { user: { role: string; customerId: string | null } };
    assert.deepEqual(
      [answer.user.role, answer.user.customerId],
      ["sales", null],
      "staff: no customer",
    );
    const [session, csrf] = r.headers.getSetCookie();
    assert.match(session ?? "", /^calwise_session=[^;]+;/);
    assert.match(session ?? "", /HttpOnly/);
    assert.match(session ?? "", /SameSite=Lax/);
    assert.doesNotMatch(session ?? "", /Secure/);
    assert.doesNotMatch(csrf ?? "", /HttpOnly/, "the page reads the CSRF cookie");
    const signed = await signIn(app, org.slug, user.email);
    assert.equal((await app.request("/v1/customers", asSession(signed))).status, 200);
    assert.equal((await app.request("/v1/sign-out", asSession(signed, "POST"))).status, 204);
    const after = await app.request("/v1/customers", asSession(signed));
    assert.equal(after.status, 401, "the stored session is revoked");
    assert.equal(((await after.json()) as { code: string }).code, "UNAUTHENTICATED");

    const secure = createTestApi(store, { secureCookies: true });
    const s = await secure.request(
      "/v1/sign-in",
      postJson({ organisation: org.slug, email: user.email, password }),
    );
    assert.ok(
      s.headers.getSetCookie().every((c) => /; Secure/.test(c)),
      "Secure with --secure-cookies",
    );
  });

  test("a wrong password, an unknown account and an unknown organisation are the same 401", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    for (const body of [
      { organisation: org.slug, email: user.email, password: "not the password" },
      { organisation: org.slug, email: "nobody@example.com", password },
      { organisation: "no-such-organisation", email: user.email, password },
    ]) {
      const r = await app.request("/v1/sign-in", postJson(body));
      assert.equal(r.status, 401);
      const problem = (await r.json()) as { code: string; detail: string };
      assert.equal(problem.code, "UNAUTHENTICATED");
      assert.equal(problem.detail, "wrong organisation, email or password");
      assert.equal(r.headers.getSetCookie().length, 0);
    }
    const bad = await app.request("/v1/sign-in", postJson({ organisation: org.slug }));
    assert.equal(bad.status, 400);
    const paths = ((await bad.json()) as { problems: { path: string }[] }).problems.map(
      (p) => p.path,
    );
    assert.deepEqual(paths.sort(), ["email", "password"]);
  });

  test("failed sign-ins are rate-limited per account and per address (429 RATE_LIMITED)", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const wrong = postJson({
      organisation: org.slug,
      email: user.email,
      password: "wrong password",
    });
    for (let i = 0; i < 5; i += 1)
      assert.equal((await app.request("/v1/sign-in", wrong)).status, 401);
    const right = postJson({ organisation: org.slug, email: user.email, password });
    const limited = await app.request("/v1/sign-in", right);
    assert.equal(limited.status, 429, "even the right password, until the failures age out");
    assert.equal(((await limited.json()) as { code: string }).code, "RATE_LIMITED");

    const other = await createAccount(store, "sales");
    await store.users.create(other.org.id, {
      email: "second@example.com",
      displayName: "second",
      role: "sales",
      passwordHash: other.user.passwordHash,
    });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    for (let i = 0; i < 20; i += 1) {
      const guess = postJson({
        organisation: other.org.slug,
        email: `guess${i}@example.com`,
        password,
      });
      assert.equal((await app.request("/v1/sign-in", guess, from("203.0.113.9"))).status, 401);
    }
    const good = postJson({ organisation: other.org.slug, email: "second@example.com", password });
    assert.equal((await app.request("/v1/sign-in", good, from("203.0.113.9"))).status, 429);
    assert.equal((await app.request("/v1/sign-in", good, from("198.51.100.7"))).status, 200);
  });

  test("a cookie-authenticated write without the CSRF token is refused (403); a bearer token needs none", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const session = await signIn(app, org.slug, user.email);
    const write = (headers: Record<string, string>) =>
      app.request(
        "/v1/customers",
        postJson({ name: "Contoso" }, { cookie: session.cookie, ...headers }),
      );
    const none = await write({});
    assert.equal(none.status, 403);
    assert.match(((await none.json()) as { detail: string }).detail, /CSRF/);
    assert.equal((await write({ "x-csrf-token": "forged" })).status, 403);
    const planted = {
      cookie: `${session.cookie.replace(/calwise_csrf=[^;]*/, "calwise_csrf=planted")}`,
    };
    assert.equal(
      (await write({ ...planted, "x-csrf-token": "planted" })).status,
      403,
      "a planted cookie",
    );
    assert.equal((await write({ "x-csrf-token": session.csrf })).status, 201);

    const created = await app.request(
      "/v1/api-tokens",
      asSession(session, "POST", { name: "script" }),
    );
    assert.equal(created.status, 201);
    const token = (await created.json()) as { id: string; token: string };
    const stored = await store.apiTokens.listOfUser(org.id, user.id);
    assert.ok(
      stored.every((t) => !t.tokenHash.includes(token.token)),
      "only a hash is stored",
    );
    const bearer = { authorization: `Bearer ${token.token}` };
    assert.equal(
      (await app.request("/v1/customers", postJson({ name: "Fabrikam" }, bearer))).status,
      201,
    );
    const revoked = await app.request(`/v1/api-tokens/${token.id}`, asSession(session, "DELETE"));
    assert.equal(revoked.status, 204);
    assert.equal((await app.request("/v1/customers", { headers: bearer })).status, 401);
    assert.equal((await app.request("/v1/customers")).status, 401, "nothing is open");
  });

  test("roles are checked per route: 403 FORBIDDEN", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const auditor = await createAccount(store, "auditor");
    const customer = await createAccount(store, "customer");
    const a = await signIn(app, auditor.org.slug, auditor.user.email);
    const c = await signIn(app, customer.org.slug, customer.user.email);
    assert.equal(
      (await app.request("/v1/customers", asSession(a))).status,
      200,
      "an auditor reads",
    );
    const write = await app.request("/v1/customers", asSession(a, "POST", { name: "X" }));
    assert.equal(write.status, 403);
    assert.equal(((await write.json()) as { code: string }).code, "FORBIDDEN");
    assert.equal((await app.request("/v1/customers", asSession(c))).status, 403);
    assert.equal((await app.request("/v1/catalog", asSession(c))).status, 200);
  });
}
