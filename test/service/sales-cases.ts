import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword } from "@calwise/http-api";
import type { Store } from "@calwise/storage";
import { mullerQuoteBody, storeExamplePriceLists } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  password,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** 12 staff sharing 5 PCs: device CALs are the fewest (5), user CALs the more (12). */
const sharedPcs = {
  product: "ws2022-standard",
  users: 12,
  devices: 5,
  sharedDevices: 5,
  rds: false,
};

/** A quote of one Windows Server 2012 Standard with 5 user CALs: it includes its CALs. */
export function quoteWithCals(customerId: string) {
  return {
    customerId,
    deployment: {
      name: "five staff",
      servers: [{ name: "SRV", product: "ws2012-standard", processors: 1 }],
      users: ["u{1..5}"],
      devices: ["d{1..5}"],
      accesses: [{ user: "u{1..5}", device: "d{1..5}", server: "SRV" }],
    },
    terms: { date: "2026-11-28", currency: "EUR" },
  };
}

/** A sales agent of an organisation, who can sign in with the test password. */
async function addAgent(store: Store, orgId: string, email: string, displayName: string) {
  return store.users.create(orgId, {
    email,
    displayName,
    role: "sales",
    passwordHash: await hashPassword(password),
  });
}

/** Sales training, the organisation's scenarios and logo, and the dashboard: the API on a real store. */
export function defineSalesCases(harness: ServiceHarness): void {
  test("training: answers are recorded per agent; an owner sees every agent's score, an agent their own", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user: owner } = await createAccount(store, "owner", "training");
    const agent = await addAgent(store, org.id, "anna@example.com", "Anna Agent");
    const o = await signIn(app, org.slug, owner.email);
    const a = await signIn(app, org.slug, agent.email);
    const answer = async (session: typeof a, body: unknown, key?: string) => {
      const init = asSession(session, "POST", body);
      if (key !== undefined) (init.headers as Record<string, string>)["idempotency-key"] = key;
      const r = await app.request("/v1/training/answers", init);
      assert.equal(r.status, 200, await r.clone().text());
      return (await r.json()) as { correct: boolean; expected: { type: string; count: number }[] };
    };
    const exercise = (await (
      await app.request(
        "/v1/training/exercises",
        asSession(a, "POST", { seed: 5, source: "generated" }),
      )
    ).json()) as { kind: string; seed: number; question: unknown };
    assert.equal(exercise.kind, "seed");
    const wrong = await answer(a, { seed: 5, cals: [] }, "attempt-1");
    assert.equal(wrong.correct, false);
    assert.equal(
      (await answer(a, { seed: 5, cals: [] }, "attempt-1")).correct,
      false,
      "the same Idempotency-Key replays the verdict and records nothing more",
    );
    const right = await answer(a, {
      seed: 5,
      cals: wrong.expected.map((e) => ({ ...e })),
    });
    assert.equal(right.correct, true);
    await answer(o, {
      question: sharedPcs,
      cals: [{ family: "ws-cal", type: "device", count: 5 }],
    });

    const scoresOf = async (session: typeof a) =>
      (
        (await (await app.request("/v1/training/scores", asSession(session))).json()) as {
          scores: { name: string; attempts: number; right: number; rateBasisPoints: number }[];
        }
      ).scores.map((s) => [s.name, s.attempts, s.right, s.rateBasisPoints]);
    assert.deepEqual(await scoresOf(o), [
      ["Anna Agent", 2, 1, 5000],
      ["owner", 1, 1, 10000],
    ]);
    assert.deepEqual(await scoresOf(a), [["Anna Agent", 2, 1, 5000]], "an agent sees their own");
    const stored = await store.trainingAttempts.list(org.id, { userId: agent.id });
    assert.deepEqual(
      stored.map((s) => [s.kind, s.seed, s.correct]),
      [
        ["seed", 5, true],
        ["seed", 5, false],
      ],
    );
    const outsider = await createAccount(store, "owner", "training-outsider");
    const x = await signIn(app, outsider.org.slug, outsider.user.email);
    assert.deepEqual(await scoresOf(x), [], "another organisation sees no score of this one");
  });

  test("training: the owner's scenario is drawn for an agent, answered, and retired; agents cannot write one", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user: owner } = await createAccount(store, "owner", "scenarios");
    const agent = await addAgent(store, org.id, "ben@example.com", "Ben");
    const o = await signIn(app, org.slug, owner.email);
    const a = await signIn(app, org.slug, agent.email);
    const draw = () =>
      app.request("/v1/training/exercises", asSession(a, "POST", { source: "organisation" }));
    assert.equal((await draw()).status, 404, "no scenario yet: said in words");
    const scenario = { title: "The dental practice", question: sharedPcs, note: "Reception PCs" };
    assert.equal(
      (await app.request("/v1/training/scenarios", asSession(a, "POST", scenario))).status,
      403,
    );
    const bad = await app.request(
      "/v1/training/scenarios",
      asSession(o, "POST", {
        ...scenario,
        question: { ...sharedPcs, product: "sql2012-standard" },
      }),
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(
      ((await bad.json()) as { problems: { path: string }[] }).problems.map((p) => p.path),
      ["question.product"],
    );
    const created = await app.request("/v1/training/scenarios", asSession(o, "POST", scenario));
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const drawn = (await (await draw()).json()) as {
      kind: string;
      scenarioId: string;
      prompt: string;
    };
    assert.equal(drawn.kind, "scenario");
    assert.equal(drawn.scenarioId, id);
    assert.match(
      drawn.prompt,
      /^The dental practice: a customer buys Windows Server 2022 Standard for 12 staff on 5 devices, 5 of them shared: which CALs, and how many\?$/,
    );
    const verdict = (await (
      await app.request(
        "/v1/training/answers",
        asSession(a, "POST", {
          scenarioId: id,
          cals: [{ family: "ws-cal", type: "device", count: 5 }],
        }),
      )
    ).json()) as { correct: boolean };
    assert.equal(verdict.correct, true);
    const [attempt] = await store.trainingAttempts.list(org.id);
    assert.equal(attempt?.kind, "scenario");
    assert.equal(attempt?.scenarioId, id);
    const log = await store.auditLog.list(org.id);
    assert.ok(log.some((e) => e.action === "training-scenario.create" && e.targetId === id));
    const retired = await app.request(`/v1/training/scenarios/${id}/retire`, asSession(o, "POST"));
    assert.equal(retired.status, 200);
    assert.equal((await draw()).status, 404, "a retired scenario is not drawn");
    const all = (await (
      await app.request("/v1/training/scenarios?retired=true", asSession(o))
    ).json()) as { scenarios: { id: string; retiredAt: string | null }[] };
    assert.equal(all.scenarios.length, 1);
    assert.ok(all.scenarios[0]?.retiredAt);
    const handout = (await (
      await app.request("/v1/training/handout?count=2", asSession(o))
    ).json()) as {
      exercises: { answer: unknown[]; rules: { text: string }[]; sources: unknown[] }[];
    };
    assert.equal(handout.exercises.length, 2, "retired scenarios are not handed out");
    for (const e of handout.exercises)
      assert.ok(e.answer.length > 0 && e.rules.length > 0 && e.sources.length > 0);
    assert.equal((await app.request("/v1/training/handout", asSession(a))).status, 403);
  });

  test("training: answers are checked at the organisation's own prices when it has a list in force", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "own-prices");
    const s = await signIn(app, org.slug, user.email);
    const devices = [{ family: "ws-cal", type: "device", count: 5 }];
    const check = async () =>
      (await (
        await app.request(
          "/v1/training/answers",
          asSession(s, "POST", { question: sharedPcs, cals: devices }),
        )
      ).json()) as { correct: boolean; expected: { type: string; count: number }[] };
    assert.equal((await check()).correct, true, "unpriced: the fewest CALs");
    // Its own prices make a device CAL cost ten user CALs: 12 user CALs are now the cheapest answer.
    await store.priceLists.create(org.id, {
      name: "own prices",
      currency: "EUR",
      validFrom: "2020-01-01",
      document: {
        name: "own prices",
        currency: "EUR",
        validFrom: "2020-01-01",
        items: [
          { sku: "U1", family: "ws-cal", version: "2022", type: "user", packSize: 1, price: 1000 },
          {
            sku: "D1",
            family: "ws-cal",
            version: "2022",
            type: "device",
            packSize: 1,
            price: 10000,
          },
        ],
      },
    });
    const priced = await check();
    assert.equal(priced.correct, false);
    assert.deepEqual(
      priced.expected.map((e) => [e.type, e.count]),
      [["user", 12]],
    );
  });

  test("logo: PNG or JPEG by its bytes, at most 256 KiB, owner only; served as an image with nosniff and a CSP", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "logo");
    const agent = await addAgent(store, org.id, "cal@example.com", "Cal");
    const o = await signIn(app, org.slug, user.email);
    const a = await signIn(app, org.slug, agent.email);
    const put = (session: typeof o, bytes: Uint8Array<ArrayBuffer>, type = "image/png") =>
      app.request("/v1/organisation/logo", {
        method: "PUT",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": type },
        body: bytes,
      });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    assert.equal((await app.request("/v1/organisation/logo", asSession(a))).status, 404);
    assert.equal((await put(a, png)).status, 403);
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    const refused = await put(o, svg, "image/png");
    assert.equal(refused.status, 400, "an SVG sent as image/png is told by its bytes");
    assert.match(await refused.text(), /PNG or JPEG/);
    const big = new Uint8Array(256 * 1024 + 1);
    big.set(png);
    assert.equal((await put(o, big)).status, 413);
    const saved = await put(o, png, "image/jpeg");
    assert.equal(saved.status, 200, await saved.clone().text());
    const branding = (await saved.json()) as { logo: { mediaType: string; sizeBytes: number } };
    assert.deepEqual([branding.logo.mediaType, branding.logo.sizeBytes], ["image/png", 11]);
    const read = await app.request("/v1/organisation/logo", asSession(a));
    assert.equal(read.status, 200);
    assert.equal(read.headers.get("content-type"), "image/png");
    assert.equal(read.headers.get("x-content-type-options"), "nosniff");
    assert.match(read.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    assert.deepEqual(new Uint8Array(await read.arrayBuffer()), png);
    const log = await store.auditLog.list(org.id);
    assert.ok(log.some((e) => e.action === "organisation.logo"));
    const other = await createAccount(store, "owner", "logo-other");
    const x = await signIn(app, other.org.slug, other.user.email);
    assert.equal((await app.request("/v1/organisation/logo", asSession(x))).status, 404);
  });

  test("dashboard: quotes, CAL attach rate, revenue CALs vs servers and training for known quotes", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "dashboard");
    const s = await signIn(app, org.slug, user.email);
    await storeExamplePriceLists(app, s);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Dental practice" }))
    ).json()) as { id: string };
    const post = async (body: unknown) => {
      const r = await app.request("/v1/quotes", asSession(s, "POST", body));
      assert.equal(r.status, 201, await r.clone().text());
      return (await r.json()) as { id: string; createdAt: string };
    };
    // With CALs, issued and accepted; Müller's quote leaves CALs out with recorded reasons (not attached).
    const withCals = await post(quoteWithCals(customer.id));
    await post(mullerQuoteBody(customer.id));
    assert.equal(
      (await app.request(`/v1/quotes/${withCals.id}/issue`, asSession(s, "POST"))).status,
      200,
    );
    assert.equal(
      (
        await app.request(
          `/v1/quotes/${withCals.id}/status`,
          asSession(s, "POST", { status: "accepted" }),
        )
      ).status,
      200,
    );
    await app.request(
      "/v1/training/answers",
      asSession(s, "POST", {
        question: sharedPcs,
        cals: [{ family: "ws-cal", type: "user", count: 12 }],
      }),
    );
    const month = withCals.createdAt.slice(0, 7);
    const r = await app.request(`/v1/dashboard?from=${month}&to=${month}`, asSession(s));
    assert.equal(r.status, 200, await r.clone().text());
    const dashboard = (await r.json()) as {
      months: Record<string, unknown>[];
      totals: Record<string, unknown>;
      training: { attempts: number; right: number }[];
    };
    const expected = {
      month,
      created: 2,
      byStatus: { draft: 1, issued: 0, accepted: 1, declined: 0, withdrawn: 0 },
      issued: 1,
      calServerQuotes: 2,
      calsAttached: 1,
      attachRateBasisPoints: 5000,
      // One 2-processor licence (79,000) and one 5-pack of 2012 user CALs at the 2026-H2 list's price.
      revenue: [{ currency: "EUR", calsMinor: 18500, serversMinor: 79000, otherMinor: 0 }],
    };
    assert.deepEqual(dashboard.months, [expected]);
    const { month: _m, ...totals } = expected;
    assert.deepEqual(dashboard.totals, totals);
    assert.deepEqual(
      dashboard.training.map((t) => [t.attempts, t.right]),
      [[1, 0]],
    );
    const bad = await app.request("/v1/dashboard?from=2026-05&to=2026-01", asSession(s));
    assert.equal(bad.status, 400);
    const other = await createAccount(store, "owner", "dashboard-other");
    const x = await signIn(app, other.org.slug, other.user.email);
    const theirs = (await (
      await app.request(`/v1/dashboard?from=${month}&to=${month}`, asSession(x))
    ).json()) as { totals: { created: number } };
    assert.equal(theirs.totals.created, 0, "another organisation's quotes count nowhere");
  });
}
