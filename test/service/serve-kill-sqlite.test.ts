import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { openStore, type Store } from "@calwise/storage";
import { defineKillCases } from "./kill-cases.ts";

// The server's data directory: its SQLite file, which this process opens too (WAL: both may).
const dataDir = mkdtempSync(join(tmpdir(), "calwise-kill-sqlite-"));
let store: Store | undefined;

before(async () => {
  store = await openStore({ location: dataDir });
});

after(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

defineKillCases({
  store: () => {
    if (store === undefined) throw new Error("the SQLite store did not open");
    return store;
  },
  databaseUrl: () => undefined,
  dataDir: () => dataDir,
});
