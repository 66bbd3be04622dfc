import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { useThrowawayPostgresStore } from "@calwise/storage/testing";
import { defineKillCases } from "./kill-cases.ts";

// One throwaway cluster for this file; if it cannot start, every test fails (no skip).
const postgres = useThrowawayPostgresStore();
// Uploads live in the server's data directory on PostgreSQL too.
const dataDir = mkdtempSync(join(tmpdir(), "calwise-kill-postgres-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

defineKillCases({
  store: postgres.store,
  databaseUrl: () => postgres.cluster().url,
  dataDir: () => dataDir,
});
