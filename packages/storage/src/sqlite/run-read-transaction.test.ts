import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { openSqliteStore } from "./open-sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-sqlite-read-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a store read takes no write lock: it answers while another connection holds one, from the last commit", async () => {
  const file = join(dir, "shared.db");
  const store = await openSqliteStore({ file });
  const other = new BetterSqlite3(file);
  try {
    const org = await store.organisations.create({ slug: "reader", name: "Reader" });
    const user = await store.users.create(org.id, {
      email: "Reader@example.com",
      displayName: "Reader",
      role: "owner",
    });
    // Another process's writer holds the write lock with an uncommitted change. A read that began
    // IMMEDIATE would wait out the busy timeout and fail with SQLITE_BUSY.
    other.exec("begin immediate");
    other.prepare("update users set display_name = 'uncommitted' where id = ?").run(user.id);
    assert.equal((await store.users.get(org.id, user.id))?.displayName, "Reader");
    assert.equal((await store.users.findByEmail(org.id, "reader@example.com"))?.id, user.id);
    other.exec("commit");
    assert.equal((await store.users.get(org.id, user.id))?.displayName, "uncommitted");
  } finally {
    other.close();
    await store.close();
  }
});
