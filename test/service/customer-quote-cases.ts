import assert from "node:assert/strict";
import { test } from "node:test";
import { mullerQuoteBody, storeExamplePriceLists } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

interface Summary {
  readonly id: string;
  readonly customerId: string | null;
  readonly customerName: string | null;
}

/**
 * A customer's account reads its own quotes once issued, with its name, and nothing else (web-customer,
 * web-phone): another customer's quote and its own reseller's draft are 404 (existence does not leak), changing
 * any quote is 403 (its role may not), and the list it is given names only its own customer's issued quotes.
 */
export function defineCustomerQuoteCases(harness: ServiceHarness): void {
  test("a customer user lists and reads its own quotes with its name, never another customer's", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const owner = await createAccount(store, "owner", "quotes-of-customers");
    const o = await signIn(app, owner.org.slug, owner.user.email);
    const post = async (path: string, body: unknown) => {
      const response = await app.request(path, asSession(o, "POST", body));
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { id: string };
    };
    const own = await post("/v1/customers", { name: "Müller Łódź" });
    const other = await post("/v1/customers", { name: "Fabrikam" });
    await storeExamplePriceLists(app, o);
    const ownDraft = await post("/v1/quotes", mullerQuoteBody(own.id));
    const ownIssued = await post("/v1/quotes", mullerQuoteBody(own.id));
    assert.equal(
      (await app.request(`/v1/quotes/${ownIssued.id}/issue`, asSession(o, "POST"))).status,
      200,
    );
    const otherQuote = await post("/v1/quotes", mullerQuoteBody(other.id));
    const user = await store.users.create(owner.org.id, {
      email: "buyer@mueller.example",
      displayName: "buyer",
      role: "customer",
      customerId: own.id,
      passwordHash: owner.user.passwordHash,
    });
    const c = await signIn(app, owner.org.slug, user.email);
    const list = async (s: typeof c, query = "") => {
      const response = await app.request(`/v1/quotes${query}`, asSession(s));
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { quotes: Summary[] }).quotes;
    };

    // Its own issued quotes, oldest first, each with the customer's name; never its reseller's draft.
    assert.deepEqual(
      (await list(c)).map(({ id, customerId, customerName }) => ({ id, customerId, customerName })),
      [{ id: ownIssued.id, customerId: own.id, customerName: "Müller Łódź" }],
    );
    assert.deepEqual(await list(c, "?status=draft"), []);
    // Asking for another customer's quotes lists none (not the other's, not an error that tells it exists).
    assert.deepEqual(await list(c, `?customerId=${other.id}`), []);
    assert.deepEqual(
      (await list(c, "?status=issued")).map((q) => q.id),
      [ownIssued.id],
    );
    // The staff's list names every customer.
    assert.deepEqual(
      (await list(o)).map((q) => [q.id, q.customerName]),
      [
        [ownDraft.id, "Müller Łódź"],
        [ownIssued.id, "Müller Łódź"],
        [otherQuote.id, "Fabrikam"],
      ],
    );

    const status = async (path: string, method = "GET", body?: unknown) =>
      (await app.request(path, asSession(c, method, body))).status;
    // Reading: its own 200, another customer's 404 (the error table's "not yours" is "not found").
    assert.equal(await status(`/v1/quotes/${ownIssued.id}`), 200);
    assert.equal(await status(`/v1/quotes/${ownIssued.id}/document?format=markdown`), 200);
    assert.equal(await status(`/v1/quotes/${otherQuote.id}`), 404);
    assert.equal(await status(`/v1/quotes/${otherQuote.id}/document?format=pdf`), 404);
    // Its own customer's draft is the reseller's work in progress: 404 as if it did not exist, quote and
    // documents alike, with the same body as a quote that does not exist (nothing tells them apart).
    assert.equal(await status(`/v1/quotes/${ownDraft.id}`), 404);
    assert.equal(await status(`/v1/quotes/${ownDraft.id}/document?format=pdf`), 404);
    assert.equal(await status(`/v1/quotes/${ownDraft.id}/document?format=markdown`), 404);
    const problem = async (id: string) => {
      const body = (await (await app.request(`/v1/quotes/${id}`, asSession(c))).json()) as {
        code?: string;
        detail?: string;
      };
      return [body.code, body.detail];
    };
    assert.deepEqual(await problem(ownDraft.id), await problem("no-such-quote"));
    // Changing: 403 on its own quotes and on another's alike (the role is refused before any lookup).
    for (const id of [ownDraft.id, otherQuote.id]) {
      assert.equal(await status(`/v1/quotes/${id}/issue`, "POST"), 403, `issue ${id}`);
      assert.equal(await status(`/v1/quotes/${id}`, "PUT", mullerQuoteBody(own.id)), 403);
    }
    assert.equal(
      await status(`/v1/quotes/${ownIssued.id}/status`, "POST", { status: "accepted" }),
      403,
    );
    assert.equal(await status("/v1/quotes", "POST", mullerQuoteBody(own.id)), 403);
    assert.equal((await store.quotes.get(owner.org.id, ownDraft.id))?.status, "draft");
    assert.equal((await store.quotes.get(owner.org.id, ownIssued.id))?.status, "issued");

    // Once issued, the same quote is its to read, and the staff see the draft all along.
    assert.equal((await app.request(`/v1/quotes/${ownDraft.id}`, asSession(o))).status, 200);
    assert.equal(
      (await app.request(`/v1/quotes/${ownDraft.id}/issue`, asSession(o, "POST"))).status,
      200,
    );
    assert.equal(await status(`/v1/quotes/${ownDraft.id}`), 200);
    // What followed an issue stays visible to the customer: accepted, declined, withdrawn.
    for (const outcome of ["accepted", "declined", "withdrawn"] as const) {
      const quote = await post("/v1/quotes", mullerQuoteBody(own.id));
      for (const [path, body] of [
        [`/v1/quotes/${quote.id}/issue`, undefined],
        [`/v1/quotes/${quote.id}/status`, { status: outcome }],
      ] as const)
        assert.equal((await app.request(path, asSession(o, "POST", body))).status, 200, path);
      assert.equal(await status(`/v1/quotes/${quote.id}`), 200, outcome);
      assert.ok(
        (await list(c, `?status=${outcome}`)).some((q) => q.id === quote.id),
        outcome,
      );
    }
  });
}
