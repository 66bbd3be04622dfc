import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import pg from "pg";
import { createTestOrganisation } from "../contract/contract-harness.ts";
import { tenantTables } from "../kysely/database.ts";
import { openStore } from "../open-store.ts";
import { defineStoreContract } from "../store.contract.ts";
import { useThrowawayPostgresStore } from "../testing/use-throwaway-postgres-store.ts";

// One throwaway cluster for this file; if it cannot start, every test fails.
const postgres = useThrowawayPostgresStore();

/** Runs statements as the application role, in one transaction with the organisation set (or none). */
async function queryAsApp(
  orgId: string | undefined,
  ...statements: string[]
): Promise<pg.QueryResult[]> {
  const cluster = postgres.cluster();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query("begin");
    if (orgId !== undefined)
      await client.query("select set_config('calwise.org_id', $1, true)", [orgId]);
    const results = [];
    for (const statement of statements) results.push(await client.query(statement));
    await client.query("commit");
    return results;
  } finally {
    await client.end();
  }
}

const openedStore = postgres.store;

defineStoreContract({
  store: openedStore,
  location: () => {
    const cluster = postgres.cluster();
    return cluster.url;
  },
  executeRaw: async (orgId, statement) => {
    await queryAsApp(orgId, statement);
  },
});

test("row-level security: under B's setting a raw query without any filter sees none of A's rows", async () => {
  const a = await createTestOrganisation(openedStore(), "rls-a");
  const b = await createTestOrganisation(openedStore(), "rls-b");
  const customerOfA = await openedStore().customers.create(a.id, { name: "Contoso" });
  await openedStore().customers.create(b.id, { name: "Fabrikam" });
  const [all, byId] = await queryAsApp(
    b.id,
    "select org_id, name from customers",
    `select * from customers where id = '${customerOfA.id}'`,
  );
  assert.deepEqual(all?.rows, [{ org_id: b.id, name: "Fabrikam" }]);
  assert.deepEqual(byId?.rows, []);
  const [updated] = await queryAsApp(
    b.id,
    `update customers set name = 'stolen' where id = '${customerOfA.id}'`,
  );
  assert.equal(updated?.rowCount, 0);
  assert.equal((await openedStore().customers.get(a.id, customerOfA.id))?.name, "Contoso");
});

test("row-level security: B cannot write a row carrying A's organisation id", async () => {
  const a = await createTestOrganisation(openedStore(), "rls-write-a");
  const b = await createTestOrganisation(openedStore(), "rls-write-b");
  await assert.rejects(
    queryAsApp(
      b.id,
      `insert into customers (org_id, id, name, created_at, updated_at) values ('${a.id}', 'x', 'planted', '', '')`,
    ),
    /row-level security/,
  );
});

test("row-level security: with no organisation set, tenant tables are empty", async () => {
  const org = await createTestOrganisation(openedStore(), "rls-unset");
  await openedStore().customers.create(org.id, { name: "Contoso" });
  const counts = await queryAsApp(
    undefined,
    ...tenantTables.map((table) => `select count(*)::int as n from ${table}`),
  );
  assert.deepEqual(
    counts.map((result) => result.rows[0]?.n),
    tenantTables.map(() => 0),
  );
});

test("row-level security: enabled and forced on every tenant table; the application role cannot bypass it", async () => {
  const [tables, role] = await queryAsApp(
    undefined,
    `select relname from pg_class where relkind = 'r' and relrowsecurity and relforcerowsecurity order by relname`,
    "select rolsuper, rolbypassrls from pg_roles where rolname = current_user",
  );
  assert.deepEqual(
    tables?.rows.map((row) => row.relname),
    [...tenantTables].sort(),
  );
  assert.deepEqual(role?.rows, [{ rolsuper: false, rolbypassrls: false }]);
});

test("a superuser connection is refused: it would bypass row-level security", async () => {
  const cluster = postgres.cluster();
  await assert.rejects(
    openStore({ location: cluster.superuserUrl }),
    /bypasses row-level security/,
  );
});

test("pg_dump as the superuser and pg_restore give back the rows, the policies and the schema version", async () => {
  const cluster = postgres.cluster();
  const org = await createTestOrganisation(openedStore(), "dump");
  const customer = await openedStore().customers.create(org.id, { name: "Contoso" });
  const dump = join(cluster.dir, "calwise.dump");
  await cluster.runProgram("pg_dump", ["-Fc", "-f", dump, cluster.superuserUrl]);
  const admin = new pg.Client({ connectionString: cluster.superuserUrl });
  await admin.connect();
  await admin.query("create database restored owner calwise").finally(() => admin.end());
  const restoredAs = (url: string) => url.replace(/\/calwise$/, "/restored");
  await cluster.runProgram("pg_restore", [
    "--exit-on-error",
    "-d",
    restoredAs(cluster.superuserUrl),
    dump,
  ]);
  const restored = await openStore({ location: restoredAs(cluster.url) });
  try {
    assert.deepEqual(await restored.customers.get(org.id, customer.id), customer);
    assert.equal(await restored.readSchemaVersion(), await openedStore().readSchemaVersion());
  } finally {
    await restored.close();
  }
  const app = new pg.Client({ connectionString: restoredAs(cluster.url) });
  await app.connect();
  const visible = await app
    .query("select count(*)::int as n from customers")
    .finally(() => app.end());
  assert.equal(visible.rows[0]?.n, 0);
});
