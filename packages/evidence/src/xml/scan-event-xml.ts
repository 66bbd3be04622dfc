/** The fields of one `<Event>` element as the XML reader reads them, before they are checked. */
export interface EventXmlFields {
  /** System/EventID's text (untrimmed). */
  readonly eventId: string;
  /** System/TimeCreated@SystemTime, "" when absent. */
  readonly time: string;
  /** System/EventRecordID's text (untrimmed). */
  readonly recordId: string;
  /** System/Provider@Name, "" when absent. */
  readonly provider: string;
  readonly channel: string;
  readonly computer: string;
  /** EventData's Data values in document order, as `(name, value)` pairs (unnamed: name undefined). */
  readonly data: readonly (string | undefined)[];
}

/** System's children whose text is read. */
const textFields = ["EventID", "EventRecordID", "Channel", "Computer"] as const;
/** System's children of which one attribute is read. */
const attributeFields: ReadonlyMap<string, string> = new Map([
  ["Provider", "Name"],
  ["TimeCreated", "SystemTime"],
]);
const maxDepth = 8;
const maxAttributes = 16;

const lessThan = 0x3c;
const greaterThan = 0x3e;
const slash = 0x2f;
const equals = 0x3d;

/** XML whitespace as the plain shape allows it: space, LF, tab. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09;
}

/** An ASCII letter: how a name of the plain shape starts. */
export function isNameStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** A character of a name of the plain shape: ASCII letters, digits, `_`, `.`, `-`. */
export function isNameCharacter(code: number): boolean {
  return (
    isNameStart(code) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f || // _
    code === 0x2e || // .
    code === 0x2d // -
  );
}

/**
 * Whether a character may stand in text or an attribute value read by the scanner: not `<`, `&`,
 * `>` or CR (the parser normalises line ends), no control character but tab and LF, no surrogate and
 * no non-character U+FFFE/U+FFFF. Anything else sends the element to the full parser.
 */
function isPlainCharacter(code: number): boolean {
  if (code >= 0x20 && code < 0x7f) return code !== 0x3c && code !== 0x26 && code !== 0x3e;
  if (code < 0x20) return code === 0x09 || code === 0x0a;
  if (code <= 0x9f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code < 0xfffe;
}

/**
 * Reads one `<Event>` element (as splitEventXml cuts it) when it has the plain shape wevtutil and
 * most exporters write: elements with ASCII names and no namespace prefix, attributes `name='…'` or
 * `name="…"` each after whitespace and none repeated, text without references, `>` or control
 * characters (CR only between elements), at most 16 attributes an element, no comment, CDATA, declaration or processing instruction, at most 8 levels, the root
 * element ending the piece; System once, with each field read at most once and read-text fields
 * holding only text; EventData at most once; no UserData. For such an element the full parser's
 * reading (fast-xml-parser after its validator) is exactly these fields, so the reader takes them
 * from here; any other element returns undefined and goes to the full parser, which decides.
 */
export function scanEventXml(xml: string): EventXmlFields | undefined {
  const n = xml.length;
  const stack: string[] = [];
  const fields: Record<string, string> = Object.create(null);
  const data: (string | undefined)[] = [];
  let systems = 0;
  let eventDatas = 0;
  let systemChildren = 0;
  /** What the open element at depth 2 is read for: 0 nothing, 1 its text (a System field or Data). */
  let reading = 0;
  let readingName = "";
  let textStart = -1;
  let dataName: string | undefined;
  let i = 0;
  while (i < n) {
    const code = xml.charCodeAt(i);
    if (code !== lessThan) {
      // Text: only read where an element's text is wanted, always checked for plain characters.
      if (stack.length === 0) return undefined;
      const start = i;
      let returns = false;
      while (i < n) {
        const c = xml.charCodeAt(i);
        if (c === lessThan) break;
        if (c === 0x0d) returns = true;
        else if (!isPlainCharacter(c)) return undefined;
        i++;
      }
      if (reading === 1 && stack.length === 3) {
        // The parser turns CR LF into LF in text: a read text holding CR is left to it.
        if (returns || textStart !== -1) return undefined;
        textStart = start;
      }
      continue;
    }
    const next = xml.charCodeAt(i + 1);
    if (next === slash) {
      // End tag: `</name S?>` closing the open element.
      let at = i + 2;
      const nameStart = at;
      while (at < n && isNameCharacter(xml.charCodeAt(at))) at++;
      const name = xml.slice(nameStart, at);
      while (at < n && isSpace(xml.charCodeAt(at))) at++;
      if (xml.charCodeAt(at) !== greaterThan || stack.pop() !== name) return undefined;
      if (stack.length === 2 && reading === 1) {
        const text = textStart === -1 ? "" : xml.slice(textStart, i);
        if (stack[1] === "System") fields[readingName] = text;
        else data.push(dataName, text);
        reading = 0;
      }
      i = at + 1;
      if (stack.length === 0) return at + 1 === n ? finish() : undefined;
      continue;
    }
    if (!isNameStart(next)) return undefined; // comment, CDATA, declaration, processing instruction
    let at = i + 1;
    while (at < n && isNameCharacter(xml.charCodeAt(at))) at++;
    const name = xml.slice(i + 1, at);
    // The parser refuses (throws on) these element names, as a guard against prototype pollution.
    if (name === "constructor" || name === "prototype") return undefined;
    const depth = stack.length;
    if (depth >= maxDepth) return undefined;
    if (depth === 0 && name !== "Event") return undefined;
    if (depth === 3 && reading === 1) return undefined; // a read field holds an element
    const parent = depth === 2 ? stack[1] : undefined;
    if (depth === 1) {
      if (name === "System" && ++systems > 1) return undefined;
      if (name === "EventData" && ++eventDatas > 1) return undefined;
      if (name === "UserData") return undefined;
    }
    // Attributes: whitespace, name, `=`, a quoted plain value; none repeated.
    const wanted =
      parent === "System" ? attributeFields.get(name) : parent === "EventData" ? "Name" : undefined;
    let wantedValue: string | undefined;
    let names: string[] | undefined;
    for (;;) {
      const c = xml.charCodeAt(at);
      if (c === greaterThan || (c === slash && xml.charCodeAt(at + 1) === greaterThan)) break;
      if (!isSpace(c)) return undefined;
      while (at < n && isSpace(xml.charCodeAt(at))) at++;
      const after = xml.charCodeAt(at);
      if (after === greaterThan || (after === slash && xml.charCodeAt(at + 1) === greaterThan))
        break;
      if (!isNameStart(after)) return undefined;
      const attributeStart = at;
      while (at < n && isNameCharacter(xml.charCodeAt(at))) at++;
      const attribute = xml.slice(attributeStart, at);
      if (xml.charCodeAt(at) !== equals) return undefined;
      const quote = xml.charCodeAt(at + 1);
      if (quote !== 0x27 && quote !== 0x22) return undefined;
      const valueStart = at + 2;
      at = valueStart;
      while (at < n) {
        const v = xml.charCodeAt(at);
        if (v === quote) break;
        if (!isPlainCharacter(v)) return undefined;
        at++;
      }
      if (at >= n) return undefined;
      names ??= [];
      // Few attributes, so the repeat check stays linear: more go to the full parser.
      if (names.length === maxAttributes || names.includes(attribute)) return undefined;
      names.push(attribute);
      if (attribute === wanted) wantedValue = xml.slice(valueStart, at);
      at++;
    }
    const selfClosing = xml.charCodeAt(at) === slash;
    i = at + (selfClosing ? 2 : 1);
    if (parent === "System") {
      systemChildren++;
      const attributeName = attributeFields.get(name);
      if (attributeName !== undefined) {
        if (fields[name] !== undefined) return undefined;
        fields[name] = wantedValue ?? "";
      } else if ((textFields as readonly string[]).includes(name)) {
        if (fields[name] !== undefined) return undefined;
        if (selfClosing) fields[name] = "";
        else {
          reading = 1;
          readingName = name;
          textStart = -1;
        }
      }
    } else if (parent === "EventData" && name === "Data") {
      if (selfClosing) data.push(wantedValue, "");
      else {
        reading = 1;
        dataName = wantedValue;
        textStart = -1;
      }
    }
    if (!selfClosing) stack.push(name);
    else if (depth === 0) return i === n ? finish() : undefined;
  }
  return undefined;

  function finish(): EventXmlFields | undefined {
    // A System with no child element is not an object to the parser: left to it.
    if (systems !== 1 || systemChildren === 0) return undefined;
    return {
      eventId: fields.EventID ?? "",
      time: fields.TimeCreated ?? "",
      recordId: fields.EventRecordID ?? "",
      provider: fields.Provider ?? "",
      channel: fields.Channel ?? "",
      computer: fields.Computer ?? "",
      data,
    };
  }
}
