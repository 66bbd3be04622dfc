import type { Schema } from "../api/api-client.ts";
import { formatCount } from "./format-count.ts";

type SaleAnswer = Schema<"SaleAnswer">;

/**
 * What the point of sale's sentence leaves for the agent to explain, one line each: CALs that come with the server
 * licence (Windows Server 2008 R2 Standard's 5: "needs a CAL" but fewer to buy, or none), and CALs priced as a
 * later version than the one needed (a 2019 server priced with 2022 CALs, the cheapest the list has that cover
 * 2019). Only for a priced answer: without a price list nothing is bought, so nothing is explained.
 */
export function saleAnswerNotes(answer: SaleAnswer): string[] {
  if (answer.priceList === null || answer.editionWarnings.length > 0) return [];
  const notes: string[] = [];
  for (const cal of answer.cals) {
    const bought = answer.purchases.filter(
      (p) => p.kind === "cal" && p.family === cal.family && p.type === cal.type,
    );
    const units = bought.reduce((sum, p) => sum + p.units, 0);
    const what = `${cal.name} ${cal.version} ${cal.type} CALs`;
    if (units < cal.count)
      notes.push(
        units === 0
          ? `All ${formatCount(cal.count)} ${what} come with the server licence: nothing to buy.`
          : `${formatCount(cal.count - units)} of the ${formatCount(cal.count)} ${what} come with the server licence: buy ${formatCount(units)}.`,
      );
    const later = bought.find((p) => p.packs.length > 0 && p.version !== cal.version);
    if (later !== undefined)
      notes.push(
        `${what} are priced as ${later.version} ones, the cheapest on the list that cover ${cal.version}: a CAL covers its own version and earlier ones.`,
      );
  }
  return notes;
}
