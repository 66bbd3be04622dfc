import { hasUnicodeSpaceEdge } from "../bytes/has-unicode-space-edge.ts";
import { isAsciiSpace } from "../bytes/trim-bytes-into.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import { fieldName } from "./parse-event-message.ts";

/** The slot of each logon field in `found` (pairs: start, end), in logonDataFields' order. */
const logonFieldSlots: ReadonlyMap<string, number> = new Map(
  logonDataFields.map((name, slot) => [name, slot]),
);

/** What a line's bytes before its first colon say, worked out once per distinct bytes. */
interface LabelPart {
  readonly bytes: Uint8Array;
  readonly indented: boolean;
  readonly label: string;
  readonly key: string;
  /** The label starts with a logon field's name: as a field name of its own it could clash with it. */
  readonly clashes: boolean;
  /** Another part whose bytes have the same hash. */
  next: LabelPart | undefined;
  /**
   * The last two resolutions (section and event class → a slot, `noSlot` or `unsure`): a label
   * stands in one or two sections of a message (Subject, New Logon), so the next line finds its own.
   */
  memo: Resolution;
  older: Resolution;
  /** The part of the next line with a colon the last time this one was read: the next line's guess. */
  following: LabelPart | undefined;
}

interface Resolution {
  section: string | undefined;
  target: boolean;
  slot: number;
}

const noSlot = -1;
const unsure = -2;

/** Label parts seen, by a hash of their bytes (a message has a few dozen; bounded all the same). */
const labelParts = new Map<number, LabelPart>();
/** The label part of the last message's first line with a colon: the next message's first guess. */
let firstPart: LabelPart | undefined;
let labelPartCount = 0;
const maxLabelParts = 4096;

function isSameBytes(part: Uint8Array, bytes: Buffer, start: number, end: number): boolean {
  if (part.length !== end - start) return false;
  for (let index = 0; index < part.length; index++)
    if (part[index] !== bytes[start + index]) return false;
  return true;
}

function readLabelPart(bytes: Buffer, start: number, end: number, hash: number): LabelPart {
  const first = labelParts.get(hash);
  for (let part = first; part !== undefined; part = part.next)
    if (isSameBytes(part.bytes, bytes, start, end)) return part;
  const label = bytes.toString("latin1", start, end).trim();
  const part: LabelPart = {
    bytes: Uint8Array.from(bytes.subarray(start, end)),
    indented: end > start && isAsciiSpace(bytes[start] as number),
    label,
    key: label.toLowerCase(),
    clashes: logonDataFields.some((name) => label.startsWith(name)),
    next: first,
    memo: { section: undefined, target: false, slot: noSlot },
    older: { section: undefined, target: false, slot: noSlot },
    following: undefined,
  };
  if (labelPartCount < maxLabelParts) {
    labelPartCount++;
    labelParts.set(hash, part);
  }
  return part;
}

/** Events whose message "Subject:" is the account logged off (parseEventMessage's fieldName). */
function isSubjectTarget(eventId: number): boolean {
  return eventId === 4634 || eventId === 4647;
}

/**
 * The logon field slot a label names in `section` (already "" for a line that is not indented):
 * `noSlot` for any other field, `unsure` for a label that would stand as a field name of its own
 * and could clash with a logon field's.
 */
function resolveSlot(part: LabelPart, section: string, eventId: number): number {
  const target = isSubjectTarget(eventId);
  const { memo, older } = part;
  if (memo.section === section && memo.target === target) return memo.slot;
  if (older.section === section && older.target === target) {
    part.memo = older;
    part.older = memo;
    return older.slot;
  }
  const name = fieldName(eventId, section, part.key);
  const slot =
    name === undefined
      ? section === "" && part.clashes
        ? unsure
        : noSlot
      : (logonFieldSlots.get(name) ?? noSlot);
  // The older resolution is overwritten and becomes the newest.
  older.section = section;
  older.target = target;
  older.slot = slot;
  part.memo = older;
  part.older = memo;
  return slot;
}

/**
 * Finds the logon fields (logonDataFields) in a rendered message's bytes, bytes[start, end), as
 * parseEventMessage reads them from its text: `found[2k]`, `found[2k + 1]` are field k's value,
 * trimmed, or -1 when the message does not give it. Lines end at LF (a CR before it dropped), a
 * line's label part is read once per distinct bytes, sections and labels resolve through
 * parseEventMessage's own `fieldName`. False when unsure (a label part with a control character or
 * non-ASCII byte, a Unicode space at a value's edge, a logon field given twice
 * in its section, a label that could name a logon field itself): the message is then parsed as text.
 */
export function findMessageLogonFields(
  bytes: Buffer,
  start: number,
  end: number,
  eventId: number,
  found: Int32Array,
  sections: string[],
): boolean {
  found.fill(-1, 0, 2 * logonDataFields.length);
  let section = "";
  /** The part of the last line with a colon (the first line's guess: the last message's first). */
  let previous: LabelPart | undefined;
  let guess = firstPart;
  for (let from = start; from < end; ) {
    const lineStart = from;
    // The label part: up to the line's first colon; a line without one says nothing. Messages of
    // one kind repeat their labels in order: the guess is compared first, then the part is hashed.
    let part: LabelPart | undefined;
    let colon = -1;
    if (guess !== undefined) {
      const known = guess.bytes;
      const length = known.length;
      if (lineStart + length < end && bytes[lineStart + length] === 0x3a) {
        let k = 0;
        while (k < length && bytes[lineStart + k] === known[k]) k++;
        if (k === length) {
          part = guess;
          colon = lineStart + length;
        }
      }
    }
    let hash = 0;
    if (part === undefined) {
      let odd = false;
      let at = lineStart;
      for (; at < end; at++) {
        const c = bytes[at] as number;
        if (c === 0x3a || c === 0x0a) break;
        if (c >= 0x7f || (c < 0x20 && c !== 0x09)) odd = true;
        hash = (Math.imul(hash, 31) + c) | 0;
      }
      if (at === end || bytes[at] === 0x0a) {
        // A line without a colon says nothing, whatever it holds.
        from = at + 1;
        continue;
      }
      if (odd) return false;
      colon = at;
    }
    let lf = colon + 1;
    while (lf < end && bytes[lf] !== 0x0a) lf++;
    const lineEnd = bytes[lf - 1] === 0x0d ? lf - 1 : lf;
    from = lf + 1;
    if (part === undefined) part = readLabelPart(bytes, lineStart, colon, hash);
    if (previous === undefined) firstPart = part;
    else previous.following = part;
    previous = part;
    guess = part.following;
    let valueStart = colon + 1;
    let valueEnd = lineEnd;
    while (valueStart < valueEnd && isAsciiSpace(bytes[valueStart] as number)) valueStart++;
    while (valueEnd > valueStart && isAsciiSpace(bytes[valueEnd - 1] as number)) valueEnd--;
    if (hasUnicodeSpaceEdge(bytes, valueStart, valueEnd)) return false;
    if (!part.indented && valueStart === valueEnd) {
      section = part.key;
      continue;
    }
    if (!part.indented) section = "";
    const slot = resolveSlot(part, part.indented ? section : "", eventId);
    if (slot === unsure) return false;
    if (slot === noSlot) continue;
    const where = part.indented ? section : "";
    if (found[2 * slot] === -1) {
      found[2 * slot] = valueStart;
      found[2 * slot + 1] = valueEnd;
      sections[slot] = where;
    } else if (sections[slot] === where) return false; // given twice: refused, by the text reading
  }
  return true;
}
