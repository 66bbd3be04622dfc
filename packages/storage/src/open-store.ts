import { openPostgresStore } from "./postgres/open-postgres-store.ts";
import { openSqliteStore } from "./sqlite/open-sqlite-store.ts";
import { resolveSqliteFile } from "./sqlite/resolve-sqlite-file.ts";
import type { Store } from "./store.ts";

/** Where and how to open a store. */
export interface StoreConfig {
  /** `postgres://…` (or `postgresql://…`) for PostgreSQL; otherwise a data directory or SQLite file. */
  readonly location: string;
  /** The clock records are stamped with (tests pass their own). */
  readonly readClock?: () => Date;
  /** Lets a PostgreSQL superuser connect although it bypasses row-level security (not recommended). */
  readonly allowRowLevelSecurityBypass?: boolean;
}

/** Opens the store a location names, migrated to the newest schema: the one place that picks a database. */
export function openStore(config: StoreConfig): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(config.location)) {
    return openPostgresStore({ ...config, url: config.location });
  }
  return openSqliteStore({ ...config, file: resolveSqliteFile(config.location) });
}
