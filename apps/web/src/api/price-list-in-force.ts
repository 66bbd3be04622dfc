import type { Schema } from "./api-client.ts";

/** Whether `list` applies on `day` (YYYY-MM-DD; both ends inclusive). */
export function appliesOn(list: Schema<"PriceList">, day: string): boolean {
  return list.validFrom <= day && (list.validTo === null || day <= list.validTo);
}

/** The list the server prices by on `day`, as `listValidOn` picks it: of those that apply, the latest start. */
export function findPriceListInForce(
  lists: readonly Schema<"PriceList">[],
  day: string,
): Schema<"PriceList"> | undefined {
  return lists
    .filter((l) => appliesOn(l, day))
    .reduce<Schema<"PriceList"> | undefined>(
      (latest, l) => (latest === undefined || l.validFrom > latest.validFrom ? l : latest),
      undefined,
    );
}
