import { hasUnicodeSpaceEdge } from "../bytes/has-unicode-space-edge.ts";
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
}

/** Label parts seen, by a hash of their bytes (a message has a few dozen; bounded all the same). */
const labelParts = new Map<number, LabelPart[]>();
let labelPartCount = 0;
const maxLabelParts = 4096;

/** JavaScript's trim and `\s` on ASCII: tab, LF, VT, FF, CR and space. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function readLabelPart(bytes: Buffer, start: number, end: number, hash: number): LabelPart {
  const candidates = labelParts.get(hash);
  if (candidates !== undefined)
    for (const part of candidates)
      if (
        part.bytes.length === end - start &&
        bytes.compare(part.bytes, 0, end - start, start, end) === 0
      )
        return part;
  const text = bytes.toString("latin1", start, end);
  const label = text.trim();
  const part: LabelPart = {
    bytes: Uint8Array.from(bytes.subarray(start, end)),
    indented: end > start && isAsciiSpace(bytes[start] as number),
    label,
    key: label.toLowerCase(),
    clashes: logonDataFields.some((name) => label.startsWith(name)),
  };
  if (labelPartCount < maxLabelParts) {
    labelPartCount++;
    if (candidates === undefined) labelParts.set(hash, [part]);
    else candidates.push(part);
  }
  return part;
}

/**
 * Finds the logon fields (logonDataFields) in a rendered message's bytes, bytes[start, end), as
 * parseEventMessage reads them from its text: `found[2k]`, `found[2k + 1]` are field k's value,
 * trimmed, or -1 when the message does not give it. Lines end at LF (a CR before it dropped), a
 * line's label part is read once per distinct bytes, sections and labels resolve through
 * parseEventMessage's own `fieldName`. False when unsure (a label part with a control character or
 * non-ASCII byte, a Unicode space at a value's edge, a CR inside a value, a logon field given twice
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
  for (let from = start; from < end; ) {
    let lf = bytes.indexOf(0x0a, from);
    if (lf === -1 || lf >= end) lf = end;
    const lineEnd = lf > from && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
    const lineStart = from;
    from = lf + 1;
    // The label part: up to the line's first colon; a line without one says nothing.
    let hash = 0;
    let odd = false;
    let colon = lineStart;
    for (; colon < lineEnd; colon++) {
      const c = bytes[colon] as number;
      if (c === 0x3a) break;
      if (c >= 0x7f || (c < 0x20 && c !== 0x09)) odd = true;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    // A line without a colon says nothing, whatever it holds.
    if (colon === lineEnd) continue;
    if (odd) return false;
    let valueStart = colon + 1;
    let valueEnd = lineEnd;
    while (valueStart < valueEnd && isAsciiSpace(bytes[valueStart] as number)) valueStart++;
    while (valueEnd > valueStart && isAsciiSpace(bytes[valueEnd - 1] as number)) valueEnd--;
    if (hasUnicodeSpaceEdge(bytes, valueStart, valueEnd)) return false;
    for (let at = valueStart; at < valueEnd; at++) if (bytes[at] === 0x0d) return false;
    const part = readLabelPart(bytes, lineStart, colon, hash);
    if (!part.indented && valueStart === valueEnd) {
      section = part.key;
      continue;
    }
    if (!part.indented) section = "";
    const name = fieldName(eventId, part.indented ? section : "", part.key);
    if (name === undefined) {
      if (!(section !== "" && part.indented) && part.clashes) return false;
      continue;
    }
    const slot = logonFieldSlots.get(name);
    if (slot === undefined) continue;
    const where = part.indented ? section : "";
    if (found[2 * slot] === -1) {
      found[2 * slot] = valueStart;
      found[2 * slot + 1] = valueEnd;
      sections[slot] = where;
    } else if (sections[slot] === where) return false; // given twice: refused, by the text reading
  }
  return true;
}
