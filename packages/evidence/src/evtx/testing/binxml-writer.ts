import { binXmlToken } from "../binxml-token.ts";
import { evtxValueType } from "../evtx-value-type.ts";

/**
 * A substitution value for a template instance: its type code and bytes, or (for nested BinXML)
 * a writer called with the chunk offset where the value lands, since names and template
 * definitions written inline record their own offsets.
 */
export type WrittenValue =
  | { readonly type: number; readonly bytes: Buffer }
  | { readonly type: number; readonly write: (offset: number) => Buffer };

/** A nested BinXML value (type 0x21) written in place by `write`, e.g. a further template instance. */
export function binXmlValue(write: (writer: BinXmlWriter) => void): WrittenValue {
  return {
    type: evtxValueType.binXml,
    write: (offset) => {
      const writer = new BinXmlWriter(offset);
      write(writer);
      return writer.bytes();
    },
  };
}

/** The bytes of a value written at `offset`; a nested value's size never depends on where it lands. */
function valueBytes(value: WrittenValue, offset: number): Buffer {
  return "bytes" in value ? value.bytes : value.write(offset);
}

/**
 * Writes BinXML by hand for tests, at a known offset in its chunk: names and template
 * definitions are written inline, where the format requires their offset to equal the
 * position right after the offset field.
 */
export class BinXmlWriter {
  private readonly out: number[] = [];

  constructor(private readonly base: number) {}

  /** The chunk offset of the next byte written. */
  get offset(): number {
    return this.base + this.out.length;
  }

  bytes(): Buffer {
    return Buffer.from(this.out);
  }

  raw(bytes: Iterable<number>): this {
    for (const byte of bytes) this.out.push(byte);
    return this;
  }

  u8(value: number): this {
    this.out.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value).u8(value >> 8);
  }

  u32(value: number): this {
    return this.u16(value & 0xffff).u16(value >>> 16);
  }

  utf16(text: string): this {
    return this.raw(Buffer.from(text, "utf16le"));
  }

  /** A name offset followed by the name defined inline. */
  name(text: string): this {
    this.u32(this.offset + 4);
    return this.u32(0).u16(0).u16(text.length).utf16(text).u16(0);
  }

  /** A name offset pointing at a name defined earlier in the chunk. */
  nameAt(offset: number): this {
    return this.u32(offset);
  }

  fragmentHeader(): this {
    return this.u8(binXmlToken.fragmentHeader).u8(1).u8(1).u8(0);
  }

  open(name: string, hasAttributes = false): this {
    this.u8(
      hasAttributes
        ? binXmlToken.openStartElement | binXmlToken.flagMask
        : binXmlToken.openStartElement,
    );
    this.u16(0xffff).u32(0).name(name);
    return hasAttributes ? this.u32(0) : this;
  }

  /** A start element whose name was defined earlier in the chunk, at `nameOffset`. */
  openAt(nameOffset: number): this {
    return this.u8(binXmlToken.openStartElement).u16(0xffff).u32(0).nameAt(nameOffset);
  }

  attribute(name: string): this {
    return this.u8(binXmlToken.attribute).name(name);
  }

  closeStart(): this {
    return this.u8(binXmlToken.closeStartElement);
  }

  closeEmpty(): this {
    return this.u8(binXmlToken.closeEmptyElement);
  }

  end(): this {
    return this.u8(binXmlToken.endElement);
  }

  endOfStream(): this {
    return this.u8(binXmlToken.endOfStream);
  }

  text(text: string): this {
    return this.u8(binXmlToken.value).u8(0x01).u16(text.length).utf16(text);
  }

  cdata(text: string): this {
    return this.u8(binXmlToken.cdataSection).u16(text.length).utf16(text);
  }

  charReference(codePoint: number): this {
    return this.u8(binXmlToken.charReference).u16(codePoint);
  }

  entityReference(name: string): this {
    return this.u8(binXmlToken.entityReference).name(name);
  }

  processingInstruction(target: string, data: string): this {
    this.u8(binXmlToken.processingInstructionTarget).name(target);
    return this.u8(binXmlToken.processingInstructionData).u16(data.length).utf16(data);
  }

  substitution(index: number, type: number, optional = false): this {
    return this.u8(optional ? binXmlToken.optionalSubstitution : binXmlToken.normalSubstitution)
      .u16(index)
      .u8(type);
  }

  /** A template instance whose definition is written here; returns the definition's offset via `onDefined`. */
  templateInstance(
    define: (writer: this) => void,
    values: readonly WrittenValue[],
    onDefined?: (offset: number) => void,
  ): this {
    this.u8(binXmlToken.templateInstance).u8(1).u32(0x1234);
    const definitionOffset = this.offset + 4;
    onDefined?.(definitionOffset);
    this.u32(definitionOffset).u32(0).raw(Buffer.alloc(16, 0xab));
    const sizeAt = this.out.length;
    this.u32(0);
    const dataStart = this.out.length;
    define(this);
    const dataSize = this.out.length - dataStart;
    for (let i = 0; i < 4; i++) this.out[sizeAt + i] = (dataSize >>> (8 * i)) & 0xff;
    return this.values(values);
  }

  /** A template instance using a definition written earlier in the chunk. */
  templateReference(definitionOffset: number, values: readonly WrittenValue[]): this {
    this.u8(binXmlToken.templateInstance).u8(1).u32(0x1234).u32(definitionOffset);
    return this.values(values);
  }

  private values(values: readonly WrittenValue[]): this {
    this.u32(values.length);
    const sizes = values.map((value) => valueBytes(value, 0).length);
    values.forEach((value, i) => {
      const size = sizes[i] as number;
      if (size > 0xffff)
        throw new RangeError(`a substitution value holds at most 65535 bytes, not ${size}`);
      this.u16(size).u8(value.type).u8(0);
    });
    for (const value of values) this.raw(valueBytes(value, this.offset));
    return this;
  }
}
