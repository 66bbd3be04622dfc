import type { Kysely } from "kysely";
import type {
  CustomerUpload,
  EvidenceUploadRepository,
} from "../port/evidence-upload-repository.ts";
import type { Database } from "./database.ts";
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
    linkToCustomer: (orgId, link) =>
      inTenant(orgId, async (db) => {
        await db
          .insertInto("customerUploads")
          .values({
            orgId,
            id: context.newId(),
            customerId: link.customerId,
            uploadId: link.uploadId,
            fileName: link.fileName,
            createdAt: context.now(),
            createdBy: link.createdBy ?? null,
          })
          .onConflict((conflict) =>
            conflict.columns(["orgId", "customerId", "uploadId"]).doNothing(),
          )
          .execute();
        const linked = await selectCustomerUploads(db, orgId, link.customerId)
          .where("l.uploadId", "=", link.uploadId)
          .executeTakeFirstOrThrow();
        return linked;
      }),
    listOfCustomer: (orgId, customerId) =>
      readTenant(orgId, (db) =>
        selectCustomerUploads(db, orgId, customerId).orderBy("l.id", "desc").execute(),
      ),
    getOfCustomer: (orgId, customerId, uploadId) =>
      readTenant(orgId, (db) =>
        selectCustomerUploads(db, orgId, customerId)
          .where("l.uploadId", "=", uploadId)
          .executeTakeFirst(),
      ),
  };
}

/** A customer's uploads as CustomerUpload rows: the upload, that customer's name for it and the link's time. */
function selectCustomerUploads(db: Kysely<Database>, orgId: string, customerId: string) {
  return db
    .selectFrom("customerUploads as l")
    .innerJoin("evidenceUploads as u", (join) =>
      join.onRef("u.orgId", "=", "l.orgId").onRef("u.id", "=", "l.uploadId"),
    )
    .select([
      "u.orgId",
      "u.id",
      "l.fileName",
      "u.storedPath",
      "u.sizeBytes",
      "u.contentHash",
      "u.format",
      "l.createdAt",
      "l.createdBy",
      "l.customerId",
    ])
    .where("l.orgId", "=", orgId)
    .where("l.customerId", "=", customerId)
    .$castTo<CustomerUpload>();
}
