/**
 * A catalog version in a sales agent's words: "2026.11.1" → "licensing rules of 2026-11", with the exact version
 * kept for a specialist in the tooltip (and on the Catalog screen). A version of another shape is shown as it is.
 */
export function describeRulesVersion(version: string): string {
  const match = /^(\d{4})\.(\d{1,2})\b/.exec(version);
  return match === null
    ? `licensing rules ${version}`
    : `licensing rules of ${match[1]}-${(match[2] ?? "").padStart(2, "0")}`;
}

/** The catalog version as `describeRulesVersion` words it, the exact version in its tooltip. */
export function RulesVersion({ version }: { version: string }) {
  return <span title={`catalog version ${version}`}>{describeRulesVersion(version)}</span>;
}
