import { isNameCharacter, isNameStart, isSpace } from "./scan-event-xml.ts";

/** Where scanEventXmlBytes puts a System field's value in its ranges (start, end; -1 when absent). */
export const xmlEventId = 0;
export const xmlTime = 1;
export const xmlRecordId = 2;
export const xmlProvider = 3;
export const xmlChannel = 4;
export const xmlComputer = 5;
const systemSlots = 6;

const names = (...texts: string[]) => texts.map((text) => Buffer.from(text));
const [eventName, systemName, eventDataName, userDataName, dataName, nameAttribute] = names(
  "Event",
  "System",
  "EventData",
  "UserData",
  "Data",
  "Name",
) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
const refusedNames = names("constructor", "prototype");
/** System's children read: their text, or one attribute of theirs. */
const systemFields: readonly { name: Buffer; slot: number; attribute?: Buffer }[] = [
  { name: Buffer.from("EventID"), slot: xmlEventId },
  { name: Buffer.from("EventRecordID"), slot: xmlRecordId },
  { name: Buffer.from("Channel"), slot: xmlChannel },
  { name: Buffer.from("Computer"), slot: xmlComputer },
  { name: Buffer.from("Provider"), slot: xmlProvider, attribute: Buffer.from("Name") },
  { name: Buffer.from("TimeCreated"), slot: xmlTime, attribute: Buffer.from("SystemTime") },
];
const maxDepth = 8;
const maxAttributes = 16;

function isSameRange(
  bytes: Uint8Array,
  start: number,
  end: number,
  other: number,
  otherEnd: number,
): boolean {
  if (end - start !== otherEnd - other) return false;
  for (let index = 0; index < end - start; index++)
    if (bytes[start + index] !== bytes[other + index]) return false;
  return true;
}

function isSame(bytes: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let index = 0; index < name.length; index++)
    if (bytes[start + index] !== name[index]) return false;
  return true;
}

/**
 * The length of the plain character at bytes[at] (scanEventXml's isPlainCharacter on UTF-8 that is
 * well-formed), or 0: not `<`, `&`, `>`, CR, DEL, a C0 control but tab and LF, a C1 control,
 * U+FFFE/U+FFFF or a character outside the BMP (two code units in a string, which the text scanner
 * refuses). Continuation bytes count as plain: the element's UTF-8 is checked whole.
 */
function plainLength(bytes: Uint8Array, at: number): number {
  const code = bytes[at] as number;
  if (code < 0x80) {
    if (code >= 0x20 && code < 0x7f) return code !== 0x3c && code !== 0x26 && code !== 0x3e ? 1 : 0;
    return code === 0x09 || code === 0x0a ? 1 : 0;
  }
  if (code >= 0xf0) return 0;
  if (code === 0xc2 && (bytes[at + 1] as number) <= 0x9f) return 0;
  if (code === 0xef && bytes[at + 1] === 0xbf && (bytes[at + 2] as number) >= 0xbe) return 0;
  return 1;
}

/** A byte's class in text and attribute values (one load per byte instead of a chain of tests). */
const plainByte = 0;
const openByte = 1;
const returnByte = 2;
const highByte = 3;
const refusedByte = 4;
const byteClasses = new Uint8Array(256).map((_, code) => {
  if (code >= 0x80) return highByte;
  if (code === 0x3c) return openByte;
  if (code === 0x0d) return returnByte;
  return plainLength(Uint8Array.of(code), 0) === 1 ? plainByte : refusedByte;
});
/** isNameCharacter as a table. */
const nameBytes = new Uint8Array(256).map((_, code) => (isNameCharacter(code) ? 1 : 0));

/** What skipText and skipAttributeValue met: bits of `highSeen`, `returnSeen`. */
let scanned = 0;
const highSeen = 1;
const returnSeen = 2;

// The byte loops are small functions of their own: they are optimised after a few elements, while
// the scanner around them (a tag at a time) is still being compiled.

/** Where the plain text from bytes[at] ends (its `<`, or `end`); -1 at a character that is not plain. */
function skipText(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const kind = byteClasses[bytes[i] as number] as number;
    if (kind === plainByte) {
      i++;
      continue;
    }
    if (kind === openByte) return i;
    if (kind === returnByte) scanned |= returnSeen;
    else if (kind === highByte) {
      scanned |= highSeen;
      if (plainLength(bytes, i) === 0) return -1;
    } else return -1;
    i++;
  }
  return i;
}

/** Where a quoted attribute value from bytes[at] closes (its `quote`); -1 when not plain or not closed before `end`. */
function skipAttributeValue(bytes: Uint8Array, at: number, end: number, quote: number): number {
  let i = at;
  while (i < end) {
    const code = bytes[i] as number;
    if (code === quote) return i;
    const kind = byteClasses[code] as number;
    if (kind !== plainByte) {
      if (kind !== highByte) return -1;
      scanned |= highSeen;
      if (plainLength(bytes, i) === 0) return -1;
    }
    i++;
  }
  return -1;
}

/** Where the name characters from bytes[at] end (at most `end`). */
function skipName(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && nameBytes[bytes[i] as number] === 1) i++;
  return i;
}

/**
 * The fields of one `<Event>` element's UTF-8 bytes[start, end) as byte ranges, exactly where
 * scanEventXml (`xml/scan-event-xml.ts`) reads the same element's text: the same plain shape (ASCII
 * names without prefix, attributes after whitespace and none repeated, at most 16 an element, text
 * without references, `>` or controls, CR only where no text is read, at most 8 levels, the root
 * ending the element, System once with each field once, EventData once, no UserData, no comment,
 * CDATA, declaration or processing instruction). System fields go to `ranges` (pairs by slot:
 * xmlEventId…xmlComputer), EventData's Data items to `data` (name start, name end, value start,
 * value end; name -1 when unnamed). Returns `plainAscii` or `plainWithHighBytes` (a byte of 0x80
 * or more was read: the caller checks the element's UTF-8), or `notPlain` for any other element,
 * which is then decoded and read by parseEventXml.
 * With `findEnd`, bytes[start, end) is what is read of the input from an element's `<Event`: the
 * element is the plain one that ends at its root's `</Event>` (written exactly so), `data.end` is
 * where; since every `<` of a plain element opens a tag and no tag inside it is named Event, that
 * is where splitEventXml cuts it, so the cut needs no search of its own. Anything else (more bytes
 * needed, another shape) is `notPlain`, and the caller cuts as the splitter does.
 */
export function scanEventXmlBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  ranges: Int32Array,
  data: EventXmlData,
  findEnd = false,
): number {
  ranges.fill(-2, 0, 2 * systemSlots);
  data.count = 0;
  const stack = scanStack;
  let depth = 0;
  let systems = 0;
  let eventDatas = 0;
  let systemChildren = 0;
  /** The slot being read (a System field's, or `dataSlot`), -1 when none. */
  let reading = -1;
  let textStart = -1;
  let dataNameStart = -1;
  let dataNameEnd = -1;
  let highBytes = false;
  let i = start;
  while (i < end) {
    const code = bytes[i] as number;
    if (code !== 0x3c) {
      if (depth === 0) return notPlain;
      const from = i;
      scanned = 0;
      i = skipText(bytes, i, end);
      if (i < 0) return notPlain;
      if (scanned & highSeen) highBytes = true;
      if (reading !== -1 && depth === 3) {
        if (scanned & returnSeen || textStart !== -1) return notPlain;
        textStart = from;
      }
      continue;
    }
    const next = bytes[i + 1] as number;
    if (next === 0x2f) {
      let at = i + 2;
      const nameStart = at;
      at = skipName(bytes, at, end);
      const nameEnd = at;
      while (at < end && isSpace(bytes[at] as number)) at++;
      if (at >= end || bytes[at] !== 0x3e || depth === 0) return notPlain;
      depth--;
      if (
        !isSameRange(
          bytes,
          nameStart,
          nameEnd,
          stack[2 * depth] as number,
          stack[2 * depth + 1] as number,
        )
      )
        return notPlain;
      if (depth === 2 && reading !== -1) {
        const from = textStart === -1 ? i : textStart;
        if (reading === dataSlot) data.push(dataNameStart, dataNameEnd, from, i);
        else {
          ranges[2 * reading] = from;
          ranges[2 * reading + 1] = i;
        }
        reading = -1;
      }
      i = at + 1;
      if (depth === 0) {
        if (!findEnd) return i === end ? finish() : notPlain;
        // The splitter cuts at the first `</Event>`, written exactly so.
        if (at !== nameEnd) return notPlain;
        data.end = i;
        return finish();
      }
      continue;
    }
    if (!isNameStart(next)) return notPlain;
    let at = skipName(bytes, i + 1, end);
    if (at >= end) return notPlain;
    const nameStart = i + 1;
    const nameEnd = at;
    for (const refused of refusedNames)
      if (isSame(bytes, nameStart, nameEnd, refused)) return notPlain;
    if (depth >= maxDepth) return notPlain;
    // The root is an Event, and no element inside it is (the splitter would cut there).
    if ((depth === 0) !== isSame(bytes, nameStart, nameEnd, eventName)) return notPlain;
    if (depth === 3 && reading !== -1) return notPlain;
    const parentIsSystem = depth === 2 && parent === systemParent;
    const parentIsEventData = depth === 2 && parent === eventDataParent;
    if (depth === 1) {
      parent = otherParent;
      if (isSame(bytes, nameStart, nameEnd, systemName)) {
        if (++systems > 1) return notPlain;
        parent = systemParent;
      } else if (isSame(bytes, nameStart, nameEnd, eventDataName)) {
        if (++eventDatas > 1) return notPlain;
        parent = eventDataParent;
      } else if (isSame(bytes, nameStart, nameEnd, userDataName)) return notPlain;
    }
    const field = parentIsSystem ? systemFieldOf(bytes, nameStart, nameEnd) : undefined;
    const wanted = field?.attribute ?? (parentIsEventData ? nameAttribute : undefined);
    let wantedStart = -1;
    let wantedEnd = -1;
    let attributes = 0;
    for (;;) {
      const c = bytes[at] as number;
      if (c === 0x3e || (c === 0x2f && bytes[at + 1] === 0x3e)) break;
      if (!isSpace(c)) return notPlain;
      while (at < end && isSpace(bytes[at] as number)) at++;
      const after = bytes[at] as number;
      if (after === 0x3e || (after === 0x2f && bytes[at + 1] === 0x3e)) break;
      if (!isNameStart(after)) return notPlain;
      const attributeStart = at;
      at = skipName(bytes, at, end);
      const attributeEnd = at;
      if (bytes[at] !== 0x3d) return notPlain;
      const quote = bytes[at + 1] as number;
      if (quote !== 0x27 && quote !== 0x22) return notPlain;
      const valueStart = at + 2;
      scanned = 0;
      at = skipAttributeValue(bytes, valueStart, end, quote);
      if (at < 0) return notPlain;
      if (scanned & highSeen) highBytes = true;
      if (attributes === maxAttributes) return notPlain;
      for (let k = 0; k < attributes; k++)
        if (
          isSameRange(
            bytes,
            attributeStart,
            attributeEnd,
            attributeRanges[2 * k] as number,
            attributeRanges[2 * k + 1] as number,
          )
        )
          return notPlain;
      attributeRanges[2 * attributes] = attributeStart;
      attributeRanges[2 * attributes + 1] = attributeEnd;
      attributes++;
      if (wanted !== undefined && isSame(bytes, attributeStart, attributeEnd, wanted)) {
        wantedStart = valueStart;
        wantedEnd = at;
      }
      at++;
    }
    const selfClosing = bytes[at] === 0x2f;
    i = at + (selfClosing ? 2 : 1);
    if (parentIsSystem) {
      systemChildren++;
      if (field !== undefined) {
        if ((ranges[2 * field.slot] as number) !== -2) return notPlain;
        if (field.attribute !== undefined) {
          ranges[2 * field.slot] = wantedStart === -1 ? 0 : wantedStart;
          ranges[2 * field.slot + 1] = wantedStart === -1 ? 0 : wantedEnd;
        } else if (selfClosing) {
          ranges[2 * field.slot] = 0;
          ranges[2 * field.slot + 1] = 0;
        } else {
          reading = field.slot;
          textStart = -1;
        }
      }
    } else if (parentIsEventData && isSame(bytes, nameStart, nameEnd, dataName)) {
      if (selfClosing) data.push(wantedStart, wantedEnd, 0, 0);
      else {
        reading = dataSlot;
        dataNameStart = wantedStart;
        dataNameEnd = wantedEnd;
        textStart = -1;
      }
    }
    if (!selfClosing) {
      stack[2 * depth] = nameStart;
      stack[2 * depth + 1] = nameEnd;
      depth++;
    } else if (depth === 0) return i === end && !findEnd ? finish() : notPlain;
  }
  return notPlain;

  function finish(): number {
    // A System with no child element is not an object to the parser: left to it.
    if (systems !== 1 || systemChildren === 0) return notPlain;
    return highBytes ? plainWithHighBytes : plainAscii;
  }
}

/** scanEventXmlBytes' answers. */
export const notPlain = 0;
export const plainAscii = 1;
export const plainWithHighBytes = 2;

const dataSlot = systemSlots;
const otherParent = 0;
const systemParent = 1;
const eventDataParent = 2;
/** The kind of the open element at depth 1 (the parent of depth-2 elements). */
let parent = otherParent;
const scanStack = new Int32Array(2 * maxDepth);
const attributeRanges = new Int32Array(2 * maxAttributes);

function systemFieldOf(bytes: Uint8Array, start: number, end: number) {
  for (const field of systemFields) if (isSame(bytes, start, end, field.name)) return field;
  return undefined;
}

/** EventData's Data items of an element: name start, name end, value start, value end each. */
export class EventXmlData {
  count = 0;
  /** With findEnd: where the element ends. */
  end = 0;
  ranges = new Int32Array(64);

  push(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if (4 * this.count + 4 > this.ranges.length) {
      const bigger = new Int32Array(2 * this.ranges.length);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    const at = 4 * this.count++;
    this.ranges[at] = nameStart;
    this.ranges[at + 1] = nameEnd;
    this.ranges[at + 2] = valueStart;
    this.ranges[at + 3] = valueEnd;
  }
}
