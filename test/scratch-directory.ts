import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";

/**
 * A new directory under the system's temporary folder (`$TMPDIR`), removed with everything in it when the
 * current test (or, called outside one, the test file) ends, whether it passed or failed: hundreds of
 * `calwise-*` folders had piled up in /tmp from test runs.
 */
export function scratchDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
