/**
 * BinXML token bytes (libyal EVTX format, section 5.1). Tokens with bit 0x40 set are the same
 * token with a flag: "has attributes" for start elements, "more follow" for the others, so
 * the parser compares `token & ~0x40` against these values.
 */
export const binXmlToken = {
  endOfStream: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  cdataSection: 0x07,
  charReference: 0x08,
  entityReference: 0x09,
  processingInstructionTarget: 0x0a,
  processingInstructionData: 0x0b,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
  /** The flag bit described above. */
  flagMask: 0x40,
} as const;
