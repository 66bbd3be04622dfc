import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import { createKyselyStore } from "../kysely/create-kysely-store.ts";
import type { Database } from "../kysely/database.ts";
import { migrateToLatest } from "../migrations/migrate-to-latest.ts";
import type { Store } from "../store.ts";
import { createPgPool } from "./create-pg-pool.ts";
import { readRowLevelSecurityBypass } from "./read-row-level-security-bypass.ts";

/**
 * Opens a PostgreSQL store and migrates it. It refuses a role that bypasses row-level security
 * (a superuser or BYPASSRLS) unless told otherwise, since that would silently remove the second line
 * of tenant isolation.
 */
export async function openPostgresStore(config: {
  readonly url: string;
  readonly readClock?: () => Date;
  readonly allowRowLevelSecurityBypass?: boolean;
}): Promise<Store> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPgPool(config.url) }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    const bypass = await readRowLevelSecurityBypass(db);
    if (bypass !== undefined && config.allowRowLevelSecurityBypass !== true) {
      throw new Error(
        `calwise: the database role ${bypass} bypasses row-level security; connect as a role without ` +
          "SUPERUSER and BYPASSRLS that owns the database (see docs/storage.md)",
      );
    }
    await migrateToLatest(db.withoutPlugins() as Kysely<unknown>, "postgres");
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const inOrganisation = <T>(orgId: string, work: (trx: Kysely<Database>) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      await sql`select set_config('calwise.org_id', ${orgId}, true)`.execute(trx);
      return work(trx);
    });
  return createKyselyStore({
    db,
    dialect: "postgres",
    // The organisation is a transaction-local setting, so a pooled connection never carries it over.
    inTransaction: inOrganisation,
    // Row-level security needs the organisation set, so reads too run in a transaction of their own.
    inReadTransaction: inOrganisation,
    readClock: config.readClock ?? (() => new Date()),
    close: () => db.destroy(),
  });
}
