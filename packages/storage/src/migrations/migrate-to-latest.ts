import { type Kysely, Migrator } from "kysely";
import type { StoreDialect } from "../store.ts";
import { listMigrations } from "./list-migrations.ts";

/** Brings a database up to the newest migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations = listMigrations(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
  throw new Error(`calwise: migration ${failed} failed on ${dialect}: ${String(error)}`, {
    cause: error,
  });
}
