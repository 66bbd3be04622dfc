import type { OrganisationBrandingRepository } from "../port/organisation-branding-repository.ts";
import type { Database } from "./database.ts";
import type { RepositoryContext } from "./repository-context.ts";

const toLogo = (row: Database["organisationBranding"]) => ({
  orgId: row.orgId,
  // better-sqlite3 and pg both answer a Buffer; the port promises plain bytes.
  bytes: new Uint8Array(row.logo),
  mediaType: row.logoMediaType,
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy,
});

/** The organisation's branding over Kysely: one row per organisation, replaced by an upsert. */
export function createOrganisationBrandingRepository(
  context: RepositoryContext,
): OrganisationBrandingRepository {
  const { inTenant, readTenant } = context;
  return {
    getLogo: (orgId) =>
      readTenant(orgId, async (db) => {
        const row = await db
          .selectFrom("organisationBranding")
          .selectAll()
          .where("orgId", "=", orgId)
          .executeTakeFirst();
        return row && toLogo(row);
      }),
    saveLogo: (orgId, input) =>
      inTenant(orgId, async (db) => {
        const values = {
          logo: Buffer.from(input.bytes),
          logoMediaType: input.mediaType,
          updatedAt: context.now(),
          updatedBy: input.updatedBy ?? null,
        };
        return toLogo(
          await db
            .insertInto("organisationBranding")
            .values({ orgId, ...values })
            .onConflict((conflict) => conflict.column("orgId").doUpdateSet(values))
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
      }),
  };
}
