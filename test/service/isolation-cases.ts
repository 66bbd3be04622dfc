import assert from "node:assert/strict";
import { test } from "node:test";
import { mullerQuoteBody, storeExamplePriceLists } from "./commerce-cases.ts";
import { readExampleDeployment } from "./resource-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** A body each write route accepts, so that only the id can make it fail. */
const validBodies: Readonly<Record<string, unknown>> = {
  "put /v1/customers/{id}": { name: "Taken over" },
  "put /v1/quotes/{id}": mullerQuoteBody("any-customer"),
  "post /v1/quotes/{id}/status": { status: "withdrawn" },
  "post /v1/price-lists/{id}/retire": { validTo: "2026-12-01" },
  "post /v1/customers/{id}/deployments": { document: readExampleDeployment() },
  "post /v1/deployments/{id}/revisions": { document: readExampleDeployment() },
  "put /v1/users/{id}/role": { role: "sales" },
  "post /v1/customers/{id}/deployment-text": { fileName: "d.json", text: '{"servers":[]}' },
  "delete /v1/entitlements/{id}": { reason: "entered twice" },
  "post /v1/customers/{id}/audits": { uploadIds: ["an-upload-id"] },
};

/** The other parameters of a route, filled so that only the id can make it fail. */
function fillRoute(path: string, id: string): string {
  const filled = path.replace("{id}", id).replace("{revision}", "1");
  return filled.endsWith("/comparison") ? `${filled}?from=1&to=1` : filled;
}

/** One organisation never reads or changes another's data, and cannot tell whether an id exists. */
export function defineIsolationCases(harness: ServiceHarness): void {
  test("a second organisation's session gets 404 (not 403) on every id route for every id of the first", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const first = await createAccount(store, "owner", "first");
    const second = await createAccount(store, "owner", "second");
    const a = await signIn(app, first.org.slug, first.user.email);
    const b = await signIn(app, second.org.slug, second.user.email);
    const customer = (await (
      await app.request("/v1/customers", asSession(a, "POST", { name: "Mine" }))
    ).json()) as { id: string };
    const evaluation = (await (
      await app.request(
        "/v1/evaluations",
        asSession(a, "POST", { deployment: readExampleDeployment() }),
      )
    ).json()) as { id: string; deploymentId: string };
    const token = (await (
      await app.request("/v1/api-tokens", asSession(a, "POST", { name: "t" }))
    ).json()) as { id: string };
    const priceLists = await storeExamplePriceLists(app, a);
    const deployment = (await (
      await app.request(
        `/v1/customers/${customer.id}/deployments`,
        asSession(a, "POST", { document: readExampleDeployment() }),
      )
    ).json()) as { deployment: { id: string } };
    const quote = (await (
      await app.request("/v1/quotes", asSession(a, "POST", mullerQuoteBody(customer.id)))
    ).json()) as { id: string };
    const scenario = (await (
      await app.request(
        "/v1/training/scenarios",
        asSession(a, "POST", {
          title: "Shared PCs",
          question: { product: "ws2022-standard", users: 12, devices: 5, sharedDevices: 5 },
        }),
      )
    ).json()) as { id: string };
    const ids = [
      customer.id,
      scenario.id,
      evaluation.id,
      evaluation.deploymentId,
      token.id,
      priceLists.h2,
      priceLists.h1,
      quote.id,
      deployment.deployment.id,
      first.user.id,
    ];

    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const idRoutes = Object.entries(doc.paths)
      .filter(([path]) => path.includes("{id}"))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
    assert.ok(idRoutes.length >= 20, `the walk covers the id routes (${idRoutes.length})`);
    for (const { method, path } of idRoutes)
      for (const id of ids) {
        const r = await app.request(
          fillRoute(path, id),
          asSession(b, method.toUpperCase(), validBodies[`${method} ${path}`]),
        );
        assert.equal(r.status, 404, `${method} ${path} with ${id}`);
      }
    const foreign = await app.request(
      "/v1/evaluations",
      asSession(b, "POST", { deployment: readExampleDeployment(), customerId: customer.id }),
    );
    assert.equal(foreign.status, 404, "another organisation's customer id in a body");
    const own = (await (
      await app.request("/v1/customers", asSession(b, "POST", { name: "Theirs" }))
    ).json()) as { id: string };
    const bodies: readonly [string, unknown][] = [
      ["/v1/quotes", mullerQuoteBody(customer.id)],
      ["/v1/quotes", { ...mullerQuoteBody(own.id), priceListId: priceLists.h2 }],
      [
        "/v1/quotes",
        {
          ...mullerQuoteBody(own.id),
          deployment: undefined,
          deploymentId: deployment.deployment.id,
        },
      ],
      ["/v1/advice", { profile: { users: 5 }, priceListId: priceLists.h2 }],
      ["/v1/advice/costs", { profile: { users: 5 }, priceListId: priceLists.h2 }],
      [
        "/v1/users",
        {
          email: "x@example.com",
          role: "customer",
          customerId: customer.id,
          password: "a long test password",
        },
      ],
    ];
    for (const [path, body] of bodies)
      assert.equal(
        (await app.request(path, asSession(b, "POST", body))).status,
        404,
        `${path} naming another organisation's record in its body`,
      );
    const list = (await (await app.request("/v1/customers", asSession(b))).json()) as {
      customers: { id: string }[];
    };
    assert.deepEqual(
      list.customers.map((c) => c.id),
      [own.id],
    );
    assert.equal((await store.customers.get(first.org.id, customer.id))?.name, "Mine", "unchanged");
    assert.equal((await store.quotes.get(first.org.id, quote.id))?.status, "draft", "unchanged");
    assert.equal((await store.priceLists.get(first.org.id, priceLists.h2))?.validTo, "2026-12-31");
  });

  test("a customer user reads its own customer and evaluations, and gets 404 for another customer's", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const owner = await createAccount(store, "owner", "reseller");
    const o = await signIn(app, owner.org.slug, owner.user.email);
    const post = async (path: string, body: unknown) =>
      (await (await app.request(path, asSession(o, "POST", body))).json()) as { id: string };
    const own = await post("/v1/customers", { name: "Own" });
    const other = await post("/v1/customers", { name: "Other" });
    const ownEvaluation = await post("/v1/evaluations", {
      deployment: readExampleDeployment(),
      customerId: own.id,
    });
    const otherEvaluation = await post("/v1/evaluations", {
      deployment: readExampleDeployment(),
      customerId: other.id,
    });
    const user = await store.users.create(owner.org.id, {
      email: "buyer@example.com",
      displayName: "buyer",
      role: "customer",
      customerId: own.id,
      passwordHash: owner.user.passwordHash,
    });
    const c = await signIn(app, owner.org.slug, user.email);
    assert.equal((await app.request(`/v1/customers/${own.id}`, asSession(c))).status, 200);
    assert.equal(
      (await app.request(`/v1/evaluations/${ownEvaluation.id}`, asSession(c))).status,
      200,
    );
    assert.equal((await app.request(`/v1/customers/${other.id}`, asSession(c))).status, 404);
    assert.equal(
      (await app.request(`/v1/evaluations/${otherEvaluation.id}`, asSession(c))).status,
      404,
    );
    assert.equal(
      (await app.request("/v1/customers", asSession(c))).status,
      403,
      "no list of others",
    );

    await storeExamplePriceLists(app, o);
    const ownQuote = await post("/v1/quotes", mullerQuoteBody(own.id));
    const otherQuote = await post("/v1/quotes", mullerQuoteBody(other.id));
    // Issued, both: a customer reads its own quotes once issued (a draft is 404 to it, customer-quote-cases).
    for (const quote of [ownQuote, otherQuote])
      assert.equal(
        (await app.request(`/v1/quotes/${quote.id}/issue`, asSession(o, "POST"))).status,
        200,
      );
    const deploymentOf = async (customerId: string) =>
      (
        (await (
          await app.request(
            `/v1/customers/${customerId}/deployments`,
            asSession(o, "POST", { document: readExampleDeployment() }),
          )
        ).json()) as { deployment: { id: string } }
      ).deployment.id;
    const ownDeployment = await deploymentOf(own.id);
    const otherDeployment = await deploymentOf(other.id);
    const status = async (path: string) => (await app.request(path, asSession(c))).status;
    for (const [mine, theirs] of [
      [`/v1/quotes/${ownQuote.id}`, `/v1/quotes/${otherQuote.id}`],
      [`/v1/quotes/${ownQuote.id}/document?format=json`, `/v1/quotes/${otherQuote.id}/document`],
      [`/v1/deployments/${ownDeployment}`, `/v1/deployments/${otherDeployment}`],
      [
        `/v1/deployments/${ownDeployment}/revisions/1`,
        `/v1/deployments/${otherDeployment}/revisions/1`,
      ],
      [`/v1/customers/${own.id}/deployments`, `/v1/customers/${other.id}/deployments`],
      [`/v1/customers/${own.id}/position`, `/v1/customers/${other.id}/position`],
      [`/v1/customers/${own.id}/estate`, `/v1/customers/${other.id}/estate`],
    ] as const) {
      assert.equal(await status(mine), 200, mine);
      assert.equal(await status(theirs), 404, theirs);
    }
    const quotes = (await (await app.request("/v1/quotes", asSession(c))).json()) as {
      quotes: { id: string }[];
    };
    assert.deepEqual(
      quotes.quotes.map((q) => q.id),
      [ownQuote.id],
      "a customer user lists its own quotes only",
    );
    assert.equal(await status("/v1/price-lists"), 403, "price lists are the staff's");
  });
}
