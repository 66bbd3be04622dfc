import assert from "node:assert/strict";
import { test } from "node:test";
import { asText } from "./commerce-cases.ts";
import { call, counterPricesCsv, smallOffice } from "./polish-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

type TestApi = ReturnType<typeof createTestApi>;

/** `init` with the browser's date sent as the web app sends it. */
function onDay(init: RequestInit, day: string): RequestInit {
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), "calwise-today": day },
  };
}

/** A one-line-per-pack price list CSV named `list`, from `validFrom`, a single device or user CAL at `single`. */
function priceListCsv(list: string, validFrom: string, single: number): string {
  return [
    "sku,family,product,version,type,packSize,price,currency,validFrom,list",
    `WS25-D1,ws-cal,,2025,device,1,${single},EUR,${validFrom},${list}`,
    `WS25-U1,ws-cal,,2025,user,1,${single},EUR,${validFrom},${list}`,
  ].join("\n");
}

interface PositionRow {
  readonly current: boolean;
  readonly staleReason: string | null;
  readonly evaluation: { readonly priceList: { readonly name: string } | null } | null;
}

interface Position {
  readonly priceListInForce: { readonly id: string; readonly name: string } | null;
  readonly deployments: readonly PositionRow[];
}

/** A customer named `name` with `document` stored as its deployment. */
async function storeDeployment(app: TestApi, s: TestSession, name: string, document: unknown) {
  const customer = await call(app, "/v1/customers", asSession(s, "POST", { name }), 201);
  const created = (await call(
    app,
    `/v1/customers/${customer.id}/deployments`,
    asSession(s, "POST", { document }),
    201,
  )) as { deployment: { id: string } };
  return { customerId: String(customer.id), deploymentId: created.deployment.id };
}

/** Adds a price list file; the stored lists' ids. */
async function addPriceList(app: TestApi, s: TestSession, source: string, csv: string) {
  const body = await call(app, `/v1/price-lists?source=${source}`, asText(s, "text/csv", csv), 201);
  return (body.priceLists as { id: string }[]).map((l) => l.id);
}

/** The web-finish changes of the service: stale prices in the position, the request's own today. */
export function defineFinishCases(harness: ServiceHarness): void {
  test("a check priced at a list that is no longer in force reads as stale with the reason; checked again it is current", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const { customerId, deploymentId } = await storeDeployment(app, s, "Shop", smallOffice);
    const check = async () =>
      (await call(
        app,
        `/v1/deployments/${deploymentId}/evaluations`,
        asSession(s, "POST", {}),
        201,
      )) as {
        priceListId: string | null;
      };
    const position = async () => {
      const p = (await call(
        app,
        `/v1/customers/${customerId}/position`,
        asSession(s),
        200,
      )) as unknown as Position;
      const [row] = p.deployments;
      assert.ok(row);
      return { inForce: p.priceListInForce?.name ?? null, row };
    };

    assert.equal((await position()).row.staleReason, "unchecked");
    const unpriced = await check();
    assert.equal(unpriced.priceListId, null);
    assert.deepEqual((await position()).row.staleReason, null, "no list then, none now: current");

    const [counter] = await addPriceList(app, s, "counter.csv", counterPricesCsv);
    let now = await position();
    assert.equal(now.inForce, "Counter prices");
    assert.equal(now.row.current, false, "a list is in force now: the unpriced check is stale");
    assert.equal(now.row.staleReason, "price-list");
    assert.equal(now.row.evaluation?.priceList, null);

    const priced = await check();
    assert.equal(priced.priceListId, counter);
    now = await position();
    assert.deepEqual([now.row.current, now.row.staleReason], [true, null]);
    assert.equal(now.row.evaluation?.priceList?.name, "Counter prices");

    // A new list of the same name from today: the name alone could not tell, the stored list's id does.
    const today = new Date().toISOString().slice(0, 10);
    const [renewed] = await addPriceList(
      app,
      s,
      "counter-renewed.csv",
      priceListCsv("Counter prices", today, 4500),
    );
    now = await position();
    assert.deepEqual([now.row.current, now.row.staleReason], [false, "price-list"]);
    assert.equal(now.row.evaluation?.priceList?.name, "Counter prices");
    const repriced = await check();
    assert.equal(repriced.priceListId, renewed);
    assert.equal((await position()).row.current, true);

    // The list it was priced at is deleted: the older one is in force again, and the check is stale.
    const deleted = await app.request(`/v1/price-lists/${renewed}`, asSession(s, "DELETE"));
    assert.equal(deleted.status, 204);
    now = await position();
    assert.deepEqual([now.inForce, now.row.staleReason], ["Counter prices", "price-list"]);

    // A newer revision still comes first as the reason.
    await call(
      app,
      `/v1/deployments/${deploymentId}/revisions`,
      asSession(s, "POST", { document: smallOffice }),
      201,
    );
    assert.equal((await position()).row.staleReason, "revision");
  });

  test("a deployment priced with its own prices is not made stale by the organisation's lists", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const own = await storeDeployment(app, s, "Own prices", {
      ...smallOffice,
      prices: { name: "Own", currency: "EUR", items: [] },
    });
    const checked = (await call(
      app,
      `/v1/deployments/${own.deploymentId}/evaluations`,
      asSession(s, "POST", {}),
      201,
    )) as { priceListId: string | null; result: { priceList: { name: string } | null } };
    assert.deepEqual([checked.priceListId, checked.result.priceList?.name], [null, "Own"]);
    await addPriceList(app, s, "counter.csv", counterPricesCsv);
    const p = (await call(
      app,
      `/v1/customers/${own.customerId}/position`,
      asSession(s),
      200,
    )) as unknown as Position;
    assert.deepEqual(
      p.deployments.map((d) => [d.current, d.staleReason]),
      [[true, null]],
    );
  });

  test("today is the requester's date: at 09:00 on the 8th in Sydney (22:00 UTC on the 7th) the 8th's list is in force", async () => {
    const store = harness.store();
    // A fixed instant in the past, so the sessions this clock signs stay valid whatever day the test runs.
    const app = createTestApi(store, { now: () => new Date("2026-01-07T22:00:00Z") });
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    await addPriceList(app, s, "old.csv", priceListCsv("Old year prices", "2025-01-01", 4000));
    await addPriceList(app, s, "new.csv", priceListCsv("New year prices", "2026-01-08", 4500));
    const question = { product: "ws2025-standard", users: 3, devices: 3 };
    const answer = async (init: RequestInit) =>
      ((await call(app, "/v1/point-of-sale", init, 200)) as { priceList: { name: string } | null })
        .priceList?.name;
    const ask = asSession(s, "POST", question);

    assert.equal(
      await answer(ask),
      "Old year prices",
      "no date sent: the server's UTC date, the 7th",
    );
    assert.equal(await answer(onDay(ask, "2026-01-08")), "New year prices", "Sydney, the 8th");
    assert.equal(
      await answer(onDay(ask, "2026-01-07")),
      "Old year prices",
      "Honolulu, still the 7th",
    );

    for (const [day, message] of [
      ["2026-01-10", /not today anywhere: check its date and time/],
      ["2026-02-30", /not a date/],
    ] as const) {
      const refused = await app.request("/v1/point-of-sale", onDay(ask, day));
      assert.equal(refused.status, 400, day);
      const problem = (await refused.json()) as { problems: { path: string; message: string }[] };
      assert.equal(problem.problems[0]?.path, "Calwise-Today");
      assert.match(problem.problems[0]?.message ?? "", message);
    }

    // A check made on Sydney's 8th is priced at the 8th's list, and stale to someone still on the 7th.
    const sydney = await storeDeployment(app, s, "Sydney", smallOffice);
    const checked = (await call(
      app,
      `/v1/deployments/${sydney.deploymentId}/evaluations`,
      onDay(asSession(s, "POST", {}), "2026-01-08"),
      201,
    )) as { result: { priceList: { name: string } | null } };
    assert.equal(checked.result.priceList?.name, "New year prices");
    const seen = async (init: RequestInit) =>
      (
        (await call(
          app,
          `/v1/customers/${sydney.customerId}/position`,
          init,
          200,
        )) as unknown as Position
      ).deployments[0]?.staleReason;
    assert.equal(await seen(onDay(asSession(s), "2026-01-08")), null);
    assert.equal(await seen(asSession(s)), "price-list");
  });
}
