import assert from "node:assert/strict";
import { test } from "node:test";
import { logonText } from "./evidence-fixtures.ts";
import { readExampleDeployment } from "./resource-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

/** A write with an Idempotency-Key. */
function withKey(s: TestSession, key: string, body: unknown): RequestInit {
  const init = asSession(s, "POST", body);
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), "idempotency-key": key },
  };
}

/** The same create with the same Idempotency-Key does not create twice (issue 12, data safety). */
export function defineIdempotencyCases(harness: ServiceHarness): void {
  test("every POST that creates (answers 201) takes an Idempotency-Key, but the API token's", async () => {
    const doc = (await (await createTestApi(harness.store()).request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }
        >
      >;
    };
    const creates = Object.entries(doc.paths).flatMap(([path, methods]) =>
      methods.post?.responses["201"] === undefined ? [] : [{ path, post: methods.post }],
    );
    assert.ok(creates.length >= 6, creates.map((c) => c.path).join(", "));
    for (const { path, post } of creates)
      assert.equal(
        post.parameters?.some((p) => p.in === "header" && p.name === "idempotency-key") ?? false,
        path !== "/v1/api-tokens",
        path,
      );
  });

  test("a create replays with its key, refuses the key for another request, and a refused request stores nothing", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const first = await app.request("/v1/customers", withKey(s, "k-1", { name: "Contoso" }));
    const again = await app.request("/v1/customers", withKey(s, "k-1", { name: "Contoso" }));
    assert.deepEqual([first.status, again.status], [201, 201]);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await store.customers.list(org.id)).length, 1);
    const other = await app.request("/v1/customers", withKey(s, "k-1", { name: "Fabrikam" }));
    assert.equal(other.status, 409);
    assert.equal(((await other.json()) as { code: string }).code, "CONFLICT");

    const bad = {
      deployment: { ...readExampleDeployment(), servers: [{ name: "S", product: "nope" }] },
    };
    assert.equal((await app.request("/v1/evaluations", withKey(s, "k-2", bad))).status, 400);
    const good = { deployment: readExampleDeployment() };
    assert.equal(
      (await app.request("/v1/evaluations", withKey(s, "k-2", good))).status,
      201,
      "a refused request did not take the key",
    );
    assert.equal((await app.request("/v1/evaluations", withKey(s, "k-2", good))).status, 201);
    assert.equal((await store.deployments.list(org.id)).length, 1, "evaluated and stored once");
    assert.equal(
      (await store.auditLog.list(org.id)).filter((e) => e.action === "evaluation.create").length,
      1,
    );

    const token = await app.request("/v1/api-tokens", withKey(s, "k-3", { name: "script" }));
    assert.equal(token.status, 400, "a token's secret cannot be replayed");
    const invalid = await app.request(
      "/v1/customers",
      withKey(s, "a key with spaces", { name: "X" }),
    );
    assert.equal(invalid.status, 400);
  });

  test("one Idempotency-Key everywhere: the same header schema on every creating route, 1 to 255 printable characters, and every replay says Idempotent-Replayed", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; schema: unknown }[] }>
      >;
    };
    const schemas = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).flatMap((operation) =>
        (operation.parameters ?? [])
          .filter((p) => p.in === "header" && p.name === "idempotency-key")
          .map((p) => JSON.stringify(p.schema)),
      ),
    );
    assert.ok(schemas.length >= 8, `${schemas.length} routes take the header`);
    assert.deepEqual([...new Set(schemas)], [schemas[0]], "one schema");

    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Buyer" });
    const send = async (path: string, type: string, body: string, key?: string) =>
      app.request(path, {
        method: "POST",
        headers: {
          cookie: s.cookie,
          "x-csrf-token": s.csrf,
          "content-type": type,
          ...(key === undefined ? {} : { "idempotency-key": key }),
        },
        body,
      });
    const creates = [
      {
        path: "/v1/customers",
        type: "application/json",
        body: '{"name":"Contoso"}',
        other: '{"name":"Fabrikam"}',
      },
      {
        path: `/v1/customers/${customer.id}/entitlements`,
        type: "text/csv",
        body: "invoice,date,family,version,type,quantity\nINV-9,2026-01-31,ws-cal,2012,device,10\n",
        other:
          "invoice,date,family,version,type,quantity\nINV-9,2026-01-31,ws-cal,2012,device,11\n",
      },
      {
        path: `/v1/customers/${customer.id}/evidence?fileName=e.ndjson`,
        type: "application/octet-stream",
        body: logonText(20),
        other: logonText(21),
      },
    ];
    for (const [index, { path, type, body, other }] of creates.entries()) {
      // The longest key a client may send, one per route (a key is the organisation's, across routes).
      const longest = String(index).padEnd(255, "k");
      const tooLong = await send(path, type, body, `${longest}k`);
      assert.equal(tooLong.status, 400, `${path}: 256 characters`);
      const first = await send(path, type, body, longest);
      const again = await send(path, type, body, longest);
      assert.ok([201, 202].includes(first.status), `${path}: ${await first.clone().text()}`);
      assert.deepEqual(
        [
          again.status,
          first.headers.get("idempotent-replayed"),
          again.headers.get("idempotent-replayed"),
        ],
        [first.status, null, "true"],
        path,
      );
      const reused = await send(path, type, other, longest);
      assert.equal(reused.status, 409, `${path}: the key with another request`);
    }
    // The same content without a key is a replay too (uploads and imports key their content), and says so.
    const { path, type, body } = creates[2] as (typeof creates)[number];
    assert.equal((await send(path, type, body)).headers.get("idempotent-replayed"), "true");
    assert.equal((await store.entitlements.list(org.id)).length, 1);
    assert.equal((await store.evidenceUploads.list(org.id)).length, 1);
  });
}
