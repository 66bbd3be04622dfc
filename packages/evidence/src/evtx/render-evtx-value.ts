import { decodeUtf16 } from "./decode-utf16.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import { evtxValueType } from "./evtx-value-type.ts";
import { formatFiletime } from "./format-filetime.ts";
import { formatGuid } from "./format-guid.ts";
import { formatSid } from "./format-sid.ts";
import { formatSystemtime } from "./format-systemtime.ts";

const latin1 = new TextDecoder("latin1");

/** Byte size of one element of each fixed-size type, for arrays and size checks. */
const fixedSizes: Readonly<Record<number, number>> = {
  [evtxValueType.int8]: 1,
  [evtxValueType.uint8]: 1,
  [evtxValueType.int16]: 2,
  [evtxValueType.uint16]: 2,
  [evtxValueType.int32]: 4,
  [evtxValueType.uint32]: 4,
  [evtxValueType.int64]: 8,
  [evtxValueType.uint64]: 8,
  [evtxValueType.real32]: 4,
  [evtxValueType.real64]: 8,
  [evtxValueType.boolean]: 4,
  [evtxValueType.guid]: 16,
  [evtxValueType.filetime]: 8,
  [evtxValueType.systemtime]: 16,
  [evtxValueType.hexInt32]: 4,
  [evtxValueType.hexInt64]: 8,
};

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, "0")}`;
}

function renderUint64(bytes: Buffer, offset: number): string {
  const high = bytes.readUInt32LE(offset + 4);
  // Below 2^53 a double is exact and much cheaper than a BigInt.
  if (high < 0x200000) return String(high * 4294967296 + bytes.readUInt32LE(offset));
  return bytes.readBigUInt64LE(offset).toString();
}

function renderInt64(bytes: Buffer, offset: number): string {
  const high = bytes.readInt32LE(offset + 4);
  if (high >= -0x200000 && high < 0x200000) {
    return String(high * 4294967296 + bytes.readUInt32LE(offset));
  }
  return bytes.readBigInt64LE(offset).toString();
}

function renderHex64(bytes: Buffer, offset: number): string {
  const high = bytes.readUInt32LE(offset + 4);
  const low = bytes.readUInt32LE(offset);
  return `0x${high.toString(16).padStart(8, "0")}${low.toString(16).padStart(8, "0")}`;
}

/** The shortest decimal that reads back as the same 32-bit float (0.1, not 0.10000000149011612). */
function shortestFloat32(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let precision = 1; precision < 9; precision++) {
    const text = String(Number(value.toPrecision(precision)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(value);
}

/** Renders one value of a fixed-size type whose size was already checked. */
function renderFixed(bytes: Buffer, type: number, offset: number): string {
  switch (type) {
    case evtxValueType.int8:
      return String(bytes.readInt8(offset));
    case evtxValueType.uint8:
      return String(bytes[offset]);
    case evtxValueType.int16:
      return String(bytes.readInt16LE(offset));
    case evtxValueType.uint16:
      return String(bytes.readUInt16LE(offset));
    case evtxValueType.int32:
      return String(bytes.readInt32LE(offset));
    case evtxValueType.uint32:
      return String(bytes.readUInt32LE(offset));
    case evtxValueType.int64:
      return renderInt64(bytes, offset);
    case evtxValueType.uint64:
      return renderUint64(bytes, offset);
    case evtxValueType.real32:
      return shortestFloat32(bytes.readFloatLE(offset));
    case evtxValueType.real64:
      return String(bytes.readDoubleLE(offset));
    case evtxValueType.boolean:
      return bytes.readUInt32LE(offset) === 0 ? "false" : "true";
    case evtxValueType.guid:
      return formatGuid(bytes, offset);
    case evtxValueType.filetime:
      return formatFiletime(bytes, offset, 9);
    case evtxValueType.systemtime:
      return formatSystemtime(bytes, offset);
    case evtxValueType.hexInt32:
      return hex(bytes.readUInt32LE(offset), 8);
    case evtxValueType.hexInt64:
      return renderHex64(bytes, offset);
    default:
      throw new EvtxFormatError(`value type 0x${type.toString(16)} is not a fixed-size type`);
  }
}

function renderScalar(bytes: Buffer, type: number, offset: number, size: number): string {
  switch (type) {
    case evtxValueType.null:
      return "";
    case evtxValueType.string:
      return decodeUtf16(bytes, offset, size);
    case evtxValueType.ansiString: {
      let end = offset + size;
      while (end > offset && bytes[end - 1] === 0) end--;
      return latin1.decode(bytes.subarray(offset, end));
    }
    case evtxValueType.binary:
      return bytes.toString("hex", offset, offset + size).toUpperCase();
    case evtxValueType.sid: {
      const sid = formatSid(bytes, offset, size);
      if (sid === undefined) throw new EvtxFormatError(`SID of ${size} bytes is malformed`);
      return sid;
    }
    case evtxValueType.sizeT:
      // A pointer-sized integer: 4 bytes on 32-bit Windows, 8 on 64-bit; rendered in hex.
      if (size === 4) return hex(bytes.readUInt32LE(offset), 8);
      if (size === 8) return renderHex64(bytes, offset);
      throw new EvtxFormatError(`size_t value of ${size} bytes`);
    case evtxValueType.evtHandle:
    case evtxValueType.evtXml:
      return bytes.toString("hex", offset, offset + size).toUpperCase();
    default: {
      const expected = fixedSizes[type];
      if (expected === undefined) {
        throw new EvtxFormatError(`unknown value type 0x${type.toString(16)}`);
      }
      if (size !== expected) {
        throw new EvtxFormatError(
          `value of type 0x${type.toString(16)} has ${size} bytes, expected ${expected}`,
        );
      }
      return renderFixed(bytes, type, offset);
    }
  }
}

/**
 * Renders the items of an array value (type with bit 0x80). Windows shows such a value as one
 * element per item, so callers repeat the enclosing element rather than join the items.
 */
export function renderEvtxArray(
  bytes: Buffer,
  type: number,
  offset: number,
  size: number,
): string[] {
  const baseType = type & ~evtxValueType.arrayFlag;
  if (size === 0) return [];
  if (baseType === evtxValueType.string) {
    // An array of strings is the strings one after another, each NUL-terminated.
    const text = bytes.toString("utf16le", offset, offset + (size & ~1));
    return (text.endsWith("\0") ? text.slice(0, -1) : text).split("\0");
  }
  if (baseType === evtxValueType.ansiString) {
    const text = latin1.decode(bytes.subarray(offset, offset + size));
    return (text.endsWith("\0") ? text.slice(0, -1) : text).split("\0");
  }
  const elementSize = fixedSizes[baseType];
  if (elementSize === undefined || size % elementSize !== 0) {
    throw new EvtxFormatError(`array of type 0x${baseType.toString(16)} has ${size} bytes`);
  }
  const items: string[] = [];
  for (let at = offset; at < offset + size; at += elementSize) {
    items.push(renderFixed(bytes, baseType, at));
  }
  return items;
}

/**
 * Renders a substitution value as text the way evtxexport (libfwevt) does, so values compare
 * equal: SIDs as S-1-…, GUIDs upper-case in braces, hex integers zero-padded, FILETIMEs in
 * Windows' 9-digit form. Nested BinXML (type 0x21) is not text; callers expand it.
 */
export function renderEvtxValue(bytes: Buffer, type: number, offset: number, size: number): string {
  if ((type & evtxValueType.arrayFlag) !== 0) {
    return renderEvtxArray(bytes, type, offset, size).join(", ");
  }
  return renderScalar(bytes, type, offset, size);
}
