import type { Catalog } from "../catalog/catalog.ts";
import type { PriceItem, PriceList } from "./price-list-schema.ts";

/** A pack that can be bought: SKU, units in the pack, price in minor units. */
export interface Pack {
  readonly id: string;
  readonly size: number;
  readonly price: number;
}

/** Prices looked up by what they buy. Without a price list every CAL weighs 1 and nothing has a money cost. */
export interface PriceBook {
  readonly priced: boolean;
  readonly currency?: string;
  readonly listName?: string;
  readonly listVersion?: string;
  /** Packs for a CAL family, version and type; empty when not sold. */
  calPacks(family: string, version: string, type: "user" | "device"): readonly Pack[];
  /** Packs for an External Connector of a version. */
  connectorPacks(connector: string, version: string): readonly Pack[];
  /** Packs for a server product licence. */
  productPacks(product: string): readonly Pack[];
}

/** Builds the price book of a deployment's price list (or an unpriced book). */
export function createPriceBook(list: PriceList | undefined, _catalog: Catalog): PriceBook {
  const items = list?.items ?? [];
  const toPack = (p: PriceItem): Pack => ({ id: p.sku, size: p.packSize, price: p.price });
  return {
    priced: list !== undefined,
    ...(list
      ? {
          currency: list.currency,
          listName: list.name,
          ...(list.version ? { listVersion: list.version } : {}),
        }
      : {}),
    calPacks: (family, version, type) =>
      items
        .filter((p) => p.family === family && p.version === version && p.type === type)
        .map(toPack),
    connectorPacks: (connector, version) =>
      items.filter((p) => p.externalConnector === connector && p.version === version).map(toPack),
    productPacks: (product) => items.filter((p) => p.product === product).map(toPack),
  };
}

/**
 * The price of one unit for the mix optimiser: the 1-pack price, else the cheapest price per unit rounded up
 * to a minor unit (assumption `pack-price-in-mix`). Undefined when not sold.
 */
export function unitPrice(packs: readonly Pack[]): number | undefined {
  if (packs.length === 0) return undefined;
  const single = packs.filter((p) => p.size === 1).map((p) => p.price);
  if (single.length > 0) return Math.min(...single);
  return Math.min(...packs.map((p) => Math.ceil(p.price / p.size)));
}
