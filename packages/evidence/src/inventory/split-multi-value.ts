/** The .NET type name plain `Export-Csv` writes for a multi-valued AD property instead of its values. */
export const typeNamePattern = /^(?:Microsoft\.ActiveDirectory\.Management\.|System\.)\S*$/;

/**
 * Splits a multi-valued column as admins export it (`@{n='MemberOf';e={$_.MemberOf -join ';'}}`):
 * values separated by semicolons, line breaks or `|`. A .NET type name or an empty cell gives [].
 */
export function splitMultiValue(text: string | undefined): string[] {
  const trimmed = (text ?? "").trim();
  if (trimmed === "" || typeNamePattern.test(trimmed)) return [];
  return trimmed
    .split(/\r?\n|;|\|/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
