import type { PriceListRepository } from "../port/price-list-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { deleteTenantRow, selectTenantRow } from "./tenant-row-queries.ts";

const toPriceList = (row: Database["priceLists"]) => ({
  ...row,
  document: parseJsonText(row.document),
});

/** Price lists over Kysely; validity dates compare as `YYYY-MM-DD` text. */
export function createPriceListRepository(context: RepositoryContext): PriceListRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toPriceList(
          await db
            .insertInto("priceLists")
            .values({
              orgId,
              id: context.newId(),
              name: input.name,
              currency: input.currency,
              validFrom: input.validFrom,
              validTo: input.validTo ?? null,
              document: toJsonText(input.document),
              createdAt: context.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "priceLists", orgId, id);
        return row && toPriceList(row);
      }),
    list: (orgId) =>
      readTenant(orgId, async (db) =>
        (
          await db
            .selectFrom("priceLists")
            .selectAll()
            .where("orgId", "=", orgId)
            .orderBy("name")
            .orderBy("id")
            .execute()
        ).map(toPriceList),
      ),
    listValidOn: (orgId, date) =>
      readTenant(orgId, async (db) =>
        (
          await db
            .selectFrom("priceLists")
            .selectAll()
            .where("orgId", "=", orgId)
            .where("validFrom", "<=", date)
            .where((eb) => eb.or([eb("validTo", "is", null), eb("validTo", ">=", date)]))
            .orderBy("validFrom", "desc")
            .orderBy("id", "desc")
            .execute()
        ).map(toPriceList),
      ),
    retire: (orgId, id, validTo) =>
      inTenant(orgId, async (db) => {
        const row = await db
          .updateTable("priceLists")
          .set({ validTo })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        return row && toPriceList(row);
      }),
    delete: (orgId, id) => inTenant(orgId, (db) => deleteTenantRow(db, "priceLists", orgId, id)),
  };
}
