import { useThrowawayPostgresStore } from "@calwise/storage/testing";
import { defineServiceContract } from "./service.contract.ts";

// One throwaway cluster for this file; if it cannot start, every test fails (no skip).
const postgres = useThrowawayPostgresStore();

defineServiceContract({
  store: postgres.store,
});
