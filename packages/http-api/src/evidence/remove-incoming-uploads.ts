import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { incomingDirName } from "./receive-upload.ts";
import { uploadsDirName } from "./record-evidence-upload.ts";

/**
 * Removes half-received uploads at start-up: a server killed while a body streamed in leaves its
 * temporary file behind, and nothing refers to it (the row is written only after the file is whole).
 * Only files untouched for `idleMs` go: on a data directory shared by several servers, another server's
 * upload in progress is written to all the time (or is cut by its own idle limit anyway).
 */
export async function removeIncomingUploads(dataDir: string, idleMs: number): Promise<void> {
  const dir = join(dataDir, uploadsDirName, incomingDirName);
  const names = await readdir(dir).catch(() => [] as string[]);
  const before = Date.now() - idleMs;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && info.mtimeMs < before) await rm(path, { force: true });
  }
}
