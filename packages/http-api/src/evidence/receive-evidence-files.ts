import { rm } from "node:fs/promises";
import { join } from "node:path";
import { CalwiseError, type InputProblem } from "@calwise/core";
import { detectEvidenceFormat } from "@calwise/evidence";
import { openFileByteSource } from "@calwise/node-files";
import type { ServerDependencies } from "../server-dependencies.ts";
import { receiveUploads } from "./receive-upload.ts";
import type { ReceivedEvidence } from "./record-evidence-upload.ts";
import { uploadsDirName } from "./record-evidence-upload.ts";
import { defaultUploadLimits } from "./upload-limits.ts";

/**
 * Receives a request's evidence files (one raw body or several multipart `file` parts, within the upload
 * limits) and tells each one's format from its bytes. A file calwise cannot read fails the whole request
 * (400 INPUT_UNREADABLE naming every such file) and every received file is removed: nothing is recorded.
 */
export async function receiveEvidenceFiles(
  request: Request,
  deps: ServerDependencies,
  queryFileName: string | undefined,
): Promise<ReceivedEvidence[]> {
  const received = await receiveUploads(
    request,
    join(deps.dataDir, uploadsDirName),
    deps.uploadLimits ?? defaultUploadLimits,
    queryFileName,
  );
  const files: ReceivedEvidence[] = [];
  const refusals: InputProblem[] = [];
  for (const file of received) {
    const detected = await detectEvidenceFormat({
      ...openFileByteSource(file.tempPath),
      name: file.fileName,
    });
    if (detected.ok) files.push({ received: file, format: detected.format });
    else
      refusals.push({
        code: "FORMAT",
        path: "file",
        file: file.fileName,
        message: detected.message,
      });
  }
  if (refusals.length === 0) return files;
  await Promise.all(received.map((file) => rm(file.tempPath, { force: true })));
  const [first] = refusals;
  throw new CalwiseError(
    "INPUT_UNREADABLE",
    refusals.length === 1 && first !== undefined
      ? `${first.file} is not evidence${received.length > 1 ? ": nothing was stored, send the files again without it" : ""}`
      : `${refusals.length} files are not evidence: nothing was stored`,
    refusals,
  );
}
