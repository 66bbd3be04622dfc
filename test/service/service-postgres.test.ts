import { after, before } from "node:test";
import { openStore, type Store } from "@calwise/storage";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@calwise/storage/testing";
import { defineServiceContract } from "./service.contract.ts";

// One throwaway cluster for this file; if it cannot start, `before` throws and every test fails (no skip).
let cluster: ThrowawayPostgres | undefined;
let store: Store | undefined;

before(async () => {
  cluster = await startThrowawayPostgres();
  store = await openStore({ location: cluster.url });
});

after(async () => {
  await store?.close();
  await cluster?.stop();
});

defineServiceContract({
  store: () => {
    if (store === undefined) throw new Error("the PostgreSQL store did not open");
    return store;
  },
});
