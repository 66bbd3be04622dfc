/** One `<Event>` element cut out of an XML export, with where it starts. */
export interface EventXmlPiece {
  readonly xml: string;
  /** 1-based line of the `<Event` tag. */
  readonly line: number;
  /** 1-based position of the element among the file's events. */
  readonly record: number;
}

/** What the splitter could not make into an element (an unterminated or oversized `<Event>`). */
export interface EventXmlSplitDefect {
  readonly code: "XML_BAD_EVENT" | "EVIDENCE_RECORD_TOO_LONG";
  readonly line: number;
  readonly record: number;
  readonly message: string;
  readonly expected?: string;
}

const endTag = "</Event>";

/** The longest `<Event>` element read, in characters; a longer one is skipped (docs/limits.md). */
export const maxEventXmlLength = 4 << 20;

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Cuts a stream of XML text into its `<Event>…</Event>` elements while reading, so a file of any size
 * is held one event at a time. Works for `wevtutil qe … /f:xml` (many root elements, no wrapper) and for
 * Event Viewer's "Save as XML" (`<Events>` wrapper): everything between events is ignored. An element
 * longer than `maxEventLength` characters is reported and skipped.
 */
export async function* splitEventXml(
  text: AsyncIterable<string>,
  onDefect: (defect: EventXmlSplitDefect) => void,
  maxEventLength = maxEventXmlLength,
  resume?: { readonly line: number; readonly record: number },
): AsyncGenerator<EventXmlPiece> {
  const startTag = /<Event[\s>/]/g;
  const nextStartTag = /<Event[\s>/]/g;
  let buffer = "";
  // A reading may resume between elements (a byte scanner hands the rest over): its line and count.
  let line = resume?.line ?? 1; // the line of buffer[0]
  let record = resume?.record ?? 0;
  let skipping = false; // inside an oversized element, looking for its end
  for await (const piece of text) {
    buffer += piece;
    let position = 0; // everything before it is consumed, and `line` is the line of buffer[position]
    const advance = (to: number) => {
      line += countLines(buffer, position, to);
      position = to;
    };
    for (;;) {
      if (skipping) {
        // The oversized element ends at its end tag, or where the next element begins.
        const end = buffer.indexOf(endTag, position);
        startTag.lastIndex = position;
        const next = startTag.exec(buffer);
        if (next !== null && (end === -1 || next.index < end)) advance(next.index);
        else if (end === -1) {
          advance(Math.max(position, buffer.length - endTag.length));
          break;
        } else advance(end + endTag.length);
        skipping = false;
      }
      startTag.lastIndex = position;
      const start = startTag.exec(buffer);
      if (start === null) {
        advance(Math.max(position, buffer.length - 7)); // keep a "<Event" cut at the end
        break;
      }
      advance(start.index);
      const end = buffer.indexOf(endTag, start.index);
      // An element never closed must not swallow the next one: a `<Event` before this one's end
      // tag means this one is broken, and reading resumes at the next.
      nextStartTag.lastIndex = start.index + 1;
      const next = nextStartTag.exec(buffer);
      if (next !== null && (end === -1 || next.index < end)) {
        record++;
        onDefect({
          code: "XML_BAD_EVENT",
          line,
          record,
          message:
            "an <Event> element is not closed before the next <Event> begins; reading resumes there",
          expected: "</Event>",
        });
        advance(next.index);
        continue;
      }
      if (end === -1) {
        if (buffer.length - start.index > maxEventLength) {
          record++;
          onDefect({
            code: "EVIDENCE_RECORD_TOO_LONG",
            line,
            record,
            message: `an <Event> element longer than ${maxEventLength} characters was skipped`,
            expected: `at most ${maxEventLength} characters`,
          });
          advance(start.index + 1);
          skipping = true;
          continue;
        }
        break; // wait for the rest of this element
      }
      record++;
      const startLine = line;
      const xml = buffer.slice(start.index, end + endTag.length);
      advance(end + endTag.length);
      yield { xml, line: startLine, record };
    }
    buffer = buffer.slice(position);
  }
  startTag.lastIndex = 0;
  const start = skipping ? null : startTag.exec(buffer);
  if (start !== null)
    onDefect({
      code: "XML_BAD_EVENT",
      line: line + countLines(buffer, 0, start.index),
      record: record + 1,
      message: "the input ends inside an <Event> element (no </Event>)",
    });
}
