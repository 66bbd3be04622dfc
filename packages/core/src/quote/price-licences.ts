import { choosePackPurchase, type PackPurchase } from "../optimise/packs/choose-pack-purchase.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { ServerLicenceLine } from "../rules/server-licence-line.ts";

/** A server or application licence line with its cheapest purchase, or null when the list does not price it. */
export interface PricedLicenceLine {
  readonly line: ServerLicenceLine;
  readonly purchase: PackPurchase | null;
}

/**
 * Prices licence lines from the price list's `product` items. An item's `packSize` counts licence units as
 * the rule counts them (servers, processors, 2-processor licences or 2-core packs), so a 16-core SKU of a
 * per-core product has packSize 8; the cheapest mix of SKUs is chosen exactly (`choosePackPurchase`).
 */
export function priceLicences(
  lines: readonly ServerLicenceLine[],
  priceList: PriceList | undefined,
): PricedLicenceLine[] {
  return lines.map((line) => {
    if (line.quantity === 0) return { line, purchase: { packs: [], units: 0, cost: 0 } };
    const packs = (priceList?.items ?? [])
      .filter((item) => item.product === line.product)
      .map((item) => ({ id: item.sku, size: item.packSize, price: item.price }));
    return { line, purchase: packs.length === 0 ? null : choosePackPurchase(line.quantity, packs) };
  });
}
