import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";

/** `*`, `?` and `[abc]` in one path segment as a regular expression; `**` matches any depth. */
function segmentPattern(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 1);
      if (close === -1) source += "\\[";
      else {
        source += `[${segment
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

const hasMagic = (segment: string) => /[*?[]/.test(segment);

function walk(base: string, segments: readonly string[], out: string[]): void {
  if (segments.length === 0) {
    out.push(base);
    return;
  }
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === "**") {
    walk(base, rest, out);
    for (const entry of safeList(base))
      if (entry.isDirectory()) walk(join(base, entry.name), segments, out);
    return;
  }
  if (!hasMagic(segment)) {
    const next = base === "" ? segment : join(base, segment);
    if (rest.length === 0 || isDirectory(next)) walk(next, rest, out);
    return;
  }
  const pattern = segmentPattern(segment);
  for (const entry of safeList(base))
    if (!entry.name.startsWith(".") && pattern.test(entry.name))
      walk(base === "" ? entry.name : join(base, entry.name), rest, out);
}

function safeList(dir: string) {
  try {
    return readdirSync(dir === "" ? "." : dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Expands shell-style patterns (`logs/*.evtx`, `exports/**\/*.csv`, `day-0[1-9].xml`) to the files they
 * match, sorted, without duplicates (Node 20 has no fs.glob). A pattern without wildcards names a file
 * as it is, existing or not, so that a missing file is reported by its reader. `unmatched` lists the
 * patterns that matched nothing.
 */
export function expandFilePatterns(patterns: readonly string[]): {
  files: string[];
  unmatched: string[];
} {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const normalised = pattern.split(sep).join("/");
    if (!hasMagic(normalised)) {
      files.add(pattern);
      continue;
    }
    const absolute = normalised.startsWith("/");
    const segments = normalised.split("/").filter((s) => s !== "");
    const out: string[] = [];
    walk(absolute ? "/" : "", segments, out);
    const matches = out.filter((path) => !isDirectory(path)).sort();
    if (matches.length === 0) unmatched.push(pattern);
    for (const m of matches) files.add(m);
  }
  return { files: [...files], unmatched };
}
