import type { Organisation } from "../port/organisation-repository.ts";
import type { Store } from "../store.ts";

/** What a database's test file hands the contract suite. */
export interface ContractHarness {
  /** The store under test (opened in the test file's `before`). */
  store(): Store;
  /** The location the store was opened from (a file or a URL), for other processes to open it too. */
  location(): string;
  /**
   * Runs one raw SQL statement as the application would, in a transaction of organisation `orgId`
   * (with row-level security set on PostgreSQL): it checks what the database refuses on its own.
   */
  executeRaw(orgId: string, statement: string): Promise<void>;
}

let organisationCount = 0;

/** A new organisation with a unique slug, so that cases never see each other's rows. */
export function createTestOrganisation(store: Store, label: string): Promise<Organisation> {
  organisationCount += 1;
  return store.organisations.create({
    slug: `${label}-${process.pid}-${organisationCount}-${Date.now()}`,
    name: `${label} ${organisationCount}`,
  });
}
