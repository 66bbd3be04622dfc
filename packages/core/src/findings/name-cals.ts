/**
 * A CAL family's name with the CAL type and number worked in, for sentences: "Windows Server CAL",
 * device, 2 → "Windows Server device CALs"; "Exchange Server Enterprise CAL (additive)", user, 1 →
 * "Exchange Server Enterprise user CAL (additive)". A name without the word CAL gets it appended.
 */
export function nameCals(familyName: string, type: string, count: number): string {
  const cal = `${type} CAL${count === 1 ? "" : "s"}`;
  return /\bCAL\b/.test(familyName) ? familyName.replace(/\bCAL\b/, cal) : `${familyName} ${cal}`;
}
