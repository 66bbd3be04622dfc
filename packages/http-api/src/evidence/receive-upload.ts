import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform, type TransformCallback, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CalwiseError } from "@calwise/core";
import busboy from "busboy";
import { checkUploadFileName } from "./check-upload-file-name.ts";
import type { UploadLimits } from "./upload-limits.ts";

/** An upload written to a temporary file: its name, size and SHA-256, not yet recorded. */
export interface ReceivedUpload {
  readonly tempPath: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly contentHash: string;
}

/** Where uploads arrive before they are recorded (emptied at start-up: a killed server's leftovers). */
export const incomingDirName = "incoming";

/**
 * Streams a request body to a temporary file under `uploadsDir/incoming`, hashing it on the way, and
 * never holds it whole: the body is either the file itself (`?fileName=` or a Content-Disposition
 * filename) or `multipart/form-data` with one part named `file`. Over `maxBytes` is 413, nothing sent
 * for `idleMs` or still sending after `totalMs` is 408; the temporary file is removed on every failure.
 * The file is flushed to disk (fsync) before this returns, so a recorded upload survives a crash.
 */
export async function receiveUpload(
  request: Request,
  uploadsDir: string,
  limits: UploadLimits,
  queryFileName: string | undefined,
): Promise<ReceivedUpload> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limits.maxBytes) throw tooLarge(limits);
  if (request.body === null)
    throw new CalwiseError("INPUT_INVALID", "the upload has no body", [
      { code: "SCHEMA", path: "body", message: "the evidence file is missing" },
    ]);
  const contentType = request.headers.get("content-type") ?? "application/octet-stream";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  const fileName = multipart
    ? undefined
    : checkUploadFileName(
        queryFileName ?? readDispositionFileName(request.headers.get("content-disposition")),
        "fileName",
      );
  const incoming = join(uploadsDir, incomingDirName);
  await mkdir(incoming, { recursive: true });
  const tempPath = join(incoming, `${randomUUID()}.part`);
  const guard = new UploadGuard(limits);
  const file = await open(tempPath, "wx");
  try {
    const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
    let name = fileName as string;
    if (multipart) name = await receiveMultipart(body, contentType, guard, file);
    else await guard.run(pipeline(body, guard.meter, writeTo(file), { signal: guard.signal }));
    await file.sync();
    return { tempPath, fileName: name, sizeBytes: guard.bytes, contentHash: guard.hash() };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw guard.failure ?? error;
  } finally {
    guard.dispose();
    await file.close();
  }
}

/** Counts and hashes the bytes as they pass, enforcing the size limit and both timeouts. */
class UploadGuard {
  bytes = 0;
  failure: CalwiseError | undefined;
  private readonly digest = createHash("sha256");
  private readonly controller = new AbortController();
  private idle: NodeJS.Timeout | undefined;
  private readonly total: NodeJS.Timeout;
  readonly signal = this.controller.signal;
  readonly meter: Transform;

  constructor(private readonly limits: UploadLimits) {
    this.total = setTimeout(
      () => this.cut(new CalwiseError("REQUEST_TIMEOUT", timeoutMessage("in all", limits.totalMs))),
      limits.totalMs,
    );
    this.touch();
    const guard = this;
    this.meter = new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        guard.touch();
        guard.bytes += chunk.length;
        if (guard.bytes > limits.maxBytes) return done(guard.cut(tooLarge(limits)));
        guard.digest.update(chunk);
        done(null, chunk);
      },
    });
  }

  /** Resets the idle timer: bytes arrived. */
  touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(
      () =>
        this.cut(new CalwiseError("REQUEST_TIMEOUT", timeoutMessage("idle", this.limits.idleMs))),
      this.limits.idleMs,
    );
  }

  cut(failure: CalwiseError): CalwiseError {
    this.failure ??= failure;
    this.controller.abort(failure);
    return failure;
  }

  /** Awaits a stream step, reporting the limit or timeout that stopped it rather than an AbortError. */
  async run<T>(step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (error) {
      throw this.failure ?? error;
    }
  }

  hash(): string {
    return this.digest.digest("hex");
  }

  dispose(): void {
    clearTimeout(this.idle);
    clearTimeout(this.total);
  }
}

/** A writable over an open file handle (backpressure through the handle's own writes). */
function writeTo(file: import("node:fs/promises").FileHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      file.write(chunk).then(() => done(), done);
    },
  });
}

/** Streams the `file` part of a multipart body through the guard into `file`; returns its file name. */
async function receiveMultipart(
  body: Readable,
  contentType: string,
  guard: UploadGuard,
  file: import("node:fs/promises").FileHandle,
): Promise<string> {
  const parser = busboy({
    headers: { "content-type": contentType },
    limits: { files: 1, fields: 20, fieldSize: 4096, parts: 40, headerPairs: 50 },
  });
  let written: Promise<string> | undefined;
  parser.on("file", (field, stream, info) => {
    if (field !== "file" || written !== undefined) {
      stream.resume();
      return;
    }
    let name: string;
    try {
      name = checkUploadFileName(info.filename, "file");
    } catch (error) {
      stream.resume();
      guard.cut(error as CalwiseError);
      return;
    }
    written = pipeline(stream, guard.meter, writeTo(file), { signal: guard.signal }).then(
      () => name,
    );
    // Read when the parser ends; a rejection before then must not be an unhandled one.
    written.catch(() => undefined);
  });
  await guard.run(pipeline(body, parser, { signal: guard.signal }));
  if (written === undefined)
    throw new CalwiseError("INPUT_INVALID", "the multipart body has no part named file", [
      {
        code: "SCHEMA",
        path: "file",
        message: "the evidence file is missing",
        expected: 'a part named "file" with a filename',
      },
    ]);
  return guard.run(written);
}

/** `attachment; filename="Security.evtx"` → `Security.evtx` (the plain form only). */
function readDispositionFileName(header: string | null): string | undefined {
  return header?.match(/filename="([^"]*)"/)?.[1] ?? header?.match(/filename=([^;\s]+)/)?.[1];
}

function tooLarge(limits: UploadLimits): CalwiseError {
  return new CalwiseError(
    "PAYLOAD_TOO_LARGE",
    `the upload is larger than ${limits.maxBytes} bytes (--upload-max-bytes)`,
  );
}

function timeoutMessage(kind: "idle" | "in all", ms: number): string {
  return kind === "idle"
    ? `the upload sent nothing for ${ms / 1000} s; send it again`
    : `the upload took longer than ${ms / 1000} s in all; send it again`;
}
