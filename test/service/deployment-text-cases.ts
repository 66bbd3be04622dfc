import assert from "node:assert/strict";
import { test } from "node:test";
import { readExample } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

interface Problem {
  code: string;
  path: string;
  line?: number;
  column?: number;
}

/** POST /v1/customers/{id}/deployment-text: a file's text read into a deployment, or its located problems. */
export function defineDeploymentTextCases(harness: ServiceHarness): void {
  test("deployment text: YAML read into a document, a CSV added to a base, problems at their line", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Müller" }))
    ).json()) as { id: string };
    const read = (body: unknown) =>
      app.request(`/v1/customers/${customer.id}/deployment-text`, asSession(s, "POST", body));

    const yaml = await read({
      fileName: "muller-lodz.yaml",
      text: readExample("muller-lodz.yaml"),
    });
    assert.equal(yaml.status, 200, await yaml.clone().text());
    const { document } = (await yaml.json()) as { document: Record<string, unknown> };
    assert.equal(document.name, "Müller Sp. z o.o. – Łódź office");
    assert.deepEqual(document.users, ["office{01..24}", "warehouse{1..8}"]);

    const csv = await read({
      fileName: "accesses.csv",
      text: "user,device,server,service\noffice25,pc25,DC1 FS-OLD,\n",
      base: document,
    });
    assert.equal(csv.status, 200, await csv.clone().text());
    const merged = ((await csv.json()) as { document: { users: string[]; accesses: unknown[] } })
      .document;
    assert.deepEqual(merged.users.at(-1), "office25");
    assert.deepEqual(merged.accesses.at(-1), {
      user: "office25",
      device: "pc25",
      server: ["DC1", "FS-OLD"],
    });

    const bad = await read({
      fileName: "bad.yaml",
      text: "name: x\nservers:\n  - name: S1\n    product: ws2099-standard\n",
    });
    assert.equal(bad.status, 400);
    const problems = ((await bad.json()) as { problems: Problem[] }).problems;
    assert.ok(
      problems.some((p) => p.path === "servers[0].product" && p.line === 4),
      JSON.stringify(problems),
    );
    const syntax = await read({ fileName: "broken.yaml", text: "name: x\nservers: [\n" });
    assert.equal(syntax.status, 400);
    const [first] = ((await syntax.json()) as { problems: Problem[] }).problems;
    assert.equal(first?.code, "YAML_SYNTAX");
    assert.equal(typeof first?.line, "number");
    // Nothing was stored: the customer still has no deployment.
    const list = (await (
      await app.request(`/v1/customers/${customer.id}/deployments`, asSession(s))
    ).json()) as { deployments: unknown[] };
    assert.deepEqual(list.deployments, []);
  });

  test("deployment text: an auditor may not use it (403), an unknown customer is 404", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const owner = await createAccount(store, "owner");
    const s = await signIn(app, owner.org.slug, owner.user.email);
    const body = { fileName: "d.yaml", text: readExample("muller-lodz.yaml") };
    const missing = await app.request(
      "/v1/customers/no-such-customer/deployment-text",
      asSession(s, "POST", body),
    );
    assert.equal(missing.status, 404);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "C" }))
    ).json()) as { id: string };
    const auditor = await store.users.create(owner.org.id, {
      email: "auditor@example.com",
      displayName: "auditor",
      role: "auditor",
      customerId: null,
      passwordHash: owner.user.passwordHash,
    });
    const a = await signIn(app, owner.org.slug, auditor.email);
    const refused = await app.request(
      `/v1/customers/${customer.id}/deployment-text`,
      asSession(a, "POST", body),
    );
    assert.equal(refused.status, 403);
  });
}
