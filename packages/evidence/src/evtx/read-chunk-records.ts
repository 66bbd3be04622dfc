import { BinXmlParser } from "./binxml-parser.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import { evtxLayout } from "./evtx-layout.ts";
import { EvtxLimitError } from "./evtx-limit-error.ts";
import type { EvtxProblem } from "./evtx-problem.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import { EvtxRecordWork } from "./evtx-record-work.ts";
import type { EvtxWorkTotals } from "./evtx-work-totals.ts";
import { formatFiletime } from "./format-filetime.ts";
import { readEventFields } from "./read-event-fields.ts";
import type { EvtxChunkHeader } from "./read-evtx-chunk-header.ts";
import { renderEventXml } from "./render-event-xml.ts";

/** Where the chunk sits and what the caller wants from it. */
export interface ChunkRecordsContext {
  readonly file: string;
  readonly chunkIndex: number;
  /** Absolute file offset of the chunk. */
  readonly chunkOffset: number;
  readonly includeXml: boolean;
  readonly report: (problem: EvtxProblem) => void;
  /** Where the work of every record (read or skipped) is added up for the read summary. */
  readonly work: EvtxWorkTotals;
}

const recordSignature = Buffer.from("**\0\0", "latin1");
/** Signature, size, identifier, written time, at least an end-of-stream token, size copy. */
const minimumRecordSize = evtxLayout.recordHeaderSize + 4;

/** A record boundary is plausible when its size is sane and repeated at its end. */
function isPlausibleRecord(bytes: Buffer, offset: number, end: number): boolean {
  if (offset + minimumRecordSize > end) return false;
  const size = bytes.readUInt32LE(offset + 4);
  return (
    size >= minimumRecordSize &&
    offset + size <= end &&
    bytes.readUInt32LE(offset + size - 4) === size
  );
}

/** The next 8-byte aligned offset after `from` where a plausible record starts, or `end`. */
function findNextRecord(bytes: Buffer, from: number, end: number): number {
  let at = bytes.indexOf(recordSignature, from);
  while (at !== -1 && at < end) {
    if (at % 8 === 0 && isPlausibleRecord(bytes, at, end)) return at;
    at = bytes.indexOf(recordSignature, at + 1);
  }
  return end;
}

/**
 * Reads the event records of one verified chunk, in file order. A record that cannot be read is
 * reported and skipped; reading resumes at the next plausible record boundary. `bytes` may be a
 * truncated chunk: records that do not fit are left to the truncation problem already reported.
 */
export function readChunkRecords(
  bytes: Buffer,
  header: EvtxChunkHeader,
  context: ChunkRecordsContext,
): EvtxRecord[] {
  const records: EvtxRecord[] = [];
  const work = new EvtxRecordWork();
  const parser = new BinXmlParser(bytes, work);
  const end = Math.min(header.freeSpaceOffset, bytes.length);
  const bad = (offset: number, message: string, expected?: string, received?: string) =>
    context.report({
      code: "EVTX_BAD_RECORD",
      file: context.file,
      offset: context.chunkOffset + offset,
      chunk: context.chunkIndex,
      message,
      ...(expected === undefined ? {} : { expected }),
      ...(received === undefined ? {} : { received }),
    });
  let offset: number = evtxLayout.chunkHeaderSize;
  while (offset + minimumRecordSize <= end) {
    const signature = bytes.readUInt32LE(offset);
    const size = bytes.readUInt32LE(offset + 4);
    if (signature !== evtxLayout.recordSignature) {
      bad(
        offset,
        "expected record signature **\\0\\0",
        "0x00002a2a",
        `0x${signature.toString(16).padStart(8, "0")}`,
      );
      offset = findNextRecord(bytes, offset + 1, end);
      continue;
    }
    if (
      offset + size > bytes.length &&
      offset + size <= header.freeSpaceOffset &&
      size >= minimumRecordSize
    ) {
      break; // cut off by the end of the input, already reported as EVTX_TRUNCATED
    }
    if (
      size < minimumRecordSize ||
      offset + size > end ||
      bytes.readUInt32LE(offset + size - 4) !== size
    ) {
      bad(offset, `record size ${size} is not repeated at the record's end or leaves the chunk`);
      offset = findNextRecord(bytes, offset + 1, end);
      continue;
    }
    const idHigh = bytes.readUInt32LE(offset + 12);
    if (idHigh >= 0x200000) {
      bad(offset, "record identifier is 2^53 or more, which no real log reaches");
      offset += size;
      continue;
    }
    const recordId = idHigh * 4294967296 + bytes.readUInt32LE(offset + 8);
    work.startRecord(size);
    try {
      const nodes = parser.parseFragment(offset + evtxLayout.recordHeaderSize, offset + size - 4);
      const fields = readEventFields(nodes, work);
      // Every record gets the same property order and set, so V8 gives them one shape.
      const record: EvtxRecord = {
        recordId,
        writtenTime: formatFiletime(bytes, offset + 16, 7),
        eventId: fields.eventId,
        qualifiers: fields.qualifiers,
        level: fields.level,
        provider: fields.provider,
        eventSourceName: fields.eventSourceName,
        channel: fields.channel,
        computer: fields.computer,
        timeCreated: fields.timeCreated,
        eventRecordId: fields.eventRecordId,
        userSid: fields.userSid,
        data: fields.data,
        strings: fields.strings,
        xml: context.includeXml ? renderEventXml(nodes, work) : undefined,
        location: {
          file: context.file,
          chunk: context.chunkIndex,
          offset: context.chunkOffset + offset,
        },
      };
      records.push(record);
    } catch (error) {
      // Anything else is a bug in this reader, not a property of the input: let it surface.
      if (error instanceof EvtxLimitError) {
        context.report({
          code: error.code,
          file: context.file,
          offset: context.chunkOffset + offset,
          chunk: context.chunkIndex,
          message: `record ${recordId}: ${error.message}`,
          expected: error.expected,
          received: error.received,
        });
      } else if (error instanceof EvtxFormatError)
        bad(offset, `record ${recordId}: ${error.message}`);
      else throw error;
    }
    context.work.nodes += work.nodes;
    context.work.characters += work.characters;
    context.work.maxRecordNodes = Math.max(context.work.maxRecordNodes, work.nodes);
    context.work.maxRecordCharacters = Math.max(context.work.maxRecordCharacters, work.characters);
    offset += size;
  }
  return records;
}
