/** What an AD computer's OperatingSystem says about licensing. */
export type InferredProduct =
  /** A server OS with a catalog product id. */
  | { readonly kind: "server"; readonly product: string }
  /** A server OS the catalog has no single product for (2003, 2008 R2 Enterprise's two SKUs…). */
  | { readonly kind: "server-unmapped"; readonly reason: string }
  /** A client OS (Windows 10, 7…): access to it needs no server CAL. */
  | { readonly kind: "client" }
  | { readonly kind: "unknown" };

const editions: readonly [RegExp, string][] = [
  [/^windows server 2025 standard\b/, "ws2025-standard"],
  [/^windows server 2025 datacenter\b/, "ws2025-datacenter"],
  [/^windows server 2025 essentials\b/, "ws2025-essentials"],
  [/^windows server 2022 standard\b/, "ws2022-standard"],
  [/^windows server 2022 datacenter\b/, "ws2022-datacenter"],
  [/^windows server 2022 essentials\b/, "ws2022-essentials"],
  [/^windows server 2019 standard\b/, "ws2019-standard"],
  [/^windows server 2019 datacenter\b/, "ws2019-datacenter"],
  [/^windows server 2019 essentials\b/, "ws2019-essentials"],
  [/^windows server 2016 standard\b/, "ws2016-standard"],
  [/^windows server 2016 datacenter\b/, "ws2016-datacenter"],
  [/^windows server 2012 r2 standard\b/, "ws2012r2-standard"],
  [/^windows server 2012 r2 datacenter\b/, "ws2012r2-datacenter"],
  [/^windows server 2012 standard\b/, "ws2012-standard"],
  [/^windows server 2012 datacenter\b/, "ws2012-datacenter"],
  [/^windows server 2012 (?:r2 )?foundation\b/, "ws2012-foundation"],
  [/^windows server 2012 (?:r2 )?essentials\b/, "ws2012-essentials"],
  [/^windows storage server 2012 (?:r2 )?standard\b/, "wss2012-standard"],
  [/^windows server 2008 r2 standard\b/, "ws2008r2-standard"],
  [/^windows server 2008 r2 datacenter\b/, "ws2008r2-datacenter"],
  [/^windows server 2008 r2 foundation\b/, "ws2008r2-foundation"],
  [/^windows small business server 2011 standard\b/, "sbs2011-standard"],
  [/^windows small business server 2011 essentials\b/, "sbs2011-essentials"],
];

/**
 * Maps an AD OperatingSystem value to a catalog product id: "Windows Server 2012 R2 Standard" →
 * ws2012r2-standard ("®", "™" and "Evaluation" ignored). 2008 R2 Enterprise ships as two SKUs (10 or
 * 25 CALs) and versions before 2008 R2 are not in the catalog: those are servers to name in the `--owned` file.
 */
export function inferServerProduct(operatingSystem: string): InferredProduct {
  const os = operatingSystem
    .replace(/[®™]/g, "")
    .replace(/\(r\)|\(tm\)/gi, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  if (os === "") return { kind: "unknown" };
  for (const [pattern, product] of editions)
    if (pattern.test(os)) return { kind: "server", product };
  if (/server|sbs/.test(os))
    return {
      kind: "server-unmapped",
      reason: /2008 r2 enterprise/.test(os)
        ? "Windows Server 2008 R2 Enterprise ships with 10 or 25 CALs: name the SKU in --owned"
        : `no catalog product for "${operatingSystem}"`,
    };
  if (/^windows/.test(os)) return { kind: "client" };
  return { kind: "unknown" };
}
