import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { hashBytes } from "../../packages/evidence/src/bytes/byte-string-table.ts";
import {
  readLengthPrefix,
  writeLengthPrefix,
} from "../../packages/evidence/src/bytes/length-prefix.ts";
import {
  deviceField,
  domainField,
  escapedFields,
  fieldsAbsent,
  fieldsFound,
  findWinlogbeatAccess,
  serverField,
  userField,
} from "./find-winlogbeat-access.ts";
import {
  type KeyBatch,
  type KeyExchange,
  KeyOutbox,
  receiveWaitingBatches,
} from "./key-exchange.ts";
import { PartitionedKeySet } from "./partitioned-key-set.ts";
import { readAccessByParsing } from "./read-access-by-parsing.ts";

/** What a reduction read. */
export interface AccessCounts {
  /** Non-blank lines whose first byte lies in the range. */
  lines: number;
  /** Lines that are accesses (4624 with a server and a user). */
  logons: number;
  /** Well-formed lines that are not accesses. */
  others: number;
  /** Lines that are not JSON. */
  malformed: number;
  /** Lines the fast path handed to JSON.parse (escapes in a wanted key, numeric ids, …). */
  parsed: number;
}

/**
 * Distinct accesses as interned byte keys, one per (domain, user, device, server): the byte lengths of
 * the domain, user and device (one byte each below 128, else four bytes, big-endian with the top bit
 * set), then the four UTF-8 strings back to back.
 * One key per event, interned by a PartitionedKeySet.
 */
export interface AccessReduction {
  readonly counts: AccessCounts;
  readonly keys: PartitionedKeySet;
}

const defaultBufferBytes = 1 << 22;
const encoder = new TextEncoder();

/** The parts of an access key (see AccessReduction), as byte ranges of `key`. */
export function splitAccessKey(key: Uint8Array): {
  readonly domain: Uint8Array;
  readonly user: Uint8Array;
  readonly device: Uint8Array;
  readonly server: Uint8Array;
} {
  const domain = readLengthPrefix(key, 0);
  const user = readLengthPrefix(key, domain.next);
  const device = readLengthPrefix(key, user.next);
  const userStart = device.next + domain.length;
  const deviceStart = userStart + user.length;
  const serverStart = deviceStart + device.length;
  return {
    domain: key.subarray(device.next, userStart),
    user: key.subarray(userStart, deviceStart),
    device: key.subarray(deviceStart, serverStart),
    server: key.subarray(serverStart),
  };
}

/** The length of field `field` in `at` (0 when absent). */
function fieldLength(at: Int32Array, field: number): number {
  const start = at[2 * field] as number;
  return start < 0 ? 0 : (at[2 * field + 1] as number) - start;
}

/** Appends field `field` of `bytes` to `key` at `to`; returns the next free index. */
function copyField(bytes: Uint8Array, at: Int32Array, field: number, key: Uint8Array, to: number) {
  const start = at[2 * field] as number;
  if (start < 0) return to;
  const end = at[2 * field + 1] as number;
  let next = to;
  for (let index = start; index < end; index++) key[next++] = bytes[index] as number;
  return next;
}

/**
 * Reduces the lines of a Winlogbeat JSON-lines file that start in bytes [from, to) to distinct
 * accesses, reading synchronously through one reused buffer (this runs in a worker, or alone).
 * A line belongs to the range holding its first byte, so ranges that tile the file see every line once.
 * Memory: the buffer plus the distinct keys; nothing per event.
 */
export function reduceWinlogbeatRange(
  path: string,
  from = 0,
  to = Number.POSITIVE_INFINITY,
  exchange?: KeyExchange,
  bufferBytes = defaultBufferBytes,
): AccessReduction & { readonly doneReceived: number } {
  const reduction: AccessReduction = {
    counts: { lines: 0, logons: 0, others: 0, malformed: 0, parsed: 0 },
    keys: new PartitionedKeySet(),
  };
  const file = openSync(path, "r");
  try {
    const end = Math.min(to, fstatSync(file).size);
    // Start one byte early: everything up to the first newline belongs to the previous range.
    let base = from > 0 ? from - 1 : 0;
    let skipping = from > 0;
    let buffer = Buffer.allocUnsafe(bufferBytes);
    let filled = 0;
    const reader = new AccessLineReader(reduction, exchange);
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(file, buffer, filled, buffer.length - filled, base + filled);
      filled += read;
      const view = buffer.subarray(0, filled);
      let lineStart = 0;
      let done = false;
      for (;;) {
        const newline = view.indexOf(0x0a, lineStart);
        if (newline < 0) break;
        if (skipping) skipping = false;
        else if (base + lineStart >= end) {
          done = true;
          break;
        } else reader.read(buffer, lineStart, newline);
        lineStart = newline + 1;
      }
      if (done) break;
      if (read === 0) {
        // End of file: a last line without a newline.
        if (!skipping && lineStart < filled && base + lineStart < end) {
          if (filled === buffer.length) {
            const bigger = Buffer.allocUnsafe(filled + 1);
            buffer.copy(bigger, 0, 0, filled);
            buffer = bigger;
          }
          buffer[filled] = 0x0a; // the terminator findWinlogbeatAccess relies on
          reader.read(buffer, lineStart, filled);
        }
        break;
      }
      reader.exchangeKeys();
      buffer.copyWithin(0, lineStart, filled);
      base += lineStart;
      filled -= lineStart;
    }
    reader.exchangeKeys();
    return { ...reduction, doneReceived: reader.doneReceived };
  } finally {
    closeSync(file);
  }
}

/** Interns every key of a batch another participant sent. */
export function internBatch(keys: PartitionedKeySet, batch: KeyBatch): void {
  const { bytes, ends, hashes } = batch;
  let start = 0;
  for (let index = 0; index < ends.length; index++) {
    const end = ends[index] as number;
    keys.add(bytes, start, end, hashes[index] as number);
    start = end;
  }
}

/** Reads lines into a reduction; its scratch space is reused, so a line allocates nothing. */
class AccessLineReader {
  private readonly found = new Int32Array(9);
  private key = new Uint8Array(256);
  private readonly outboxes: (KeyOutbox | undefined)[];
  private readonly participant: number;
  private readonly participants: number;
  /** Done messages taken while exchanging (a fast peer may finish first). */
  doneReceived = 0;

  constructor(
    private readonly reduction: AccessReduction,
    private readonly exchange: KeyExchange | undefined,
  ) {
    this.participant = exchange?.participant ?? 0;
    this.participants = exchange?.participants ?? 1;
    this.outboxes = (exchange?.ports ?? []).map((port) =>
      port === undefined ? undefined : new KeyOutbox(port),
    );
  }

  /** Sends the keys owed to others and interns those received; call between chunks. */
  exchangeKeys(): void {
    if (this.exchange === undefined) return;
    for (const outbox of this.outboxes) outbox?.flush();
    const keys = this.reduction.keys;
    this.doneReceived += receiveWaitingBatches(this.exchange.ports, (batch) =>
      internBatch(keys, batch),
    );
  }

  /** Reads bytes[start, end), one line; bytes[end] must be its newline or past the array's end. */
  read(bytes: Uint8Array, start: number, end: number): void {
    if (isBlank(bytes, start, end)) return;
    const { counts } = this.reduction;
    const found = this.found;
    counts.lines++;
    const verdict = findWinlogbeatAccess(bytes, start, end, found);
    if (verdict === fieldsAbsent) {
      counts.others++;
    } else if (verdict !== fieldsFound || found[escapedFields] !== 0) {
      // Unsure, or escapes to decode: JSON.parse reads the line (rare).
      this.readByParsing(new TextDecoder().decode(bytes.subarray(start, end)));
    } else {
      this.add(bytes, found);
    }
  }

  /** Adds the access whose field offsets are in `at` (absent fields have start -1: empty). */
  private add(bytes: Uint8Array, at: Int32Array): void {
    const { keys, counts } = this.reduction;
    const domainLength = fieldLength(at, domainField);
    const userLength = fieldLength(at, userField);
    const deviceLength = fieldLength(at, deviceField);
    const keyLength = 12 + domainLength + userLength + deviceLength + fieldLength(at, serverField);
    if (keyLength > this.key.length) this.key = new Uint8Array(2 * keyLength);
    const key = this.key;
    let to = writeLengthPrefix(key, 0, domainLength);
    to = writeLengthPrefix(key, to, userLength);
    to = writeLengthPrefix(key, to, deviceLength);
    to = copyField(bytes, at, domainField, key, to);
    to = copyField(bytes, at, userField, key, to);
    to = copyField(bytes, at, deviceField, key, to);
    to = copyField(bytes, at, serverField, key, to);
    counts.logons++;
    const hash = hashBytes(key, 0, to);
    const owner = this.participants === 1 ? 0 : (hash >>> 0) % this.participants;
    if (owner === this.participant) keys.add(key, 0, to, hash);
    else (this.outboxes[owner] as KeyOutbox).add(key, to, hash);
  }

  private readByParsing(line: string): void {
    const { counts } = this.reduction;
    counts.parsed++;
    let fields: ReturnType<typeof readAccessByParsing>;
    try {
      fields = readAccessByParsing(line);
    } catch {
      counts.malformed++;
      return;
    }
    if (fields === undefined) {
      counts.others++;
      return;
    }
    // Lay the decoded fields out as one UTF-8 "line" and reuse the fast path's add.
    const parts = [fields.server, fields.user, fields.domain, fields.device].map((text) =>
      encoder.encode(text),
    );
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    const at = new Int32Array(9);
    let offset = 0;
    for (const [index, field] of [serverField, userField, domainField, deviceField].entries()) {
      const part = parts[index] as Uint8Array;
      joined.set(part, offset);
      at[2 * field] = offset;
      at[2 * field + 1] = offset + part.length;
      offset += part.length;
    }
    this.add(joined, at);
  }
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const byte = bytes[index] as number;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}
