import { readAdInventory } from "@calwise/evidence";
import type { AuditReading } from "./audit-reading.ts";
import type { DetectedSource } from "./detect-audit-sources.ts";
import type { InventoryIndex } from "./inventory-index.ts";
import { isInventoryFormat } from "./is-inventory-format.ts";

/**
 * The read step for inventories: streams every AD export among the sources into the inventory index,
 * before any event is read, so that logons can be resolved against it.
 */
export async function readAuditInventory(
  detected: readonly DetectedSource[],
  inventory: InventoryIndex,
  reading: AuditReading,
): Promise<void> {
  for (const { source, format } of detected) {
    if (!isInventoryFormat(format)) continue;
    await reading.readSource(async () => {
      const reader = readAdInventory(source, reading.optionsFor(source.name));
      for (;;) {
        const next = await reader.next();
        if (next.done) return next.value;
        if (next.value.kind === "user") inventory.addUser(next.value.user);
        else inventory.addComputer(next.value.computer);
      }
    });
  }
}
