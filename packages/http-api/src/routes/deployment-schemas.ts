import type { Deployment, DeploymentRevision } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** A deployment document as data (docs/deployment.schema.json), its price list inline under `prices`. */
export const deploymentDocumentSchema = z.record(z.string(), z.unknown()).openapi({
  description:
    "a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, never a file",
});

/** A stored deployment: its name, customer and newest revision number. */
export const deploymentSchema = z
  .object({
    id: z.string(),
    customerId: z.string().nullable(),
    name: z.string(),
    latestRevision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Deployment");

/** One saved revision of a deployment; revisions never change. */
export const revisionSchema = z
  .object({
    deploymentId: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    document: deploymentDocumentSchema,
  })
  .openapi("DeploymentRevision");

/** A new revision's body: the whole document (every save is a new revision). */
export const newRevisionSchema = z
  .object({ document: deploymentDocumentSchema })
  .openapi("NewRevision");

/** The `{id}` path parameter of a deployment route. */
export const deploymentIdParams = z.object({ id: z.string().min(1).max(100) });

/** The `{id}` and `{revision}` path parameters of one revision. */
export const revisionParams = deploymentIdParams.extend({
  revision: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "revision", in: "path" } }),
});

/** The stored deployment without its organisation id (the caller's own). */
export function showDeployment(deployment: Deployment): z.output<typeof deploymentSchema> {
  const { orgId: _orgId, ...shown } = deployment;
  return shown;
}

/** The stored revision without its organisation id. */
export function showRevision(revision: DeploymentRevision): z.output<typeof revisionSchema> {
  const { orgId: _orgId, document, ...shown } = revision;
  return { ...shown, document: document as Record<string, unknown> };
}
