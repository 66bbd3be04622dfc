import type { Writable } from "node:stream";

/** About how much text is gathered before one write. */
const batchCharacters = 1 << 20;

/**
 * Writes the pieces of a large text (strings, or UTF-8 bytes already gathered into pieces, which go as they
 * are) to `stream` in batches of about a megabyte, waiting for the
 * stream to drain when it asks to, so the whole text is never held at once (a report of hundreds of
 * thousands of lines). Stops early, quietly, when the reader goes away (`calwise audit … | head`:
 * EPIPE); any other write error is thrown.
 */
export async function writeTextChunks(
  stream: Writable,
  chunks: Iterable<string | Uint8Array>,
): Promise<void> {
  let stopped = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const stop = (error?: NodeJS.ErrnoException) => {
    stopped = true;
    if (error !== undefined && error.code !== "EPIPE") failure = error;
    wake?.();
  };
  const onDrain = () => wake?.();
  stream.on("error", stop);
  stream.on("close", stop);
  stream.on("drain", onDrain);
  try {
    let batch: string[] = [];
    let size = 0;
    const send = async (data: string | Uint8Array) => {
      if (!stopped && !stream.write(data) && !stopped)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = undefined;
    };
    const flush = async () => {
      const text = batch.join("");
      batch = [];
      size = 0;
      await send(text);
    };
    for (const chunk of chunks) {
      if (stopped) break;
      if (typeof chunk !== "string") {
        // Bytes already gathered into a piece (formatJsonBytes) go as they are, after the text before them.
        if (size > 0) await flush();
        if (!stopped) await send(chunk);
        continue;
      }
      batch.push(chunk);
      size += chunk.length;
      if (size >= batchCharacters) await flush();
    }
    if (size > 0 && !stopped) await flush();
  } finally {
    stream.off("drain", onDrain);
    stream.off("close", stop);
    // The error listener stays: an EPIPE reported after the last write must not crash the process.
  }
  if (failure !== undefined) throw failure;
}
