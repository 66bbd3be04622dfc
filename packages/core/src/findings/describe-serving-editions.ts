import type { Finding } from "./finding.ts";

/**
 * "Editions that can serve it: A, B" for a finding that names the editions able to take over a server over its
 * edition's cap ("No edition in the catalog can serve it" when none can); undefined for any other finding.
 */
export function describeServingEditions(finding: Finding): string | undefined {
  const editions = finding.remedyEditions;
  if (editions === undefined) return undefined;
  if (editions.length === 0) return "No edition in the catalog can serve it";
  return `Editions that can serve it: ${editions.map((e) => e.name).join(", ")}`;
}
