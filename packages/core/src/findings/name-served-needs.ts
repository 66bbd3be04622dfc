/**
 * The needs a CAL purchase serves, in words, and the version bought when it is later than a need's: "5 users
 * that need version 2019 or later, as 2022 user CALs"; several versions: "3 devices that need version 2016 or
 * later and 2 that need version 2019 or later". A CAL covers its own version and earlier ones [R13], so a list
 * without 2019 CALs sells 2022 ones for 2019 needs: the need stays 2019, the purchase is 2022.
 */
export function nameServedNeeds(
  type: "user" | "device",
  serves: readonly { readonly version: string; readonly units: number }[],
  bought: string,
): string {
  const parts = serves.map((s, i) => {
    const holders = i === 0 ? ` ${type}${s.units === 1 ? "" : "s"}` : "";
    return `${s.units}${holders} that need${s.units === 1 ? "s" : ""} version ${s.version} or later`;
  });
  const needs =
    parts.length <= 1
      ? (parts[0] ?? `0 ${type}s`)
      : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  const later = serves.some((s) => s.version !== bought);
  return later ? `${needs}, as ${bought} ${type} CALs` : needs;
}
