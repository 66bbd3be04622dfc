import assert from "node:assert/strict";
import { test } from "node:test";
import { runIdempotent } from "../run-idempotent.ts";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const rows = [
  { kind: "purchase", sku: "windows-server/user-cal", quantity: 10, invoiceReference: "INV-1" },
  { kind: "purchase", sku: "windows-server/device-cal", quantity: 5, invoiceReference: "INV-1" },
  { kind: "purchase", sku: "broken", quantity: -1, invoiceReference: "INV-1" },
] as const;

/** Atomic imports, idempotency keys and the audit log. */
export function defineTransactionCases(harness: ContractHarness): void {
  test("transactions: an import that fails half-way leaves nothing", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "atomic-import");
    await assert.rejects(
      store.transact(org.id, async (tx) => {
        await tx.auditLog.append(org.id, {
          action: "entitlements.import",
          targetType: "entitlement",
        });
        for (const row of rows) await tx.entitlements.create(org.id, row);
      }),
    );
    assert.deepEqual(await store.entitlements.list(org.id), []);
    assert.deepEqual(await store.auditLog.list(org.id), []);
    await store.transact(org.id, async (tx) => {
      for (const row of rows.slice(0, 2)) await tx.entitlements.create(org.id, row);
    });
    assert.equal((await store.entitlements.list(org.id)).length, 2);
  });

  test("transactions: a thrown error rolls back everything, and a transaction refuses another organisation", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "rollback");
    const other = await createTestOrganisation(store, "rollback-other");
    await assert.rejects(
      store.transact(org.id, async (tx) => {
        const { deployment } = await tx.deployments.create(org.id, { name: "HQ", document: {} });
        await tx.deployments.saveRevision(org.id, deployment.id, { document: { v: 2 } });
        throw new Error("the evaluation failed");
      }),
      /the evaluation failed/,
    );
    assert.deepEqual(await store.deployments.list(org.id), []);
    await assert.rejects(
      store.transact(org.id, (tx) => tx.customers.list(other.id)),
      /a transaction of organisation/,
    );
  });

  test("idempotency: the same key twice runs the work once and answers the same", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "idempotency");
    const request = { key: "import-1", requestHash: "sha256:aaa" };
    const importTwoRows = async (tx: Parameters<Parameters<typeof runIdempotent>[3]>[0]) => {
      const created = [];
      for (const row of rows.slice(0, 2))
        created.push((await tx.entitlements.create(org.id, row)).id);
      return { imported: created };
    };
    const first = await runIdempotent(store, org.id, request, importTwoRows);
    const second = await runIdempotent(store, org.id, request, importTwoRows);
    assert.equal(first.kind, "done");
    assert.equal(second.kind, "replayed");
    assert.deepEqual(
      "response" in second && second.response,
      "response" in first && first.response,
    );
    assert.equal((await store.entitlements.list(org.id)).length, 2);
    const reused = await runIdempotent(
      store,
      org.id,
      { ...request, requestHash: "sha256:bbb" },
      importTwoRows,
    );
    assert.deepEqual(reused, { kind: "key-reused", storedRequestHash: "sha256:aaa" });
  });

  test("idempotency: racing requests with one key import once", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "idempotency-race");
    const request = { key: "race", requestHash: "h" };
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        runIdempotent(store, org.id, request, async (tx) => {
          const created = await tx.entitlements.create(org.id, rows[0]);
          return { id: created.id };
        }),
      ),
    );
    assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), [
      "done",
      "replayed",
      "replayed",
      "replayed",
    ]);
    assert.equal((await store.entitlements.list(org.id)).length, 1);
  });

  test("audit log: who, when, what, from where; newest first; entries immutable", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "audit-log");
    const first = await store.auditLog.append(org.id, {
      actorId: "user-1",
      action: "customer.create",
      targetType: "customer",
      targetId: "c1",
      address: "192.0.2.7",
      details: { name: "Contoso" },
    });
    const second = await store.auditLog.append(org.id, { action: "job.resume", targetType: "job" });
    assert.deepEqual(await store.auditLog.list(org.id), [second, first]);
    assert.deepEqual(await store.auditLog.list(org.id, { limit: 1 }), [second]);
    assert.match(first.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await assert.rejects(
      harness.executeRaw(
        org.id,
        `update audit_log set action = 'nothing' where id = '${first.id}'`,
      ),
      /immutable/,
    );
  });
}
