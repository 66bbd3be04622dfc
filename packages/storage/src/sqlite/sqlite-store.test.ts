import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { openStore } from "../open-store.ts";
import { defineStoreContract } from "../store.contract.ts";
import type { SqliteStore } from "./open-sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-sqlite-"));
let store: SqliteStore | undefined;

before(async () => {
  store = (await openStore({ location: dir })) as SqliteStore;
});

after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

defineStoreContract({
  store: () => {
    if (store === undefined) throw new Error("the SQLite store did not open");
    return store;
  },
  location: () => dir,
  executeRaw: async (_orgId, statement) => {
    store?.connection.prepare(statement).run();
  },
});
