import { rm } from "node:fs/promises";
import { join } from "node:path";
import { incomingDirName } from "./receive-upload.ts";
import { uploadsDirName } from "./record-evidence-upload.ts";

/**
 * Removes half-received uploads at start-up: a server killed while a body streamed in leaves its
 * temporary file behind, and nothing refers to it (the row is written only after the file is whole).
 */
export async function removeIncomingUploads(dataDir: string): Promise<void> {
  await rm(join(dataDir, uploadsDirName, incomingDirName), { recursive: true, force: true });
}
