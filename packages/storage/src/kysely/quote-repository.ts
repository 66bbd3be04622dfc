import type { Kysely } from "kysely";
import type { Quote, QuoteRepository } from "../port/quote-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";

const toQuote = (row: Database["quotes"]): Quote => ({
  ...row,
  document: parseJsonText(row.document),
});

/** Quotes over Kysely; issuing takes the next number from the organisation's counter. */
export function createQuoteRepository(context: RepositoryContext): QuoteRepository {
  const { inTenant, readTenant } = context;
  const select = (db: Kysely<Database>, orgId: string) =>
    db.selectFrom("quotes").selectAll().where("orgId", "=", orgId);
  return {
    createDraft: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toQuote(
          await db
            .insertInto("quotes")
            .values({
              orgId,
              id: context.newId(),
              customerId: input.customerId ?? null,
              priceListId: input.priceListId ?? null,
              status: "draft",
              number: null,
              currency: input.currency,
              totalMinor: input.totalMinor,
              document: toJsonText(input.document),
              createdAt: context.now(),
              issuedAt: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await select(db, orgId).where("id", "=", id).executeTakeFirst();
        return row && toQuote(row);
      }),
    findByNumber: (orgId, number) =>
      readTenant(orgId, async (db) => {
        const row = await select(db, orgId).where("number", "=", number).executeTakeFirst();
        return row && toQuote(row);
      }),
    list: (orgId) =>
      readTenant(orgId, async (db) =>
        (await select(db, orgId).orderBy("id").execute()).map(toQuote),
      ),
    updateDraft: (orgId, id, input) =>
      inTenant(orgId, async (db) => {
        const row = await db
          .updateTable("quotes")
          .set({
            customerId: input.customerId ?? null,
            priceListId: input.priceListId ?? null,
            currency: input.currency,
            totalMinor: input.totalMinor,
            document: toJsonText(input.document),
          })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .where("status", "=", "draft")
          .returningAll()
          .executeTakeFirst();
        return row && toQuote(row);
      }),
    issue: (orgId, id) =>
      inTenant(orgId, async (db) => {
        // Lock the draft first (a concurrent issue of the same quote waits here and then finds it
        // issued), then take the number: the counter row's lock orders concurrent issues of one
        // organisation, so numbers have neither duplicates nor gaps.
        const issuedAt = context.now();
        const draft = await db
          .updateTable("quotes")
          .set({ issuedAt })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .where("status", "=", "draft")
          .returning("id")
          .executeTakeFirst();
        if (draft === undefined) return undefined;
        const counter = await db
          .updateTable("organisations")
          .set((eb) => ({ lastQuoteNumber: eb("lastQuoteNumber", "+", 1) }))
          .where("id", "=", orgId)
          .returning("lastQuoteNumber")
          .executeTakeFirstOrThrow();
        const row = await db
          .updateTable("quotes")
          .set({ status: "issued", number: counter.lastQuoteNumber })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toQuote(row);
      }),
    setStatus: (orgId, id, status) =>
      inTenant(orgId, async (db) => {
        const row = await db
          .updateTable("quotes")
          .set({ status })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .where("status", "=", "issued")
          .returningAll()
          .executeTakeFirst();
        return row && toQuote(row);
      }),
    listOfPeriod: (orgId, from, before) =>
      context.readTenant(orgId, async (db) =>
        (
          await select(db, orgId)
            .where((eb) =>
              eb.or([
                eb.and([eb("createdAt", ">=", from), eb("createdAt", "<", before)]),
                eb.and([eb("issuedAt", ">=", from), eb("issuedAt", "<", before)]),
              ]),
            )
            .orderBy("createdAt")
            .orderBy("id")
            .execute()
        ).map(toQuote),
      ),
  };
}
