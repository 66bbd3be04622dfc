import { evaluationResultSchema } from "@calwise/core";
import type { Evaluation } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** A stored evaluation: the use case's EvaluationResult with the deployment revision and catalog version. */
export const evaluationSchema = z
  .object({
    id: z.string(),
    deploymentId: z.string(),
    revision: z.number().int(),
    catalogVersion: z.string(),
    createdAt: z.string(),
    priceListId: z.string().nullable().openapi({
      description:
        "the organisation's stored price list that priced it; null: none did (no list in force, the deployment's own prices, or stored before this was recorded)",
    }),
    // The core's own output schema: the result is what `calwise evaluate --json` prints.
    result: evaluationResultSchema,
  })
  .openapi("Evaluation");

/** The `{id}` path parameter of an evaluation route. */
export const evaluationIdParams = z.object({ id: z.string().min(1).max(100) });

/** The stored evaluation without its organisation id (the caller's own). */
export function showEvaluation(evaluation: Evaluation): z.output<typeof evaluationSchema> {
  const { orgId: _orgId, result, ...shown } = evaluation;
  return { ...shown, result: result as z.output<typeof evaluationResultSchema> };
}
