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

  test("read: several reads in one read transaction of the organisation, which refuses another organisation", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "read");
    const other = await createTestOrganisation(store, "read-other");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    const read = await store.read(org.id, async (tx) => ({
      customer: await tx.customers.get(org.id, customer.id),
      all: await tx.customers.list(org.id),
    }));
    assert.deepEqual(read, { customer, all: [customer] });
    await assert.rejects(
      store.read(org.id, (tx) => tx.customers.list(other.id)),
      /a transaction of organisation/,
    );
  });

  test("idempotency: the same key twice runs the work once and answers the same", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "idempotency");
    const request = { keys: ["import-1"] as [string], requestHash: "sha256:aaa" };
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
    assert.deepEqual(reused, {
      kind: "key-reused",
      key: "import-1",
      storedRequestHash: "sha256:aaa",
    });
  });

  test("idempotency: a client key and a content key, the first stored decides and the others remember it", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "idempotency-keys");
    let runs = 0;
    const work = async () => ({ run: ++runs });
    const first = await runIdempotent(
      store,
      org.id,
      { keys: ["client-1", "content:aaa"], requestHash: "aaa" },
      work,
    );
    // A new client key with the same content replays the first answer, and that key now names it too.
    const sameContent = await runIdempotent(
      store,
      org.id,
      { keys: ["client-2", "content:aaa"], requestHash: "aaa" },
      work,
    );
    const sameKey = await runIdempotent(
      store,
      org.id,
      { keys: ["client-2"], requestHash: "aaa" },
      work,
    );
    // The client key again with other content is refused, whatever the content key says.
    const otherContent = await runIdempotent(
      store,
      org.id,
      { keys: ["client-2", "content:bbb"], requestHash: "bbb" },
      work,
    );
    assert.deepEqual(
      [first, sameContent, sameKey].map((o) => [o.kind, "response" in o && o.response]),
      [
        ["done", { run: 1 }],
        ["replayed", { run: 1 }],
        ["replayed", { run: 1 }],
      ],
    );
    assert.deepEqual(otherContent, {
      kind: "key-reused",
      key: "client-2",
      storedRequestHash: "aaa",
    });
    assert.equal(runs, 1);
    assert.equal(await store.idempotencyKeys.find(org.id, "content:bbb"), undefined);
  });

  test("idempotency: racing requests with one key import once", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "idempotency-race");
    const request = { keys: ["race"] as [string], requestHash: "h" };
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
