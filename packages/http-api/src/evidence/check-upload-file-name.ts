import { CalwiseError } from "@calwise/core";

const plainName = /^[^/\\\p{Cc}]{1,255}$/u;

/**
 * The name an upload is known by in its audit (sources, problems, the evidence trail): a plain file name,
 * never a path (it names nothing on the server's disk; stored files are named by their content hash).
 */
export function checkUploadFileName(name: string | undefined, path: string): string {
  const trimmed = name?.trim();
  if (trimmed === undefined || trimmed === "" || trimmed === "." || trimmed === "..")
    throw new CalwiseError("INPUT_INVALID", "the upload has no file name", [
      {
        code: "SCHEMA",
        path,
        message: "a file name is required",
        expected: "a file name such as Security.evtx (a multipart filename or ?fileName=)",
        received: "none",
      },
    ]);
  if (!plainName.test(trimmed))
    throw new CalwiseError("INPUT_INVALID", "the upload's file name is not a plain file name", [
      {
        code: "SCHEMA",
        path,
        message: "a file name, not a path",
        expected: "1 to 255 characters without /, \\ or control characters",
        received: JSON.stringify(trimmed.slice(0, 100)),
      },
    ]);
  return trimmed;
}
