/**
 * Editions sold only as an add-on to another edition, which the catalog cannot say yet (it has no `addOnTo`):
 * the advisor never offers them alone, only beside their base edition when the customer needs what they add.
 * SBS 2011 Premium Add-on runs SQL Server for Small Business beside SBS 2011 Standard [R1][R27].
 */
export const editionAddOns: ReadonlyMap<string, string> = new Map([
  ["sbs2011-premium-addon", "sbs2011-standard"],
]);
