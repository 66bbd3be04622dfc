import assert from "node:assert/strict";
import { test } from "node:test";
import { asText, readExample } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

type TestApi = ReturnType<typeof createTestApi>;

/** Hypothetical prices in cents (not Microsoft's), open-ended from 2020: in force whenever the test runs. */
export const counterPricesCsv = [
  "sku,family,product,version,type,packSize,price,currency,validFrom,list",
  "WS25-STD-16,,ws2025-standard,,,16,100000,EUR,2020-01-01,Counter prices",
  "WS25-D1,ws-cal,,2025,device,1,4000,EUR,2020-01-01,Counter prices",
  "WS25-D5,ws-cal,,2025,device,5,18500,EUR,2020-01-01,Counter prices",
  "WS25-U1,ws-cal,,2025,user,1,4000,EUR,2020-01-01,Counter prices",
  "WS25-U5,ws-cal,,2025,user,5,18500,EUR,2020-01-01,Counter prices",
].join("\n");

/** A small office on one Windows Server 2025 file server that owns no CALs: seven devices' worth short. */
export const smallOffice = {
  name: "Small office",
  servers: [{ name: "FS1", product: "ws2025-standard" }],
  users: ["u{1..7}"],
  devices: ["pc{1..7}"],
  accesses: [{ user: "u{1..7}", device: "pc{1..7}", server: "FS1" }],
};

/** A JSON request expecting `status`; its body. */
export async function call(app: TestApi, path: string, init: RequestInit, status: number) {
  const r = await app.request(path, init);
  assert.equal(r.status, status, `${path}: ${await r.clone().text()}`);
  return (await r.json()) as Record<string, unknown>;
}

interface StoredCheck {
  readonly id: string;
  readonly result: {
    readonly priceList: { readonly name: string } | null;
    readonly currency: string | null;
    readonly purchaseTotal: number | null;
    readonly purchases: readonly { readonly cost: number | null; readonly units: number }[];
  };
}

/** A customer with `smallOffice` stored as its deployment. */
async function storeSmallOffice(app: TestApi, s: TestSession) {
  const customer = await call(app, "/v1/customers", asSession(s, "POST", { name: "Shop" }), 201);
  const created = (await call(
    app,
    `/v1/customers/${customer.id}/deployments`,
    asSession(s, "POST", { document: smallOffice }),
    201,
  )) as { deployment: { id: string } };
  return { customerId: String(customer.id), deploymentId: created.deployment.id };
}

/** The web-polish changes of the service: priced compliance checks, idempotent price lists, entitlements deleted. */
export function definePolishCases(harness: ServiceHarness): void {
  test("a compliance check is priced by the organisation's list in force, and says so; none in force: counts only", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales");
    const s = await signIn(app, org.slug, user.email);
    const { deploymentId } = await storeSmallOffice(app, s);
    const check = () =>
      call(
        app,
        `/v1/deployments/${deploymentId}/evaluations`,
        asSession(s, "POST", {}),
        201,
      ) as Promise<unknown> as Promise<StoredCheck>;

    const unpriced = await check();
    assert.equal(unpriced.result.priceList, null);
    assert.equal(unpriced.result.purchaseTotal, null);
    assert.equal(unpriced.result.purchases[0]?.units, 7);

    await call(
      app,
      "/v1/price-lists?source=counter.csv",
      asText(s, "text/csv", counterPricesCsv),
      201,
    );
    const priced = await check();
    assert.equal(priced.result.priceList?.name, "Counter prices");
    assert.equal(priced.result.currency, "EUR");
    // 7 device or user CALs: a 5-pack and two singles, €185 + 2 × €40.
    assert.equal(priced.result.purchaseTotal, 18500 + 2 * 4000);
    const stored = (await call(
      app,
      `/v1/evaluations/${priced.id}`,
      asSession(s),
      200,
    )) as unknown as StoredCheck;
    assert.equal(stored.result.purchaseTotal, 26500, "the stored check keeps its money");

    // An inline evaluation with its own prices keeps them (as `calwise evaluate` does): here none priced.
    const own = (await call(
      app,
      "/v1/evaluations",
      asSession(s, "POST", {
        deployment: {
          ...smallOffice,
          prices: { name: "Own", currency: "USD", items: [] },
        },
      }),
      201,
    )) as unknown as StoredCheck;
    assert.equal(own.result.priceList?.name, "Own");
    assert.equal(own.result.currency, "USD");
  });

  test("the same price list file twice is stored once (a content key hashed on the server); deleted, it is stored again", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const upload = async (source: string) => {
      const r = await app.request(
        `/v1/price-lists?source=${source}`,
        asText(s, "text/csv", counterPricesCsv),
      );
      assert.equal(r.status, 201, await r.clone().text());
      const { priceLists } = (await r.json()) as { priceLists: { id: string; name: string }[] };
      return { ids: priceLists.map((l) => l.id), replayed: r.headers.get("idempotent-replayed") };
    };
    const stored = async () => (await store.priceLists.list(org.id)).length;

    const first = await upload("counter.csv");
    assert.equal(first.ids.length, 1);
    assert.equal(first.replayed, null);
    const again = await upload("counter.csv");
    assert.deepEqual(again, { ids: first.ids, replayed: "true" });
    const renamed = await upload("counter-copy.csv");
    assert.deepEqual(
      renamed,
      { ids: first.ids, replayed: "true" },
      "the content decides, not the name",
    );
    assert.equal(await stored(), 1);

    const deleted = await app.request(`/v1/price-lists/${first.ids[0]}`, asSession(s, "DELETE"));
    assert.equal(deleted.status, 204);
    const afterDelete = await upload("counter.csv");
    assert.equal(afterDelete.replayed, null, "a deleted list's file is stored again");
    assert.notDeepEqual(afterDelete.ids, first.ids);
    assert.deepEqual(await upload("counter.csv"), { ids: afterDelete.ids, replayed: "true" });
    assert.equal(await stored(), 1);
  });

  test("an entitlement is deleted by an owner only, with a reason the audit log keeps; a file whose rows are all gone imports again", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const sales = await store.users.create(org.id, {
      email: `sales-${org.id}@example.com`,
      displayName: "sales",
      role: "sales",
      customerId: null,
      passwordHash: user.passwordHash,
    });
    const agent = await signIn(app, org.slug, sales.email);
    const customer = await call(app, "/v1/customers", asSession(s, "POST", { name: "Owner" }), 201);
    const csv = readExample("entitlements.csv");
    const importCsv = async () => {
      const r = await app.request(
        `/v1/customers/${customer.id}/entitlements`,
        asText(s, "text/csv", csv),
      );
      assert.equal(r.status, 201, await r.clone().text());
      const { entitlements } = (await r.json()) as { entitlements: { id: string }[] };
      return { ids: entitlements.map((e) => e.id), replayed: r.headers.get("idempotent-replayed") };
    };
    const listed = async () =>
      (await store.entitlements.list(org.id, { customerId: String(customer.id) })).map((e) => e.id);
    const remove = (session: TestSession, id: string, body: unknown) =>
      app.request(`/v1/entitlements/${id}`, asSession(session, "DELETE", body));

    const first = await importCsv();
    assert.equal(first.ids.length, 3);
    const [wrong = "", ...kept] = first.ids;
    assert.equal(
      (await remove(agent, wrong, { reason: "entered twice" })).status,
      403,
      "owners only",
    );
    assert.equal((await remove(s, wrong, {})).status, 400, "the reason is required");
    assert.equal((await remove(s, wrong, { reason: " " })).status, 400, "a reason, not blanks");
    assert.equal((await remove(s, wrong, { reason: "entered twice" })).status, 204);
    assert.equal((await remove(s, wrong, { reason: "entered twice" })).status, 404);
    assert.deepEqual(await listed(), kept);
    const [entry] = (await store.auditLog.list(org.id)).filter(
      (e) => e.action === "entitlement.delete",
    );
    assert.ok(entry);
    assert.equal(entry.targetId, wrong);
    assert.equal(entry.actorId, user.id);
    const logged = entry.details as { reason: string; sku: string; quantity: number };
    assert.deepEqual(
      { reason: logged.reason, sku: logged.sku, quantity: logged.quantity },
      { reason: "entered twice", sku: "ws-cal", quantity: 25 },
    );

    // Another organisation's owner does not find it.
    const other = await createAccount(store, "owner");
    const outsider = await signIn(app, other.org.slug, other.user.email);
    assert.equal((await remove(outsider, kept[0] ?? "", { reason: "not ours" })).status, 404);

    // The same file again: the rows that are left, nothing written; all deleted: it imports again.
    assert.deepEqual(await importCsv(), { ids: kept, replayed: "true" });
    for (const id of kept)
      assert.equal((await remove(s, id, { reason: "wrong customer" })).status, 204);
    const again = await importCsv();
    assert.equal(again.replayed, null);
    assert.equal((await listed()).length, 3);
  });
}
