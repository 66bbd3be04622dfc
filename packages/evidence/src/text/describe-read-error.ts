/** A file read failure in words: "no such file", "it is a directory", or the system's message. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "cannot read the file: no such file";
  if (code === "EISDIR") return "cannot read the file: it is a directory";
  if (code === "EACCES") return "cannot read the file: permission denied";
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}
