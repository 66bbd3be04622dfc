import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { openStore, type Store } from "@calwise/storage";
import { defineServiceContract } from "./service.contract.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-service-"));
let store: Store | undefined;

before(async () => {
  store = await openStore({ location: dir });
});

after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

defineServiceContract({
  store: () => {
    if (store === undefined) throw new Error("the SQLite store did not open");
    return store;
  },
});
