import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { listMigrations, readLatestMigrationName } from "../migrations/list-migrations.ts";
import { backupSqlite } from "./backup-sqlite.ts";
import { openSqliteStore } from "./open-sqlite-store.ts";
import { restoreSqlite } from "./restore-sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-backup-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("an online backup taken while writes go on restores to a store with every committed row", async () => {
  const store = await openSqliteStore({ file: join(dir, "live.db") });
  const org = await store.organisations.create({ slug: "backup", name: "Backup" });
  for (let i = 0; i < 200; i++) await store.customers.create(org.id, { name: `before ${i}` });
  const writes = Promise.all(
    Array.from({ length: 100 }, (_, i) => store.customers.create(org.id, { name: `during ${i}` })),
  );
  const backup = await backupSqlite(store.file, join(dir, "backup.db"));
  await writes;
  await store.customers.create(org.id, { name: "after" });
  await store.close();
  assert.ok(backup.pages > 0);

  const target = join(dir, "restored.db");
  const restored = restoreSqlite(backup.file, target);
  assert.deepEqual(restored, { ok: true, schemaVersion: readLatestMigrationName() });
  const reopened = await openSqliteStore({ file: target });
  const names = (await reopened.customers.list(org.id)).map((customer) => customer.name);
  await reopened.close();
  assert.equal(names.filter((name) => name.startsWith("before")).length, 200);
  assert.ok(!names.includes("after"));
});

test("restore replaces the store's data, including what was only in its write-ahead log", async () => {
  const file = join(dir, "replaced.db");
  const store = await openSqliteStore({ file });
  const org = await store.organisations.create({ slug: "replace", name: "Replace" });
  await store.customers.create(org.id, { name: "kept" });
  const { file: backupFile } = await backupSqlite(store.file, join(dir, "replace-backup.db"));
  await store.customers.create(org.id, { name: "undone" });
  await store.close();
  assert.equal(restoreSqlite(backupFile, file).ok, true);
  const reopened = await openSqliteStore({ file });
  assert.deepEqual(
    (await reopened.customers.list(org.id)).map((customer) => customer.name),
    ["kept"],
  );
  await reopened.close();
});

test("restore refuses a file that is not SQLite, a damaged one, a foreign database and a newer schema", async () => {
  const target = join(dir, "untouched.db");
  const store = await openSqliteStore({ file: target });
  const org = await store.organisations.create({ slug: "untouched", name: "Untouched" });
  await store.close();
  const codeOf = (file: string) => {
    const outcome = restoreSqlite(file, target);
    return outcome.ok ? "ok" : outcome.problem.code;
  };

  const text = join(dir, "notes.txt");
  writeFileSync(text, "not a database at all, but long enough to have a header\n");
  assert.equal(codeOf(text), "backup-not-sqlite");
  assert.equal(codeOf(join(dir, "missing.db")), "backup-unreadable");

  const foreign = join(dir, "foreign.db");
  new BetterSqlite3(foreign).exec("create table t (x)").close();
  assert.equal(codeOf(foreign), "backup-not-calwise");

  const newer = join(dir, "newer.db");
  const newerStore = await openSqliteStore({ file: newer });
  await newerStore.close();
  new BetterSqlite3(newer)
    .exec("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '')")
    .close();
  assert.equal(codeOf(newer), "backup-newer-than-code");

  const damaged = join(dir, "damaged.db");
  const damagedStore = await openSqliteStore({ file: damaged });
  const damagedOrg = await damagedStore.organisations.create({ slug: "d", name: "D" });
  for (let i = 0; i < 500; i++)
    await damagedStore.customers.create(damagedOrg.id, { name: `c${i}` });
  await damagedStore.close();
  const fd = openSync(damaged, "r+");
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
  closeSync(fd);
  assert.equal(codeOf(damaged), "backup-corrupt");

  const reopened = await openSqliteStore({ file: target });
  assert.deepEqual(await reopened.organisations.get(org.id), { ...org });
  await reopened.close();
});

test("a backup reads the store as it is: a database at an older schema stays at it, and so is its copy", async () => {
  const file = join(dir, "older.db");
  const names = Object.keys(listMigrations("sqlite")).sort();
  const older = names[names.length - 2] as string;
  // A store left by an older calwise: migrated up to the migration before the newest only.
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(file) }),
  });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => listMigrations("sqlite") },
  });
  assert.equal((await migrator.migrateTo(older)).error, undefined);
  await db.destroy();
  const schemaOf = (path: string) => {
    const connection = new BetterSqlite3(path, { readonly: true });
    const row = connection
      .prepare("select name from kysely_migration order by name desc limit 1")
      .get() as { name: string };
    connection.close();
    return row.name;
  };
  const { file: copy } = await backupSqlite(file, join(dir, "older-backup.db"));
  assert.deepEqual([schemaOf(file), schemaOf(copy)], [older, older]);
});
