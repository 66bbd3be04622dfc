import {
  type Catalog,
  type EvaluateOptions,
  type EvaluationResult,
  evaluateDeployment,
  type PriceList,
} from "@calwise/core";
import type { NamedDocument } from "./named-document.ts";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

/** What evaluating a deployment takes: the deployment, the catalog and a price list instead of its own. */
export interface EvaluateDeploymentInput {
  readonly deployment: NamedDocument;
  readonly catalog: Catalog;
  /** A price list that replaces the deployment's own (`--prices`), already validated. */
  readonly prices?: PriceList;
  /** A MIP solver for the families the engine's own bounds leave open, and plans kept (`evaluateUntilProven`). */
  readonly evaluation?: EvaluateOptions;
}

/**
 * The evaluate use case: resolves the deployment (problems located in its document, as a CalwiseError
 * INPUT_INVALID) and evaluates it: CALs needed, the cheapest mix and packs, compliance.
 */
export function evaluateDeploymentDocument(input: EvaluateDeploymentInput): EvaluationResult {
  const deployment = resolveDeploymentDocument(input.deployment, input.catalog, input.prices);
  return evaluateDeployment(deployment, input.catalog, input.evaluation);
}
