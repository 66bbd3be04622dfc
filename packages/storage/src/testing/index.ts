// Test support for other packages' suites (`@calwise/storage/testing`): real PostgreSQL, never a stand-in.
export {
  findFreePort,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "./start-throwaway-postgres.ts";
export { useThrowawayPostgresStore } from "./use-throwaway-postgres-store.ts";
