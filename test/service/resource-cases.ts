import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { root, runCli } from "../cli/run-cli.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** The 75-user example as a request body carries it: the price list inline instead of its file name. */
export function readExampleDeployment(): Record<string, unknown> {
  const deployment = parse(readFileSync(`${root}/examples/sbs-75-users.yaml`, "utf8")) as Record<
    string,
    unknown
  >;
  const prices = parse(readFileSync(`${root}/examples/prices-example.yaml`, "utf8")) as unknown;
  return { ...deployment, prices };
}

/** Customers (CRUD), evaluations and the catalog, in one organisation. */
export function defineResourceCases(harness: ServiceHarness): void {
  test("customers: create, list, read, update, delete; the audit log records each change", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales");
    const s = await signIn(app, org.slug, user.email);
    const created = await app.request(
      "/v1/customers",
      asSession(s, "POST", { name: " Contoso ", reference: "A-1" }),
    );
    assert.equal(created.status, 201);
    const customer = (await created.json()) as { id: string; name: string; reference: string };
    assert.equal(customer.name, "Contoso");
    const list = (await (await app.request("/v1/customers", asSession(s))).json()) as {
      customers: { id: string }[];
    };
    assert.deepEqual(
      list.customers.map((c) => c.id),
      [customer.id],
    );
    const put = await app.request(
      `/v1/customers/${customer.id}`,
      asSession(s, "PUT", { name: "Contoso Ltd" }),
    );
    assert.equal(((await put.json()) as { name: string }).name, "Contoso Ltd");
    const read = await app.request(`/v1/customers/${customer.id}`, asSession(s));
    assert.equal(((await read.json()) as { reference: string | null }).reference, null);
    const invalid = await app.request("/v1/customers", asSession(s, "POST", { name: "" }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      ((await invalid.json()) as { problems: { path: string }[] }).problems.map((p) => p.path),
      ["name"],
    );
    assert.equal(
      (await app.request(`/v1/customers/${customer.id}`, asSession(s, "DELETE"))).status,
      204,
    );
    assert.equal((await app.request(`/v1/customers/${customer.id}`, asSession(s))).status, 404);
    const actions = (await store.auditLog.list(org.id)).map(
      (e) => `${e.action} ${e.actorId === user.id}`,
    );
    assert.deepEqual(actions.sort(), [
      "customer.create true",
      "customer.delete true",
      "customer.update true",
    ]);
  });

  test("an evaluation equals what `calwise evaluate --json` prints for sbs-75-users, and is stored with the catalog version", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Fabrikam" }))
    ).json()) as { id: string };
    const r = await app.request(
      "/v1/evaluations",
      asSession(s, "POST", { deployment: readExampleDeployment(), customerId: customer.id }),
    );
    assert.equal(r.status, 201, await r.clone().text());
    const evaluation = (await r.json()) as {
      id: string;
      catalogVersion: string;
      revision: number;
      result: unknown;
    };
    const cli = runCli(["evaluate", "--json", "examples/sbs-75-users.yaml"]);
    assert.equal(cli.stderr, "");
    assert.deepEqual(evaluation.result, JSON.parse(cli.stdout));
    const catalog = (await (await app.request("/v1/catalog", asSession(s))).json()) as {
      catalogVersion: string;
    };
    assert.equal(evaluation.catalogVersion, catalog.catalogVersion);
    assert.equal(evaluation.revision, 1);
    const stored = await app.request(`/v1/evaluations/${evaluation.id}`, asSession(s));
    assert.deepEqual(await stored.json(), evaluation);
  });

  test("an evaluation's bad deployment is a 400 with the field paths; a file path for prices is refused", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const withPath = { ...readExampleDeployment(), prices: "/etc/passwd" };
    const r = await app.request("/v1/evaluations", asSession(s, "POST", { deployment: withPath }));
    assert.equal(r.status, 400);
    const problem = (await r.json()) as {
      code: string;
      problems: { path: string; code: string }[];
    };
    assert.equal(problem.code, "INPUT_INVALID");
    assert.ok(
      problem.problems.some((p) => p.path.startsWith("prices")),
      JSON.stringify(problem.problems),
    );
    const bad = {
      ...readExampleDeployment(),
      servers: [{ name: "S", product: "no-such-product" }],
    };
    const b = await app.request("/v1/evaluations", asSession(s, "POST", { deployment: bad }));
    assert.equal(b.status, 400);
    assert.ok(
      ((await b.json()) as { problems: { path: string }[] }).problems.some((p) =>
        p.path.startsWith("servers"),
      ),
    );
    assert.equal(
      (await store.deployments.list(org.id)).length,
      0,
      "nothing stored for a refused request",
    );
  });

  test("every route is in /openapi.json", async () => {
    const doc = (await (await createTestApi(harness.store()).request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    for (const route of [
      "post /v1/sign-in",
      "post /v1/sign-out",
      "post /v1/api-tokens",
      "delete /v1/api-tokens/{id}",
      "get /v1/customers",
      "post /v1/customers",
      "get /v1/customers/{id}",
      "put /v1/customers/{id}",
      "delete /v1/customers/{id}",
      "post /v1/evaluations",
      "get /v1/evaluations/{id}",
      "get /v1/catalog",
      "get /v1/price-lists",
      "post /v1/price-lists",
      "get /v1/price-lists/{id}",
      "post /v1/price-lists/{id}/retire",
      "delete /v1/price-lists/{id}",
      "get /v1/quotes",
      "post /v1/quotes",
      "get /v1/quotes/{id}",
      "put /v1/quotes/{id}",
      "post /v1/quotes/{id}/issue",
      "post /v1/quotes/{id}/status",
      "get /v1/quotes/{id}/document",
      "post /v1/advice",
      "post /v1/advice/costs",
      "get /v1/customers/{id}/deployments",
      "post /v1/customers/{id}/deployments",
      "get /v1/deployments/{id}",
      "post /v1/deployments/{id}/revisions",
      "get /v1/deployments/{id}/revisions/{revision}",
      "get /v1/deployments/{id}/comparison",
      "post /v1/deployments/{id}/evaluations",
      "get /v1/customers/{id}/position",
      "get /v1/users",
      "post /v1/users",
      "put /v1/users/{id}/role",
      "delete /v1/users/{id}",
      "post /v1/users/{id}/invitation",
      "post /v1/invitations/accept",
    ])
      assert.ok(routes.includes(route), route);
  });
}
