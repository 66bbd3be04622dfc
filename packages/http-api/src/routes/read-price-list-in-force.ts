import { CalwiseError, type PriceList, validatePriceList } from "@calwise/core";
import type { BoundedCache } from "../create-bounded-cache.ts";
import type { ServerDependencies } from "../server-dependencies.ts";

/** A price list an answer is priced by, and the key that names it in an answer cache. */
export interface PricesInForce {
  readonly key: string;
  /** The stored list's id (a compliance check records it, to tell when another list is in force). */
  readonly id: string;
  readonly list: PriceList;
}

/**
 * The organisation's price list valid on `today` (the request's today: `readRequestToday`; the latest start), as
 * the core reads it, with its stored id; none: undefined. The point
 * of sale prices packs with it and training checks answers against it (the organisation's own prices). A stored
 * list's document never changes (retiring changes its end date, part of the key), so with a `checked` cache each
 * is read and checked once per process, not on every key press.
 */
export async function readPriceListInForce(
  deps: ServerDependencies,
  orgId: string,
  today: string,
  checked?: BoundedCache<PriceList>,
): Promise<PricesInForce | undefined> {
  const [stored] = await deps.store.priceLists.listValidOn(orgId, today);
  if (stored === undefined) return undefined;
  const key = `stored:${stored.id}:${stored.validTo ?? ""}`;
  const known = checked?.get(key);
  if (known !== undefined) return { key, id: stored.id, list: known };
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
  checked?.set(key, parsed.value);
  return { key, id: stored.id, list: parsed.value };
}
