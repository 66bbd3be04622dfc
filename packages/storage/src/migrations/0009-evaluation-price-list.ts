import type { Kysely, Migration } from "kysely";

/**
 * The stored price list a compliance check was priced with (issue 13, web-finish): null when no list of the
 * organisation priced it (none was in force, or the deployment carried its own prices). With it a check priced at
 * a list that is no longer the one in force reads as stale; the name in the result cannot tell two lists of the
 * same name apart. No foreign key: deleting a price list must not be blocked by the checks it priced (a deleted
 * list is simply never the one in force). Checks stored before this migration have null here.
 */
export function createEvaluationPriceListMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("evaluations").addColumn("price_list_id", "text").execute();
    },
  };
}
