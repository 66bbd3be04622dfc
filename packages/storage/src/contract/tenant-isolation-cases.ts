import assert from "node:assert/strict";
import { test } from "node:test";
import type { Store } from "../store.ts";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

/** Fills one organisation with a record of every resource and returns their ids. */
async function fillOrganisation(store: Store, orgId: string) {
  const customer = await store.customers.create(orgId, { name: "Contoso" });
  const user = await store.users.create(orgId, {
    email: "a@x.example",
    displayName: "A",
    role: "owner",
  });
  const session = await store.sessions.create(orgId, {
    userId: user.id,
    tokenHash: "s",
    expiresAt: "2099-01-01T00:00:00.000Z",
  });
  const token = await store.apiTokens.create(orgId, { userId: user.id, name: "t", tokenHash: "t" });
  const { deployment } = await store.deployments.create(orgId, {
    name: "HQ",
    customerId: customer.id,
    document: {},
  });
  const evaluation = await store.evaluations.create(orgId, {
    deploymentId: deployment.id,
    revision: 1,
    catalogVersion: "1",
    result: {},
  });
  const entitlement = await store.entitlements.create(orgId, {
    kind: "purchase",
    sku: "s",
    quantity: 1,
  });
  const priceList = await store.priceLists.create(orgId, {
    name: "p",
    currency: "EUR",
    validFrom: "2026-01-01",
    document: {},
  });
  const quote = await store.quotes.createDraft(orgId, {
    currency: "EUR",
    totalMinor: 1,
    document: {},
  });
  const { upload } = await store.evidenceUploads.record(orgId, {
    fileName: "f",
    storedPath: "p",
    sizeBytes: 1,
    contentHash: "h",
    format: "evtx",
  });
  const job = await store.jobs.enqueue(orgId, { kind: "k", input: {} });
  const auditResult = await store.auditResults.create(orgId, {
    jobId: job.id,
    catalogVersion: "1",
    result: {},
    summary: {},
  });
  await store.idempotencyKeys.save(orgId, { key: "k", requestHash: "h", response: {} });
  await store.auditLog.append(orgId, {
    action: "customer.create",
    targetType: "customer",
    targetId: customer.id,
  });
  return {
    customer,
    user,
    session,
    token,
    deployment,
    evaluation,
    entitlement,
    priceList,
    quote,
    upload,
    job,
    auditResult,
  };
}

/** Organisation B never sees, changes or claims organisation A's rows through any repository. */
export function defineTenantIsolationCases(harness: ContractHarness): void {
  test("tenant isolation: every repository answers organisation B with nothing of A's", async () => {
    const store = harness.store();
    const a = await createTestOrganisation(store, "tenant-a");
    const b = await createTestOrganisation(store, "tenant-b");
    const ofA = await fillOrganisation(store, a.id);
    const later = "2000-01-01T00:00:00.000Z";
    const lease = { workerId: "w", now: later, leaseMs: 1000 };
    const seenByB = [
      await store.customers.get(b.id, ofA.customer.id),
      await store.customers.update(b.id, ofA.customer.id, { name: "stolen" }),
      await store.users.get(b.id, ofA.user.id),
      await store.users.findByEmail(b.id, ofA.user.email),
      await store.sessions.findLive(b.id, "s", later),
      await store.apiTokens.findLive(b.id, "t", later),
      await store.deployments.get(b.id, ofA.deployment.id),
      await store.deployments.getRevision(b.id, ofA.deployment.id, 1),
      await store.deployments.saveRevision(b.id, ofA.deployment.id, { document: {} }),
      await store.evaluations.get(b.id, ofA.evaluation.id),
      await store.entitlements.get(b.id, ofA.entitlement.id),
      await store.priceLists.get(b.id, ofA.priceList.id),
      await store.quotes.get(b.id, ofA.quote.id),
      await store.quotes.issue(b.id, ofA.quote.id),
      await store.quotes.updateDraft(b.id, ofA.quote.id, {
        currency: "EUR",
        totalMinor: 0,
        document: {},
      }),
      await store.evidenceUploads.get(b.id, ofA.upload.id),
      await store.jobs.get(b.id, ofA.job.id),
      await store.jobs.claim(b.id, lease),
      await store.auditResults.get(b.id, ofA.auditResult.id),
      await store.auditResults.findOfJob(b.id, ofA.job.id),
      await store.idempotencyKeys.find(b.id, "k"),
    ];
    assert.deepEqual(
      seenByB,
      seenByB.map(() => undefined),
    );
    const listsOfB = [
      await store.customers.list(b.id),
      await store.users.list(b.id),
      await store.deployments.list(b.id),
      await store.deployments.listRevisions(b.id, ofA.deployment.id),
      await store.evaluations.listOfDeployment(b.id, ofA.deployment.id),
      await store.entitlements.list(b.id),
      await store.priceLists.list(b.id),
      await store.quotes.list(b.id),
      await store.evidenceUploads.list(b.id),
      await store.jobs.list(b.id),
      await store.auditResults.list(b.id),
      await store.auditLog.list(b.id),
    ];
    assert.deepEqual(
      listsOfB,
      listsOfB.map(() => []),
    );
    const writesOfB = [
      await store.customers.delete(b.id, ofA.customer.id),
      await store.users.disable(b.id, ofA.user.id),
      await store.sessions.revoke(b.id, ofA.session.id),
      await store.apiTokens.revoke(b.id, ofA.token.id),
      await store.entitlements.delete(b.id, ofA.entitlement.id),
      await store.priceLists.delete(b.id, ofA.priceList.id),
      await store.jobs.heartbeat(b.id, ofA.job.id, lease, { done: 1 }),
    ];
    assert.deepEqual(
      writesOfB,
      writesOfB.map(() => false),
    );
    assert.equal((await store.customers.get(a.id, ofA.customer.id))?.name, "Contoso");
    assert.equal((await store.deployments.get(a.id, ofA.deployment.id))?.latestRevision, 1);
    assert.equal((await store.quotes.get(a.id, ofA.quote.id))?.status, "draft");
    assert.equal((await store.auditLog.list(a.id)).length, 1);
  });

  test("tenant isolation: B cannot point its rows at A's records (composite foreign keys)", async () => {
    const store = harness.store();
    const a = await createTestOrganisation(store, "fk-a");
    const b = await createTestOrganisation(store, "fk-b");
    const customerOfA = await store.customers.create(a.id, { name: "Contoso" });
    await assert.rejects(
      store.deployments.create(b.id, { name: "x", customerId: customerOfA.id, document: {} }),
    );
    await assert.rejects(
      store.users.create(b.id, {
        email: "c@x.example",
        displayName: "C",
        role: "customer",
        customerId: customerOfA.id,
      }),
    );
  });
}
