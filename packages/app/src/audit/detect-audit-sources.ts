import { CalwiseError, type InputProblem } from "@calwise/core";
import {
  accessFormats,
  type ByteSource,
  detectEvidenceFormat,
  type EvidenceFormat,
  eventFormats,
} from "@calwise/evidence";

/** How the user named the sources' formats, when they did. */
export interface AuditSourceFormats {
  /** The sources read as --events, whose format `--format` forces and `--field-map` maps. */
  readonly events?: ReadonlySet<ByteSource>;
  /** `--format`: the format of every --events source, not detected. */
  readonly eventFormat?: EvidenceFormat;
  /** `--field-map` was given: the --events sources that are text are mapped CSV or JSON. */
  readonly mapped?: boolean;
  /** The --accesses sources: each must be an accesses file. */
  readonly accesses?: ReadonlySet<ByteSource>;
}

/** An evidence or inventory source with the format its bytes showed. */
export interface DetectedSource {
  readonly source: ByteSource;
  readonly format: EvidenceFormat;
  /** For JSON: whether detection found one top-level array (the readers need not look again). */
  readonly jsonArray?: boolean;
}

/**
 * The audit's first step: tells every source's format from its first bytes (or takes the one
 * `--format` names; `--field-map` makes text mapped CSV or JSON). A source that cannot be read or
 * recognised, or an --accesses file that is not one, is bad input: all such sources are named in
 * one CalwiseError INPUT_UNREADABLE.
 */
export async function detectAuditSources(
  sources: readonly ByteSource[],
  formats: AuditSourceFormats = {},
): Promise<DetectedSource[]> {
  const detected: DetectedSource[] = [];
  const refusals: InputProblem[] = [];
  for (const source of sources) {
    const isEvents = formats.events?.has(source) === true;
    if (isEvents && formats.eventFormat !== undefined) {
      detected.push({ source, format: formats.eventFormat });
      continue;
    }
    const format = await detectEvidenceFormat(source, {
      mapped: isEvents && formats.mapped === true,
    });
    const isAccesses = formats.accesses?.has(source) === true;
    if (format.ok && isAccesses && !accessFormats.has(format.format))
      refusals.push({
        code: "FORMAT",
        path: "",
        file: source.name,
        message: `not an accesses file: it reads as ${format.format}${eventFormats.has(format.format) ? " (give event files with --events)" : ""}`,
        expected:
          "the CSV or JSON lines of docs/audit-at-scale.md: user, device, address, server, logon_type, first_seen, last_seen, count",
      });
    else if (format.ok)
      detected.push({
        source,
        format: format.format,
        ...(format.jsonArray !== undefined ? { jsonArray: format.jsonArray } : {}),
      });
    else
      refusals.push({
        code: format.unreadable ? "FILE" : "FORMAT",
        path: "",
        file: source.name,
        message: format.message,
      });
  }
  if (refusals.length > 0)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${refusals.length} evidence file${refusals.length === 1 ? "" : "s"} could not be read`,
      refusals,
    );
  return detected;
}
