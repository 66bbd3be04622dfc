import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { resolveSqliteFile } from "./resolve-sqlite-file.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-resolve-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a data directory holds calwise.db and is created; a .db/.sqlite path is the file itself", () => {
  assert.equal(
    resolveSqliteFile(join(dir, "calwise-data")),
    join(dir, "calwise-data", "calwise.db"),
  );
  assert.ok(existsSync(join(dir, "calwise-data")));
  assert.equal(
    resolveSqliteFile(join(dir, "nested", "store.sqlite")),
    join(dir, "nested", "store.sqlite"),
  );
  assert.ok(existsSync(join(dir, "nested")));
  assert.equal(resolveSqliteFile(join(dir, "x.db")), join(dir, "x.db"));
});
