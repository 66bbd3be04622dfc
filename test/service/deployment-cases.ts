import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { readExample } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  password,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

/** examples/muller-lodz.yaml, and the same office with one more employee on a new PC. */
function mullerRevisions() {
  const first = parse(readExample("muller-lodz.yaml")) as {
    users: string[];
    devices: string[];
    accesses: unknown[];
  };
  const second = {
    ...first,
    users: [...first.users, "office25"],
    devices: [...first.devices, "pc25"],
    accesses: [...first.accesses, { user: "office25", device: "pc25", server: ["DC1", "FS-OLD"] }],
  };
  return { first, second };
}

/** A write with an Idempotency-Key. */
function withKey(s: TestSession, key: string, body: unknown): RequestInit {
  const init = asSession(s, "POST", body);
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), "idempotency-key": key },
  };
}

/** Versioned deployments under a customer, their comparison and the customer's compliance position. */
export function defineDeploymentCases(harness: ServiceHarness): void {
  test("deployments: a misspelt product is named with the nearest catalog products, beside the document's other problems", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "typo");
    const s = await signIn(app, org.slug, user.email);
    const refused = await app.request(
      "/v1/evaluations",
      asSession(s, "POST", {
        deployment: {
          name: "typo",
          servers: [
            { name: "S1", product: "Windows Server 2019 Standrad", processors: 1 },
            { name: "S2", product: "ws2019-standard", processors: 1, userAccounts: -3 },
          ],
        },
      }),
    );
    assert.equal(refused.status, 400);
    const { problems } = (await refused.json()) as {
      problems: { path: string; message: string }[];
    };
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      "servers[0].product",
      "servers[1].userAccounts",
    ]);
    const product = problems.find((p) => p.path.endsWith("servers[0].product"));
    assert.match(
      product?.message ?? "",
      /unknown product 'Windows Server 2019 Standrad': did you mean ws2019-standard \(Windows Server 2019 Standard\)\?/,
    );
  });

  test("deployments: every save a revision, old ones readable, two compared, positions stored with the catalog version", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const json = async (path: string, init = asSession(s), status = 200) => {
      const r = await app.request(path, init);
      assert.equal(r.status, status, `${path}: ${await r.clone().text()}`);
      return r.json();
    };
    const customer = (await json(
      "/v1/customers",
      asSession(s, "POST", { name: "Müller" }),
      201,
    )) as {
      id: string;
    };
    const { first, second } = mullerRevisions();
    const created = (await json(
      `/v1/customers/${customer.id}/deployments`,
      asSession(s, "POST", { document: first }),
      201,
    )) as { deployment: { id: string; name: string; latestRevision: number } };
    const id = created.deployment.id;
    assert.equal(created.deployment.name, "Müller Sp. z o.o. – Łódź office");
    const refused = await app.request(
      `/v1/deployments/${id}/revisions`,
      asSession(s, "POST", { document: { ...second, servers: [{ name: "X", product: "nope" }] } }),
    );
    assert.equal(refused.status, 400);
    assert.ok(
      ((await refused.json()) as { problems: { path: string }[] }).problems.some((p) =>
        p.path.startsWith("servers"),
      ),
    );
    const saved = (await json(
      `/v1/deployments/${id}/revisions`,
      withKey(s, "revision-2", { document: second }),
      201,
    )) as { revision: number };
    assert.equal(saved.revision, 2);
    const replay = await app.request(
      `/v1/deployments/${id}/revisions`,
      withKey(s, "revision-2", { document: second }),
    );
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await replay.json(), saved);
    const reused = await app.request(
      `/v1/deployments/${id}/revisions`,
      withKey(s, "revision-2", { document: first }),
    );
    assert.equal(reused.status, 409, "the same key for another request");

    const read = (await json(`/v1/deployments/${id}`)) as {
      latestRevision: number;
      revisions: unknown[];
    };
    assert.equal(read.latestRevision, 2, "the replay saved nothing");
    assert.equal(read.revisions.length, 2);
    const old = (await json(`/v1/deployments/${id}/revisions/1`)) as { document: unknown };
    assert.deepEqual(old.document, first);
    assert.equal(
      (await app.request(`/v1/deployments/${id}/revisions/3`, asSession(s))).status,
      404,
    );
    const listed = (await json(`/v1/customers/${customer.id}/deployments`)) as {
      deployments: { id: string }[];
    };
    assert.deepEqual(
      listed.deployments.map((d) => d.id),
      [id],
    );

    const comparison = (await json(`/v1/deployments/${id}/comparison?from=1&to=2`)) as {
      users: { added: string[] };
      devices: { added: string[] };
      cals: { family: string; change: number }[];
    };
    assert.deepEqual(comparison.users.added, ["office25"]);
    assert.deepEqual(comparison.devices.added, ["pc25"]);
    assert.equal(
      comparison.cals
        .filter((row) => row.family === "ws-cal")
        .reduce((sum, row) => sum + row.change, 0),
      1,
      "one more Windows Server CAL",
    );

    type Position = {
      compliant: boolean | null;
      deployments: {
        evaluation: { revision: number; catalogVersion: string } | null;
        current: boolean;
      }[];
    };
    const none = (await json(`/v1/customers/${customer.id}/position`)) as Position;
    assert.deepEqual([none.compliant, none.deployments[0]?.evaluation], [null, null]);
    await json(`/v1/deployments/${id}/evaluations`, asSession(s, "POST", { revision: 1 }), 201);
    const stale = (await json(`/v1/customers/${customer.id}/position`)) as Position;
    assert.equal(stale.deployments[0]?.evaluation?.revision, 1);
    assert.equal(stale.deployments[0]?.current, false, "revision 2 is newer");
    const latest = (await json(
      `/v1/deployments/${id}/evaluations`,
      asSession(s, "POST", {}),
      201,
    )) as {
      revision: number;
      catalogVersion: string;
      result: { compliant: boolean };
    };
    assert.equal(latest.revision, 2);
    const position = (await json(`/v1/customers/${customer.id}/position`)) as Position;
    assert.equal(position.deployments[0]?.current, true);
    assert.equal(position.deployments[0]?.evaluation?.catalogVersion, latest.catalogVersion);
    assert.equal(position.compliant, latest.result.compliant);
    assert.equal(latest.result.compliant, false, "the example owns too few CALs");
    // A deployment never checked leaves the position unknown only while no check found a shortfall: one that
    // did makes the customer not compliant, whatever the unchecked one would show.
    await json(
      `/v1/customers/${customer.id}/deployments`,
      asSession(s, "POST", {
        document: {
          name: "estate",
          servers: [{ name: "S1", product: "ws2012r2-standard", processors: 1 }],
        },
      }),
      201,
    );
    const withUnchecked = (await json(`/v1/customers/${customer.id}/position`)) as Position;
    assert.deepEqual(
      withUnchecked.deployments.map((d) => d.evaluation === null),
      [false, true],
    );
    assert.equal(withUnchecked.compliant, false);

    const reader = await store.users.create(org.id, {
      email: "reader@muller.example",
      displayName: "reader",
      role: "customer",
      customerId: customer.id,
      passwordHash: user.passwordHash,
    });
    // Its sign-in names its own customer, where the web app lands it.
    const answer = await app.request("/v1/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organisation: org.slug, email: reader.email, password }),
    });
    const signedIn = (await answer.json()) as { user: { role: string; customerId: string | null } };
    assert.deepEqual([signedIn.user.role, signedIn.user.customerId], ["customer", customer.id]);
    const r = await signIn(app, org.slug, reader.email);
    assert.equal(
      (await app.request(`/v1/customers/${customer.id}/position`, asSession(r))).status,
      200,
    );
    assert.equal(
      (
        await app.request(
          `/v1/deployments/${id}/revisions`,
          asSession(r, "POST", { document: first }),
        )
      ).status,
      403,
      "a customer user reads only",
    );
  });
}
