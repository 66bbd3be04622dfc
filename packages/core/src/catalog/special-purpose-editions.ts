/**
 * Editions licensed for one workload only, which the catalog cannot say yet: the advisor lists them as ruled
 * out for a general-purpose server instead of ranking them. Windows Storage Server 2012 is sold with storage
 * appliances for file and storage serving [R1].
 */
export const specialPurposeEditions: ReadonlyMap<string, string> = new Map([
  ["wss2012-standard", "sold only with storage appliances, for file and storage serving"],
]);
