import type { SubstitutionValues } from "./substitution-values.ts";

/**
 * The parsed form of BinXML. Template definitions are parsed once per chunk into these nodes
 * and shared by every record that instantiates them; only the substitution values differ.
 */
export type BinXmlNode =
  | BinXmlElement
  | BinXmlText
  | BinXmlCharReference
  | BinXmlEntityReference
  | BinXmlProcessingInstruction
  | BinXmlSubstitution
  | BinXmlTemplateInstance;

export interface BinXmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly attributes: readonly BinXmlAttribute[];
  readonly children: readonly BinXmlNode[];
  /** The substitutions among `children`, found once at parse time: they decide whether and how often the element appears. */
  readonly substitutions: readonly BinXmlSubstitution[];
}

/** An attribute's value is a sequence of text, references and substitutions. */
export interface BinXmlAttribute {
  readonly name: string;
  readonly value: readonly BinXmlNode[];
}

/** Character data from a value token, or a CDATA section (kept apart only for XML output). */
export interface BinXmlText {
  readonly kind: "text";
  readonly text: string;
  readonly cdata: boolean;
}

export interface BinXmlCharReference {
  readonly kind: "charReference";
  readonly codePoint: number;
}

export interface BinXmlEntityReference {
  readonly kind: "entityReference";
  readonly name: string;
}

export interface BinXmlProcessingInstruction {
  readonly kind: "processingInstruction";
  readonly target: string;
  readonly data: string;
}

/** A slot filled by the template instance's value `index`; optional slots vanish when empty. */
export interface BinXmlSubstitution {
  readonly kind: "substitution";
  readonly index: number;
  readonly valueType: number;
  readonly optional: boolean;
}

/** A template applied to one record's values. */
export interface BinXmlTemplateInstance {
  readonly kind: "templateInstance";
  readonly template: BinXmlTemplate;
  readonly values: SubstitutionValues;
}

/** A template definition found at `offset` in its chunk. */
export interface BinXmlTemplate {
  readonly offset: number;
  readonly nodes: readonly BinXmlNode[];
}
