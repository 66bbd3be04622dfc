import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform, type TransformCallback, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CalwiseError } from "@calwise/core";
import busboy from "busboy";
import { checkUploadFileName } from "./check-upload-file-name.ts";
import { readUploadLimits, type UploadLimits } from "./upload-limits.ts";

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
 * Streams a request body to temporary files under `uploadsDir/incoming`, hashing each on the way, and
 * never holds one whole: the body is either one file itself (`?fileName=` or a Content-Disposition
 * filename) or `multipart/form-data` with one or more parts named `file` (one audit over several files).
 * A file over `maxBytes`, all of them over `maxTotalBytes` or more than `maxFiles` files is 413; nothing
 * sent for `idleMs` or still sending after `totalMs` is 408; every temporary file is removed on every
 * failure. The files are flushed to disk (fsync) before this returns, so a recorded upload survives a crash.
 */
export async function receiveUploads(
  request: Request,
  uploadsDir: string,
  limits: UploadLimits,
  queryFileName: string | undefined,
): Promise<ReceivedUpload[]> {
  const checked = readUploadLimits(limits);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (request.body === null)
    throw new CalwiseError("INPUT_INVALID", "the upload has no body", [
      { code: "SCHEMA", path: "body", message: "the evidence file is missing" },
    ]);
  const contentType = request.headers.get("content-type") ?? "application/octet-stream";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  if (declared > (multipart ? checked.maxTotalBytes : checked.maxBytes))
    throw multipart ? tooLargeInAll(checked) : tooLarge(checked, undefined);
  const fileName = multipart
    ? undefined
    : checkUploadFileName(
        queryFileName ?? readDispositionFileName(request.headers.get("content-disposition")),
        "fileName",
      );
  const incoming = join(uploadsDir, incomingDirName);
  await mkdir(incoming, { recursive: true });
  const guard = new UploadGuard(checked);
  // Every file opened, even one whose open ends after a failure, is closed and (on failure) removed.
  const opening: Promise<OpenedFile>[] = [];
  const openFile = (name: string) => {
    const tempPath = join(incoming, `${randomUUID()}.part`);
    const opened = open(tempPath, "wx").then((handle) => ({ tempPath, name, handle }));
    opening.push(opened);
    return opened;
  };
  const openedFiles = async () =>
    (await Promise.allSettled(opening)).flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  let failed = false;
  try {
    const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
    const received: ReceivedUpload[] = [];
    if (multipart) received.push(...(await receiveMultipart(body, contentType, guard, openFile)));
    else {
      const file = await openFile(fileName as string);
      const meter = guard.meter(file.name);
      await guard.run(
        pipeline(body, meter.transform, writeTo(file.handle), { signal: guard.signal }),
      );
      received.push(meter.received(file.tempPath));
    }
    for (const file of await openedFiles()) await file.handle.sync();
    return received;
  } catch (error) {
    failed = true;
    throw guard.failure ?? error;
  } finally {
    guard.dispose();
    const files = await openedFiles();
    await Promise.all(files.map((file) => file.handle.close()));
    if (failed) await Promise.all(files.map((file) => rm(file.tempPath, { force: true })));
  }
}

/** One file of a request being received: where it is written and under which name. */
interface OpenedFile {
  readonly tempPath: string;
  readonly name: string;
  readonly handle: import("node:fs/promises").FileHandle;
}

/** One file's byte count and SHA-256 as it passes, within its own limit and the request's. */
interface FileMeter {
  readonly transform: Transform;
  received(tempPath: string): ReceivedUpload;
}

/** Counts the bytes of all the files as they pass, enforcing the size limits and both timeouts. */
class UploadGuard {
  bytes = 0;
  files = 0;
  failure: CalwiseError | undefined;
  private readonly controller = new AbortController();
  private idle: NodeJS.Timeout | undefined;
  private readonly total: NodeJS.Timeout;
  readonly signal = this.controller.signal;

  constructor(private readonly limits: Required<UploadLimits>) {
    this.total = setTimeout(
      () => this.cut(new CalwiseError("REQUEST_TIMEOUT", timeoutMessage("in all", limits.totalMs))),
      limits.totalMs,
    );
    this.touch();
  }

  /** A meter for the request's next file (past `maxFiles`, the request is cut). */
  meter(name: string): FileMeter {
    this.files++;
    if (this.files > this.limits.maxFiles) throw this.cut(tooManyFiles(this.limits));
    const guard = this;
    const limits = this.limits;
    const digest = createHash("sha256");
    let bytes = 0;
    const transform = new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        guard.touch();
        bytes += chunk.length;
        guard.bytes += chunk.length;
        if (bytes > limits.maxBytes) return done(guard.cut(tooLarge(limits, name)));
        if (guard.bytes > limits.maxTotalBytes) return done(guard.cut(tooLargeInAll(limits)));
        digest.update(chunk);
        done(null, chunk);
      },
    });
    return {
      transform,
      received: (tempPath) => ({
        tempPath,
        fileName: name,
        sizeBytes: bytes,
        contentHash: digest.digest("hex"),
      }),
    };
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

  /**
   * Stops the request with `failure`. The streams are aborted on the next turn: a cut from inside the
   * multipart parser's own event (a file too many) would otherwise throw its AbortError out of the parser.
   */
  cut(failure: CalwiseError): CalwiseError {
    this.failure ??= failure;
    setImmediate(() => this.controller.abort(failure));
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

/**
 * Streams every `file` part of a multipart body through the guard into a file of its own, in the order
 * sent; returns them. Parts of another name are skipped.
 */
async function receiveMultipart(
  body: Readable,
  contentType: string,
  guard: UploadGuard,
  openFile: (name: string) => Promise<OpenedFile>,
): Promise<ReceivedUpload[]> {
  const parser = busboy({
    headers: { "content-type": contentType },
    limits: { fields: 20, fieldSize: 4096, parts: 200, headerPairs: 50 },
  });
  const written: Promise<ReceivedUpload>[] = [];
  parser.on("file", (field, stream, info) => {
    if (field !== "file" || guard.failure !== undefined) {
      stream.resume();
      return;
    }
    let meter: FileMeter;
    let name: string;
    try {
      name = checkUploadFileName(info.filename, "file");
      meter = guard.meter(name);
    } catch (error) {
      stream.resume();
      guard.cut(error as CalwiseError);
      return;
    }
    const one = openFile(name).then(async (file) => {
      await pipeline(stream, meter.transform, writeTo(file.handle), { signal: guard.signal });
      return meter.received(file.tempPath);
    });
    // Read when the parser ends; a rejection before then must not be an unhandled one.
    one.catch(() => undefined);
    written.push(one);
  });
  await guard.run(pipeline(body, parser, { signal: guard.signal }));
  if (written.length === 0)
    throw new CalwiseError("INPUT_INVALID", "the multipart body has no part named file", [
      {
        code: "SCHEMA",
        path: "file",
        message: "the evidence file is missing",
        expected: 'a part named "file" with a filename',
      },
    ]);
  return guard.run(Promise.all(written));
}

/** `attachment; filename="Security.evtx"` → `Security.evtx` (the plain form only). */
function readDispositionFileName(header: string | null): string | undefined {
  return header?.match(/filename="([^"]*)"/)?.[1] ?? header?.match(/filename=([^;\s]+)/)?.[1];
}

function tooLarge(limits: UploadLimits, name: string | undefined): CalwiseError {
  return new CalwiseError(
    "PAYLOAD_TOO_LARGE",
    `${name === undefined ? "the upload" : name} is larger than ${limits.maxBytes} bytes, the most one file may have (--upload-max-bytes)`,
  );
}

function tooLargeInAll(limits: Required<UploadLimits>): CalwiseError {
  return new CalwiseError(
    "PAYLOAD_TOO_LARGE",
    `the files together are larger than ${limits.maxTotalBytes} bytes, the most one upload may have in all (--upload-max-total-bytes)`,
  );
}

function tooManyFiles(limits: Required<UploadLimits>): CalwiseError {
  return new CalwiseError(
    "PAYLOAD_TOO_LARGE",
    `more than ${limits.maxFiles} files in one upload, the most one audit reads (--upload-max-files)`,
  );
}

function timeoutMessage(kind: "idle" | "in all", ms: number): string {
  return kind === "idle"
    ? `the upload sent nothing for ${ms / 1000} s; send it again`
    : `the upload took longer than ${ms / 1000} s in all; send it again`;
}
