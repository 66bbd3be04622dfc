import { CalwiseError, type PriceList, validatePriceList } from "@calwise/core";
import type { ServerDependencies } from "../server-dependencies.ts";

/**
 * The organisation's price list valid today (the latest start), as the core reads it; none: undefined. The point
 * of sale prices packs with it and training checks answers against it (the organisation's own prices).
 */
export async function readPriceListInForce(
  deps: ServerDependencies,
  orgId: string,
): Promise<PriceList | undefined> {
  const today = deps.now().toISOString().slice(0, 10);
  const [stored] = await deps.store.priceLists.listValidOn(orgId, today);
  if (stored === undefined) return undefined;
  const document = stored.document as Record<string, unknown>;
  const parsed = validatePriceList({
    name: stored.name,
    currency: stored.currency,
    items: document.items,
    ...(typeof document.version === "string" ? { version: document.version } : {}),
  });
  if (!parsed.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `the price list in force (${stored.name}) cannot be read; an owner should replace it`,
      parsed.problems,
    );
  return parsed.value;
}
