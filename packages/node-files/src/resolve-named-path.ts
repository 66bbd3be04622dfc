import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import type { NamedDocument } from "@calwise/app";
import { CalwiseError } from "@calwise/core";

/**
 * Resolves a path that a file names (`prices: prices.yaml` in a deployment file) relative to that file, and
 * refuses one that leads out of the file's directory tree (`../../etc/passwd`, an absolute path elsewhere, a
 * symbolic link that points out): a file handed to calwise must not make it read other files. A path the user
 * gives on the command line is theirs to choose and is not checked here. The refusal is a CalwiseError
 * INPUT_INVALID located at the field (`field`, e.g. `prices` or `priceLists[1]`) in the naming file.
 */
export function resolveNamedPath(naming: NamedDocument, field: string, named: string): string {
  const folder = dirname(naming.name);
  const path = isAbsolute(named) ? named : join(folder, named);
  const from = relative(realPathOf(folder), realPathOf(path));
  if (from === ".." || from.startsWith(`..${sep}`) || isAbsolute(from))
    throw new CalwiseError("INPUT_INVALID", `${naming.name} names a file outside its folder`, [
      {
        code: "PATH_OUTSIDE",
        path: field,
        file: naming.name,
        ...naming.locate?.(field),
        message: "a file may name only files in its own folder or below",
        expected: `a path inside ${folder === "." ? "the file's folder" : folder} (or pass the file on the command line)`,
        received: named,
      },
    ]);
  return path;
}

/** The real path (symbolic links followed) of `path`, or of its nearest existing parent for a missing file. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}
