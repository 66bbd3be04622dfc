import type { Product } from "../catalog/catalog-schema.ts";

/**
 * Virtual machines one licence of an edition covers when calwise cannot stack its licences: per-server and
 * per-processor licences cover what the catalog says per licence (none when it says nothing); 2-processor and
 * core licences stack, so they are unbounded here [R3, R23, R40].
 */
export function virtualCapacity(product: Product): number {
  const licensing = product.licensing;
  if (licensing.kind === "per-processor-pair" || licensing.kind === "per-core")
    return Number.POSITIVE_INFINITY;
  const perLicence = licensing.virtualInstancesPerLicence;
  return perLicence === "unlimited" ? Number.POSITIVE_INFINITY : (perLicence ?? 0);
}
