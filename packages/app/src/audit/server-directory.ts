import { inferServerProduct } from "@calwise/evidence";
import type { InventoryIndex } from "./inventory-index.ts";

/** A server the audit counts access to, and where it was declared. */
export interface AuditServer {
  readonly name: string;
  /** Catalog product id, when known (the --owned file's, else inferred from AD's OperatingSystem). */
  readonly product?: string;
  readonly source: "owned" | "inventory";
  readonly operatingSystem?: string;
}

/** Why a logging computer is not a server whose access needs CALs. */
export type ServerSkip =
  /** AD says it runs a client OS (Windows 10…): access to it needs no server CAL. */
  | { readonly kind: "not-a-server"; readonly operatingSystem: string }
  /** Neither the --owned file nor the AD inventory knows it. */
  | { readonly kind: "unknown-computer" }
  /** A server OS the catalog has no product for, and the --owned file does not name it. */
  | { readonly kind: "unmapped-server"; readonly reason: string };

const firstLabel = (name: string) => (name.split(".")[0] ?? name).toLowerCase();

/**
 * The servers of the audit: those the --owned file lists (by name, matched case-insensitively on the
 * full or the first DNS label), then AD computers whose OperatingSystem is a server product. A logged
 * computer name resolves to one of them or to the reason it is not counted.
 */
export class ServerDirectory {
  private readonly owned = new Map<string, AuditServer>();
  private readonly cache = new Map<string, AuditServer | ServerSkip>();

  constructor(
    ownedServers: readonly { name: string; product?: string }[],
    private readonly inventory: InventoryIndex,
  ) {
    for (const s of ownedServers) {
      const server: AuditServer = {
        name: s.name,
        source: "owned",
        ...(s.product ? { product: s.product } : {}),
      };
      this.owned.set(s.name.toLowerCase(), server);
      if (!this.owned.has(firstLabel(s.name))) this.owned.set(firstLabel(s.name), server);
    }
  }

  resolve(computer: string): AuditServer | ServerSkip {
    const key = computer.trim().toLowerCase();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const result = this.lookUp(key);
    this.cache.set(key, result);
    return result;
  }

  private lookUp(key: string): AuditServer | ServerSkip {
    const ad = this.inventory.findComputer(key);
    const owned =
      this.owned.get(key) ??
      this.owned.get(firstLabel(key)) ??
      (ad
        ? (this.owned.get(ad.name.toLowerCase()) ?? this.owned.get(ad.dnsHostName.toLowerCase()))
        : undefined);
    if (owned) return owned;
    if (ad === undefined) return { kind: "unknown-computer" };
    const inferred = inferServerProduct(ad.operatingSystem);
    switch (inferred.kind) {
      case "server":
        return {
          name: ad.name,
          product: inferred.product,
          source: "inventory",
          operatingSystem: ad.operatingSystem,
        };
      case "server-unmapped":
        return { kind: "unmapped-server", reason: inferred.reason };
      case "client":
        return { kind: "not-a-server", operatingSystem: ad.operatingSystem };
      case "unknown":
        return { kind: "unknown-computer" };
    }
  }
}

/** True when the value is a skip, not a server. */
export function isServerSkip(value: AuditServer | ServerSkip): value is ServerSkip {
  return "kind" in value;
}
