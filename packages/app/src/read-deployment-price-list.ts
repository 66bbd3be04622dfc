import { CalwiseError, type PriceList, validatePriceList } from "@calwise/core";
import { locateProblems } from "./locate-problems.ts";
import type { NamedDocument } from "./named-document.ts";

/**
 * Validates a price list document in the deployment's price list shape (YAML or JSON data, no validity dates);
 * problems are located in the document, as one CalwiseError INPUT_INVALID.
 */
export function readDeploymentPriceList(document: NamedDocument): PriceList {
  const result = validatePriceList(document.data);
  if (!result.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `${document.name} has ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`,
      locateProblems(result.problems, document),
    );
  return result.value;
}
