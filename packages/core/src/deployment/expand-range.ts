import { deploymentLimits } from "./deployment-limits.ts";

/**
 * Expands `{a..b}` in a name into the names it stands for: `U{1..3}` → U1, U2, U3; `PC-{08..10}` keeps the
 * zero padding (PC-08, PC-09, PC-10). A name without braces is itself. Returns undefined for a malformed range.
 */
export function expandRange(name: string): readonly string[] | undefined {
  // Most names are plain: no regular expression for them (large files hold hundreds of thousands).
  if (!name.includes("{")) return [name];
  const match = /^(.*)\{(\d+)\.\.(\d+)\}(.*)$/.exec(name);
  if (!match) return name.includes("{") ? undefined : [name];
  const [, prefix = "", fromText = "", toText = "", suffix = ""] = match;
  const from = Number(fromText);
  const to = Number(toText);
  if (to < from || to - from >= deploymentLimits.maxRangeNames) return undefined;
  const width = fromText.length > 1 && fromText.startsWith("0") ? fromText.length : 0;
  const names: string[] = [];
  for (let i = from; i <= to; i++)
    names.push(`${prefix}${String(i).padStart(width, "0")}${suffix}`);
  return names;
}
