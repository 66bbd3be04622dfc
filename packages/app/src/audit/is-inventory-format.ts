import type { EvidenceFormat } from "@calwise/evidence";

/** True for the AD exports, which the audit reads first, whichever option named them. */
export function isInventoryFormat(format: EvidenceFormat): boolean {
  return format === "ad-user-csv" || format === "ad-computer-csv";
}
