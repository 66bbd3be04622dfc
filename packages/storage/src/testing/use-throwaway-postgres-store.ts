import { after, before } from "node:test";
import { openStore } from "../open-store.ts";
import type { Store } from "../store.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./start-throwaway-postgres.ts";

/**
 * One throwaway PostgreSQL cluster and a store on it for the calling test file, started in `before` and
 * stopped in `after`. If the cluster cannot start, `before` throws and every test of the file fails (no skip).
 */
export function useThrowawayPostgresStore(): {
  readonly store: () => Store;
  readonly cluster: () => ThrowawayPostgres;
} {
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
  return {
    store: () => {
      if (store === undefined) throw new Error("the PostgreSQL store did not open");
      return store;
    },
    cluster: () => {
      if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start");
      return cluster;
    },
  };
}
