import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { type LineBlockStart, maxLineBytes, readLineBlocks } from "../text/read-line-blocks.ts";
import type { WinlogbeatRangeJob, WinlogbeatRangeResult } from "./read-winlogbeat-range.ts";
import { createWinlogbeatLineGrouper } from "./winlogbeat-line-grouper.ts";
import { WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";
import type { WinlogbeatRangePool } from "./winlogbeat-range-pool.ts";

/** The most problems a worker keeps of one range; past it the range is read on the calling thread. */
const maxRangeProblems = 1000;

/** A range cut from the file: its bytes (kept until merged) and where the file's pieces end in it. */
interface Range {
  readonly job: WinlogbeatRangeJob;
  readonly result: Promise<WinlogbeatRangeResult | undefined>;
}

/** The pieces of a range, as the file gave them. */
function piecesOf(job: WinlogbeatRangeJob): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const end of job.pieceEnds) {
    pieces.push(Buffer.from(job.bytes.buffer, job.bytes.byteOffset + from, end - from));
    from = end;
  }
  return pieces;
}

/** Pieces already read, as a stream. */
async function* streamOf(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* pieces;
}

function countNewlines(pieces: readonly Uint8Array[]): number {
  let count = 0;
  for (const piece of pieces)
    for (let at = piece.indexOf(10); at !== -1; at = piece.indexOf(10, at + 1)) count++;
  return count;
}

/** A problem of a range as the whole file's reading reports it: its line and record shifted. */
function shiftProblem(
  problem: EvidenceProblem,
  lineOffset: number,
  atOffset: number,
): EvidenceProblem {
  return {
    ...problem,
    ...(problem.line !== undefined ? { line: problem.line + lineOffset } : {}),
    ...(problem.record !== undefined ? { record: problem.record + atOffset } : {}),
  };
}

/**
 * `groupWinlogbeatLogons` on worker threads: this thread reads the file and cuts it at line breaks
 * into ranges of about `rangeBytes`, each given to a worker with the file's own pieces
 * (`readWinlogbeatRange`: the same line blocks and per-line code, its own groups and record ids),
 * and merges the results in file order: record ids checked against the deduplicator (a range with
 * an event seen before is read again here, with it), groups added as if offered one by one
 * (positions and lines shifted by what came before), counts summed, problems reported again in
 * order. So the groups, positions, problems and summary are those of the single-threaded reading
 * (property-tested). A range a worker cannot read (it failed, or kept too many problems) is read
 * here; a file that is not UTF-8, or a line too long to cut at, is read here from there on.
 */
export async function groupWinlogbeatOnWorkers(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
  pool: WinlogbeatRangePool,
  rangeBytes: number,
): Promise<LogonGrouping> {
  const file = source.name;
  const wanted = options.eventIds ?? new Set([4624]);
  const lines = new WinlogbeatLogonLines(
    file,
    wanted,
    new EvidenceProblemLog(options.onProblem, options.keepProblems),
  );
  const store = new LogonGroupStore(file, options.dedupe);
  const splitAtMs = options.splitAtMs;
  const read = createWinlogbeatLineGrouper(lines, store, wanted, splitAtMs);
  /** The line the next range starts at. */
  let line = 1;

  /** Reads pieces on this thread from `line` (start undefined: the file's beginning, detected). */
  const readHere = async (pieces: AsyncIterable<Uint8Array>, start?: LineBlockStart) => {
    const part = { name: file, open: () => pieces };
    for await (const block of readLineBlocks(part, undefined, lines.tooLong, maxLineBytes, start))
      lines.forEachRecord(block, read);
  };
  const merge = async ({ job, result: pending }: Range) => {
    const result = await pending;
    if (
      result === undefined ||
      result.problems === undefined ||
      options.dedupe.meets(result.recordIds)
    ) {
      const pieces = piecesOf(job);
      await readHere(streamOf(pieces), { firstLine: line });
      line += countNewlines(pieces);
      return;
    }
    options.dedupe.absorb(result.recordIds);
    const atOffset = lines.records;
    const lineOffset = line - 1;
    store.mergeGroups(result.groups, atOffset, lineOffset);
    lines.records += result.records;
    lines.yielded += result.yielded;
    lines.skipped += result.skipped;
    for (const [id, count] of result.eventIds)
      lines.eventIds.set(id, (lines.eventIds.get(id) ?? 0) + count);
    for (const problem of result.problems)
      lines.log.report(shiftProblem(problem, lineOffset, atOffset));
    line += result.newlines;
  };

  const inFlight: Range[] = [];
  const send = async (parts: readonly Uint8Array[], length: number) => {
    const bytes = new Uint8Array(length);
    const pieceEnds = new Int32Array(parts.length);
    let at = 0;
    parts.forEach((part, index) => {
      bytes.set(part, at);
      at += part.length;
      pieceEnds[index] = at;
    });
    const job: WinlogbeatRangeJob = {
      file,
      bytes,
      pieceEnds,
      eventIds: [...wanted],
      ...(splitAtMs !== undefined ? { splitAtMs } : {}),
      maxProblems: maxRangeProblems,
    };
    inFlight.push({ job, result: pool.read(job) });
    while (inFlight.length > pool.depth) await merge(inFlight.shift() as Range);
  };

  const pieces = readSourceBytes(source, options.onBytes)[Symbol.asyncIterator]();
  /** The rest of the file, after `held`, as one stream of pieces. */
  const rest = async function* (held: readonly Uint8Array[]) {
    yield* held;
    for (;;) {
      const next = await pieces.next();
      if (next.done) return;
      yield next.value;
    }
  };
  let parts: Uint8Array[] = [];
  let length = 0;
  try {
    const first = await pieces.next();
    if (first.done) return finish();
    const { encoding, bom } = detectTextEncoding(first.value);
    if (encoding !== "utf-8") {
      // UTF-16 is transcoded by the line reader as it streams: read here, as groupWinlogbeatLogons does.
      await readHere(rest([first.value]));
      return finish();
    }
    parts.push(first.value.subarray(bom));
    length = first.value.length - bom;
    for (;;) {
      if (length >= rangeBytes) {
        // Cut after the last line break held: the range ends a line, the rest starts the next one.
        let index = parts.length - 1;
        let cut = -1;
        for (; index >= 0 && cut === -1; index--)
          cut = (parts[index] as Uint8Array).lastIndexOf(10);
        index++;
        if (cut === -1) {
          if (length > 2 * rangeBytes + maxLineBytes) {
            // No line break for this long: not worth cutting; the line reader skips the line.
            for (const range of inFlight.splice(0)) await merge(range);
            await readHere(rest(parts), { firstLine: line });
            parts = [];
            return finish();
          }
        } else {
          const last = parts[index] as Uint8Array;
          const range = [...parts.slice(0, index), last.subarray(0, cut + 1)];
          const rangeLength = range.reduce((sum, part) => sum + part.length, 0);
          parts = [last.subarray(cut + 1), ...parts.slice(index + 1)].filter((p) => p.length > 0);
          length -= rangeLength;
          await send(range, rangeLength);
        }
      }
      const next = await pieces.next();
      if (next.done) break;
      parts.push(next.value);
      length += next.value.length;
    }
    if (length > 0) await send(parts, length);
    parts = [];
    for (const range of inFlight.splice(0)) await merge(range);
  } catch (error) {
    // What was read before the error counts, as when one thread reads: the ranges sent, then the
    // whole lines held (the last, cut, line is not read).
    for (const range of inFlight.splice(0)) await merge(range);
    const whole: Uint8Array[] = [];
    let cutAt = parts.length - 1;
    let cut = -1;
    for (; cutAt >= 0 && cut === -1; cutAt--) cut = (parts[cutAt] as Uint8Array).lastIndexOf(10);
    cutAt++;
    if (cut !== -1) {
      whole.push(...parts.slice(0, cutAt), (parts[cutAt] as Uint8Array).subarray(0, cut + 1));
      await readHere(streamOf(whole), { firstLine: line });
    }
    lines.log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return finish();

  function finish(): LogonGrouping {
    return {
      summary: lines.summary(),
      logons: store.logons,
      duplicates: store.duplicates,
      groups: () => store.groups(),
    };
  }
}
