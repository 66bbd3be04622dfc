import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { runIdempotent } from "../run-idempotent.ts";
import { openSqliteStore } from "./open-sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-sqlite-immediate-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a store transaction holds the write lock from its start: another connection's writer waits, the transaction is not broken", async () => {
  const file = join(dir, "shared.db");
  const store = await openSqliteStore({ file });
  // Another process's connection (a CLI command beside the server), told not to wait at all.
  const other = new BetterSqlite3(file, { timeout: 0 });
  const insertOther = other.prepare(
    "insert into customers (org_id, id, name, created_at, updated_at) values (?, 'other', 'other', '', '')",
  );
  try {
    const org = await store.organisations.create({ slug: "immediate", name: "Immediate" });
    let otherWriter = "not tried";
    // runIdempotent reads the key, then writes. Had the transaction begun DEFERRED, the other writer
    // would commit in between and this transaction's write would fail with SQLITE_BUSY_SNAPSHOT.
    const outcome = await runIdempotent(
      store,
      org.id,
      { keys: ["k"], requestHash: "h" },
      async (tx) => {
        try {
          insertOther.run(org.id);
          otherWriter = "wrote";
        } catch (error) {
          otherWriter = (error as { code?: string }).code ?? "failed";
        }
        return tx.customers.create(org.id, { name: "mine" });
      },
    );
    assert.equal(otherWriter, "SQLITE_BUSY");
    assert.equal(outcome.kind, "done");
    insertOther.run(org.id);
    assert.deepEqual((await store.customers.list(org.id)).map((customer) => customer.name).sort(), [
      "mine",
      "other",
    ]);
  } finally {
    other.close();
    await store.close();
  }
});
