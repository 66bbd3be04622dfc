import type { EvidenceUploadRepository } from "../port/evidence-upload-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

/** Evidence uploads over Kysely; one row per content hash. */
export function createEvidenceUploadRepository(
  context: RepositoryContext,
): EvidenceUploadRepository {
  const { inTenant, readTenant } = context;
  return {
    record: (orgId, input) =>
      inTenant(orgId, async (db) => {
        const inserted = await db
          .insertInto("evidenceUploads")
          .values({
            orgId,
            id: context.newId(),
            fileName: input.fileName,
            storedPath: input.storedPath,
            sizeBytes: input.sizeBytes,
            contentHash: input.contentHash,
            format: input.format,
            createdAt: context.now(),
            createdBy: input.createdBy ?? null,
          })
          .onConflict((conflict) => conflict.columns(["orgId", "contentHash"]).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted !== undefined) return { upload: inserted, created: true };
        const existing = await db
          .selectFrom("evidenceUploads")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("contentHash", "=", input.contentHash)
          .executeTakeFirstOrThrow();
        return { upload: existing, created: false };
      }),
    get: (orgId, id) =>
      readTenant(orgId, (db) => selectTenantRow(db, "evidenceUploads", orgId, id)),
    list: (orgId) =>
      readTenant(orgId, (db) =>
        db
          .selectFrom("evidenceUploads")
          .selectAll()
          .where("orgId", "=", orgId)
          .orderBy("id")
          .execute(),
      ),
  };
}
