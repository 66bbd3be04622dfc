import type {
  BinXmlAttribute,
  BinXmlElement,
  BinXmlNode,
  BinXmlSubstitution,
  BinXmlTemplate,
} from "./binxml-node.ts";
import { binXmlToken } from "./binxml-token.ts";
import { describeName } from "./describe-name.ts";
import { EvtxFormatError } from "./evtx-format-error.ts";
import type { EvtxRecordWork } from "./evtx-record-work.ts";
import { SubstitutionValues } from "./substitution-values.ts";

const noNodes: readonly BinXmlNode[] = [];
const noAttributes: readonly BinXmlAttribute[] = [];
const noSubstitutions: readonly BinXmlSubstitution[] = [];
/** Template definition header: next-definition offset, GUID, data size. */
const templateHeaderSize = 24;
/** Name string header: next-name offset, hash, character count. */
const nameHeaderSize = 8;

const flagless = ~binXmlToken.flagMask;

/**
 * Parses the BinXML of one chunk. Names and template definitions are addressed by their offset
 * in the chunk and shared by many records, so each is decoded once and cached here; a parser
 * lives exactly as long as its chunk's bytes. Every token read and every level entered is
 * charged to `work`, the budget of the record being read.
 */
export class BinXmlParser {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, BinXmlTemplate>();
  /** Template definitions being parsed: one met again inside itself is a loop, not a template. */
  private readonly templatesInProgress = new Set<number>();
  private pos = 0;
  private end = 0;

  constructor(
    readonly bytes: Buffer,
    readonly work: EvtxRecordWork,
  ) {}

  /** Parses the fragment in [start, end) of the chunk: a record's event or a nested BinXml value. */
  parseFragment(start: number, end: number): readonly BinXmlNode[] {
    if (start < 0 || end > this.bytes.length || start > end) {
      throw new EvtxFormatError(`BinXML range ${start}..${end} lies outside the chunk`);
    }
    const savedPos = this.pos;
    const savedEnd = this.end;
    this.work.enter();
    this.pos = start;
    this.end = end;
    try {
      return this.readNodes(false);
    } finally {
      this.pos = savedPos;
      this.end = savedEnd;
      this.work.leave();
    }
  }

  private fail(message: string): never {
    throw new EvtxFormatError(`${message} at chunk offset ${this.pos}`);
  }

  private need(byteCount: number): void {
    if (this.pos + byteCount > this.end) this.fail(`BinXML needs ${byteCount} more bytes`);
  }

  /** Reads nodes until end of stream (fragment) or an end-element token (element content). */
  private readNodes(insideElement: boolean): readonly BinXmlNode[] {
    let nodes: BinXmlNode[] | undefined;
    const bytes = this.bytes;
    const work = this.work;
    for (;;) {
      work.spendNodes(1);
      if (this.pos >= this.end) {
        if (insideElement) this.fail("BinXML ends inside an element");
        return nodes ?? noNodes;
      }
      const token = bytes[this.pos] as number;
      let node: BinXmlNode;
      switch (token & flagless) {
        case binXmlToken.endOfStream:
          if (insideElement) this.fail("end of stream inside an element");
          this.pos++;
          return nodes ?? noNodes;
        case binXmlToken.endElement:
          if (!insideElement) this.fail("end element outside an element");
          this.pos++;
          return nodes ?? noNodes;
        case binXmlToken.fragmentHeader:
          // Major version, minor version and flags: nothing to keep.
          this.need(4);
          this.pos += 4;
          continue;
        case binXmlToken.openStartElement:
          node = this.readElement(token);
          break;
        case binXmlToken.value:
          node = { kind: "text", text: this.readValueText(), cdata: false };
          break;
        case binXmlToken.cdataSection:
          this.need(3);
          this.pos++;
          node = { kind: "text", text: this.readCountedUtf16(), cdata: true };
          break;
        case binXmlToken.charReference:
          this.need(3);
          node = { kind: "charReference", codePoint: bytes.readUInt16LE(this.pos + 1) };
          this.pos += 3;
          break;
        case binXmlToken.entityReference:
          this.need(5);
          this.pos++;
          node = { kind: "entityReference", name: this.readName() };
          break;
        case binXmlToken.processingInstructionTarget:
          node = this.readProcessingInstruction();
          break;
        case binXmlToken.templateInstance:
          node = this.readTemplateInstance();
          break;
        case binXmlToken.normalSubstitution:
        case binXmlToken.optionalSubstitution:
          node = this.readSubstitution(token);
          break;
        default:
          this.fail(`unexpected BinXML token 0x${token.toString(16)}`);
      }
      if (nodes === undefined) nodes = [node];
      else nodes.push(node);
    }
  }

  private readElement(token: number): BinXmlElement {
    // Token, dependency identifier (2 bytes), data size (4 bytes), name offset (4 bytes).
    this.need(11);
    this.pos += 7;
    const name = this.readName();
    if ((token & binXmlToken.flagMask) !== 0) {
      this.need(4);
      this.pos += 4; // attribute list size
    }
    let attributes: BinXmlAttribute[] | undefined;
    while (
      this.pos < this.end &&
      ((this.bytes[this.pos] as number) & flagless) === binXmlToken.attribute
    ) {
      this.need(5);
      this.pos++;
      this.work.spendNodes(1);
      const attributeName = this.readName();
      const attribute: BinXmlAttribute = { name: attributeName, value: this.readAttributeValue() };
      if (attributes === undefined) attributes = [attribute];
      else attributes.push(attribute);
    }
    this.need(1);
    const close = this.bytes[this.pos] as number;
    this.pos++;
    let children: readonly BinXmlNode[];
    if (close === binXmlToken.closeEmptyElement) children = noNodes;
    else if (close === binXmlToken.closeStartElement) {
      this.work.enter();
      children = this.readNodes(true);
      this.work.leave();
    } else {
      this.pos--;
      this.fail(`element <${describeName(name)}> is closed by token 0x${close.toString(16)}`);
    }
    let substitutions: BinXmlSubstitution[] | undefined;
    for (const child of children) {
      if (child.kind !== "substitution") continue;
      if (substitutions === undefined) substitutions = [child];
      else substitutions.push(child);
    }
    return {
      kind: "element",
      name,
      attributes: attributes ?? noAttributes,
      children,
      substitutions: substitutions ?? noSubstitutions,
    };
  }

  /** An attribute value: text, references and substitutions up to the next attribute or close. */
  private readAttributeValue(): readonly BinXmlNode[] {
    let value: BinXmlNode[] | undefined;
    for (;;) {
      this.work.spendNodes(1);
      if (this.pos >= this.end) this.fail("BinXML ends inside an attribute");
      const token = this.bytes[this.pos] as number;
      let node: BinXmlNode;
      switch (token & flagless) {
        case binXmlToken.value:
          node = { kind: "text", text: this.readValueText(), cdata: false };
          break;
        case binXmlToken.normalSubstitution:
        case binXmlToken.optionalSubstitution:
          node = this.readSubstitution(token);
          break;
        case binXmlToken.charReference:
          this.need(3);
          node = { kind: "charReference", codePoint: this.bytes.readUInt16LE(this.pos + 1) };
          this.pos += 3;
          break;
        case binXmlToken.entityReference:
          this.need(5);
          this.pos++;
          node = { kind: "entityReference", name: this.readName() };
          break;
        default:
          return value ?? noNodes;
      }
      if (value === undefined) value = [node];
      else value.push(node);
    }
  }

  /** Reads a name offset at pos; a name defined right here is skipped over after decoding. */
  private readName(): string {
    this.need(4);
    const offset = this.bytes.readUInt32LE(this.pos);
    this.pos += 4;
    const cached = this.names.get(offset);
    if (offset === this.pos) {
      // Defined inline: skip the definition whether or not it was seen before.
      this.need(nameHeaderSize);
      const length = this.bytes.readUInt16LE(this.pos + 6);
      this.need(nameHeaderSize + 2 * length + 2);
      this.pos += nameHeaderSize + 2 * length + 2;
    }
    if (cached !== undefined) return cached;
    const name = this.decodeNameAt(offset);
    this.names.set(offset, name);
    return name;
  }

  private decodeNameAt(offset: number): string {
    if (offset + nameHeaderSize > this.bytes.length) {
      this.fail(`name offset ${offset} lies outside the chunk`);
    }
    const length = this.bytes.readUInt16LE(offset + 6);
    const start = offset + nameHeaderSize;
    if (start + 2 * length > this.bytes.length) this.fail(`name at ${offset} runs past the chunk`);
    this.work.spendCharacters(length);
    return this.bytes.toString("utf16le", start, start + 2 * length);
  }

  /** Value token: token, value type (always 1, a UTF-16 string), character count, characters. */
  private readValueText(): string {
    this.need(4);
    const valueType = this.bytes[this.pos + 1];
    if (valueType !== 0x01) this.fail(`value token of type 0x${valueType?.toString(16)}`);
    this.pos += 2;
    return this.readCountedUtf16();
  }

  private readCountedUtf16(): string {
    this.need(2);
    const length = this.bytes.readUInt16LE(this.pos);
    this.pos += 2;
    this.need(2 * length);
    this.work.spendCharacters(length);
    const text = this.bytes.toString("utf16le", this.pos, this.pos + 2 * length);
    this.pos += 2 * length;
    return text;
  }

  private readProcessingInstruction(): BinXmlNode {
    this.need(5);
    this.pos++;
    const target = this.readName();
    this.need(3);
    if (this.bytes[this.pos] !== binXmlToken.processingInstructionData) {
      this.fail("processing instruction target without data");
    }
    this.pos++;
    return { kind: "processingInstruction", target, data: this.readCountedUtf16() };
  }

  private readSubstitution(token: number): BinXmlSubstitution {
    this.need(4);
    const index = this.bytes.readUInt16LE(this.pos + 1);
    const valueType = this.bytes[this.pos + 3] as number;
    this.pos += 4;
    return {
      kind: "substitution",
      index,
      valueType,
      optional: (token & flagless) === binXmlToken.optionalSubstitution,
    };
  }

  private readTemplateInstance(): BinXmlNode {
    // Token, unknown byte, template identifier (4 bytes), definition offset (4 bytes).
    this.need(10);
    const definitionOffset = this.bytes.readUInt32LE(this.pos + 6);
    this.pos += 10;
    const template = this.templateAt(definitionOffset);
    if (definitionOffset === this.pos) {
      // The definition is written here, the first time the chunk uses the template.
      this.need(templateHeaderSize);
      const dataSize = this.bytes.readUInt32LE(this.pos + 20);
      this.need(templateHeaderSize + dataSize);
      this.pos += templateHeaderSize + dataSize;
    }
    this.need(4);
    const count = this.bytes.readUInt32LE(this.pos);
    this.pos += 4;
    this.need(4 * count);
    const types: number[] = new Array(count);
    const offsets: number[] = new Array(count);
    const sizes: number[] = new Array(count);
    let dataOffset = this.pos + 4 * count;
    for (let i = 0; i < count; i++) {
      const size = this.bytes.readUInt16LE(this.pos + 4 * i);
      types[i] = this.bytes[this.pos + 4 * i + 2] as number;
      sizes[i] = size;
      offsets[i] = dataOffset;
      dataOffset += size;
    }
    if (dataOffset > this.end)
      this.fail(`template values run ${dataOffset - this.end} bytes past the record`);
    this.pos = dataOffset;
    return {
      kind: "templateInstance",
      template,
      values: new SubstitutionValues(this, types, offsets, sizes),
    };
  }

  private templateAt(offset: number): BinXmlTemplate {
    const cached = this.templates.get(offset);
    if (cached !== undefined) return cached;
    if (offset + templateHeaderSize > this.bytes.length) {
      this.fail(`template offset ${offset} lies outside the chunk`);
    }
    if (this.templatesInProgress.has(offset)) {
      this.fail(`template defined at chunk offset ${offset} contains an instance of itself`);
    }
    const dataSize = this.bytes.readUInt32LE(offset + 20);
    const start = offset + templateHeaderSize;
    this.templatesInProgress.add(offset);
    let nodes: readonly BinXmlNode[];
    try {
      nodes = this.parseFragment(start, start + dataSize);
    } finally {
      this.templatesInProgress.delete(offset);
    }
    const template: BinXmlTemplate = { offset, nodes };
    this.templates.set(offset, template);
    return template;
  }
}
