import { type Kysely, sql } from "kysely";
import { createIdGenerator } from "../create-id-generator.ts";
import type { Store, StoreDialect } from "../store.ts";
import { createTenantRepositories } from "./create-tenant-repositories.ts";
import type { Database } from "./database.ts";
import { createOrganisationRepository } from "./organisation-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";

/** What a dialect hands the shared store code. */
export interface KyselyStoreParts {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Runs `work` in a transaction of its own for organisation `orgId` (setting row-level security where there is any). */
  readonly inTransaction: <T>(
    orgId: string,
    work: (trx: Kysely<Database>) => Promise<T>,
  ) => Promise<T>;
  /** Runs `work`, which only reads, for organisation `orgId` without taking a write lock. */
  readonly inReadTransaction: <T>(
    orgId: string,
    work: (trx: Kysely<Database>) => Promise<T>,
  ) => Promise<T>;
  readonly readClock: () => Date;
  readonly close: () => Promise<void>;
}

/** The store over Kysely, shared by both dialects: one transaction per call, or `transact`'s. */
export function createKyselyStore(parts: KyselyStoreParts): Store {
  const { db, dialect, inTransaction, inReadTransaction, readClock } = parts;
  const base = {
    dialect,
    now: () => readClock().toISOString(),
    newId: createIdGenerator(() => readClock().getTime()),
  };
  const context: RepositoryContext = {
    ...base,
    inTenant: inTransaction,
    readTenant: inReadTransaction,
  };
  // Reads and writes alike run in the caller's transaction, of its organisation only.
  const bindRepositories = (orgId: string, trx: Kysely<Database>) => {
    const inOwn = <T>(askedOrgId: string, step: (db: Kysely<Database>) => Promise<T>) => {
      if (askedOrgId !== orgId) {
        throw new Error(
          `calwise: a transaction of organisation ${orgId} was asked for organisation ${askedOrgId}`,
        );
      }
      return step(trx);
    };
    return createTenantRepositories({ ...base, inTenant: inOwn, readTenant: inOwn });
  };
  return {
    ...createTenantRepositories(context),
    dialect,
    organisations: createOrganisationRepository(db, context),
    transact: (orgId, work) => inTransaction(orgId, (trx) => work(bindRepositories(orgId, trx))),
    read: (orgId, work) => inReadTransaction(orgId, (trx) => work(bindRepositories(orgId, trx))),
    readSchemaVersion: async () => {
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name desc limit 1`.execute(db);
      return rows[0]?.name;
    },
    close: parts.close,
  };
}
