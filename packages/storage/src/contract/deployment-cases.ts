import assert from "node:assert/strict";
import { test } from "node:test";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const document = (users: number) => ({
  name: "HQ",
  users: Array.from({ length: users }, (_, i) => `U${i + 1}`),
});

/** Customers, versioned deployments and evaluations. */
export function defineDeploymentCases(harness: ContractHarness): void {
  test("customers: create, get, list, update, delete", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "customers");
    const contoso = await store.customers.create(org.id, { name: "Contoso", reference: "C-1" });
    const fabrikam = await store.customers.create(org.id, { name: "Fabrikam" });
    assert.deepEqual(await store.customers.get(org.id, contoso.id), contoso);
    assert.deepEqual(
      (await store.customers.list(org.id)).map((customer) => customer.name),
      ["Contoso", "Fabrikam"],
    );
    const renamed = await store.customers.update(org.id, fabrikam.id, { name: "Fabrikam Ltd" });
    assert.equal(renamed?.name, "Fabrikam Ltd");
    assert.equal(renamed?.reference, null);
    assert.ok(await store.customers.delete(org.id, fabrikam.id));
    assert.equal(await store.customers.get(org.id, fabrikam.id), undefined);
    assert.equal(await store.customers.update(org.id, fabrikam.id, { name: "x" }), undefined);
  });

  test("customers: a customer still named by a deployment cannot be deleted", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "customer-fk");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    await store.deployments.create(org.id, { name: "HQ", customerId: customer.id, document: {} });
    await assert.rejects(store.customers.delete(org.id, customer.id));
    assert.ok(await store.customers.get(org.id, customer.id));
  });

  test("deployments: every save is a new revision, numbered in order, old ones readable", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "deployments");
    const { deployment, revision } = await store.deployments.create(org.id, {
      name: "HQ",
      document: document(1),
      createdBy: "user-1",
    });
    assert.equal(deployment.latestRevision, 1);
    assert.deepEqual(revision.document, document(1));
    const second = await store.deployments.saveRevision(org.id, deployment.id, {
      document: document(2),
    });
    assert.equal(second?.revision, 2);
    assert.equal((await store.deployments.get(org.id, deployment.id))?.latestRevision, 2);
    assert.deepEqual(
      (await store.deployments.getRevision(org.id, deployment.id, 1))?.document,
      document(1),
    );
    assert.deepEqual(
      (await store.deployments.listRevisions(org.id, deployment.id)).map((r) => [
        r.revision,
        r.document,
      ]),
      [
        [1, document(1)],
        [2, document(2)],
      ],
    );
    assert.equal(
      await store.deployments.saveRevision(org.id, "no-such-deployment", { document: {} }),
      undefined,
    );
  });

  test("deployments: concurrent saves get consecutive revision numbers", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "revisions-race");
    const { deployment } = await store.deployments.create(org.id, {
      name: "HQ",
      document: document(0),
    });
    const saved = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.deployments.saveRevision(org.id, deployment.id, { document: document(i + 1) }),
      ),
    );
    assert.deepEqual(
      saved.map((revision) => revision?.revision).sort((a = 0, b = 0) => a - b),
      [2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal((await store.deployments.listRevisions(org.id, deployment.id)).length, 9);
  });

  test("deployments: revision rows are immutable even to a raw statement", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "revisions-immutable");
    const { deployment } = await store.deployments.create(org.id, {
      name: "HQ",
      document: document(1),
    });
    await assert.rejects(
      harness.executeRaw(
        org.id,
        `update deployment_revisions set created_by = 'x' where deployment_id = '${deployment.id}'`,
      ),
      /immutable/,
    );
    await assert.rejects(
      harness.executeRaw(
        org.id,
        `delete from deployment_revisions where deployment_id = '${deployment.id}'`,
      ),
      /immutable/,
    );
    assert.deepEqual(
      (await store.deployments.getRevision(org.id, deployment.id, 1))?.document,
      document(1),
    );
  });

  test("deployments: listed per customer", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "deployment-list");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    await store.deployments.create(org.id, { name: "Own", document: {} });
    const theirs = await store.deployments.create(org.id, {
      name: "Theirs",
      customerId: customer.id,
      document: {},
    });
    assert.equal((await store.deployments.list(org.id)).length, 2);
    assert.deepEqual(await store.deployments.list(org.id, { customerId: customer.id }), [
      theirs.deployment,
    ]);
  });

  test("evaluations: stored with the catalog version and revision, newest first", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "evaluations");
    const { deployment } = await store.deployments.create(org.id, {
      name: "HQ",
      document: document(1),
    });
    await store.deployments.saveRevision(org.id, deployment.id, { document: document(2) });
    const first = await store.evaluations.create(org.id, {
      deploymentId: deployment.id,
      revision: 1,
      catalogVersion: "2026.1",
      result: { schemaVersion: 1, totalMinor: 12_345 },
    });
    const second = await store.evaluations.create(org.id, {
      deploymentId: deployment.id,
      revision: 2,
      catalogVersion: "2026.2",
      result: { schemaVersion: 1, totalMinor: 23_456 },
      priceListId: "list-that-priced-it",
    });
    assert.equal(first.priceListId, null, "no list priced it");
    assert.equal(second.priceListId, "list-that-priced-it");
    assert.deepEqual(await store.evaluations.get(org.id, first.id), first);
    assert.deepEqual(await store.evaluations.listOfDeployment(org.id, deployment.id), [
      second,
      first,
    ]);
    await assert.rejects(
      store.evaluations.create(org.id, {
        deploymentId: deployment.id,
        revision: 3,
        catalogVersion: "x",
        result: {},
      }),
    );
  });
}
