/**
 * Real event elements carry a handful of attributes (`<Provider Name Guid>`, `<TimeCreated SystemTime>`,
 * `<Data Name>`); an element with thousands of them is hostile or broken, and the XML validator spends
 * about 10 µs on each (a 4 MiB event of them: seconds). Checked before the validator, so it never sees one.
 */
export const maxAttributesPerElement = 256;

/** The first element of `xml` with more than `limit` attributes: its line and how many it has. */
export function findCrowdedElement(
  xml: string,
  limit: number = maxAttributesPerElement,
): { line: number; attributes: number } | undefined {
  const length = xml.length;
  let index = 0;
  while (index < length) {
    const open = xml.indexOf("<", index);
    if (open < 0) return undefined;
    const skipTo = skippedSectionEnd(xml, open);
    if (skipTo !== undefined) {
      index = skipTo;
      continue;
    }
    let quote = 0;
    let attributes = 0;
    let at = open + 1;
    for (; at < length; at++) {
      const code = xml.charCodeAt(at);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 0x22 || code === 0x27) quote = code;
      else if (code === 0x3d) {
        attributes++;
        if (attributes > limit)
          return { line: lineAt(xml, open), attributes: countAttributes(xml, open) };
      } else if (code === 0x3e) break;
    }
    index = at + 1;
  }
  return undefined;
}

/** Where a comment, CDATA section, processing instruction or declaration starting at `open` ends. */
function skippedSectionEnd(xml: string, open: number): number | undefined {
  const close = xml.startsWith("<!--", open)
    ? "-->"
    : xml.startsWith("<![CDATA[", open)
      ? "]]>"
      : xml.startsWith("<?", open)
        ? "?>"
        : undefined;
  if (close === undefined) return undefined;
  const end = xml.indexOf(close, open);
  return end < 0 ? xml.length : end + close.length;
}

/** Every `=` outside quotes in the tag at `open` (the count the message reports). */
function countAttributes(xml: string, open: number): number {
  let quote = 0;
  let attributes = 0;
  for (let at = open + 1; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3d) attributes++;
    else if (code === 0x3e) break;
  }
  return attributes;
}

function lineAt(xml: string, offset: number): number {
  let line = 1;
  for (let at = xml.indexOf("\n"); at >= 0 && at < offset; at = xml.indexOf("\n", at + 1)) line++;
  return line;
}
