import { CalwiseError, type InputProblem } from "@calwise/core";
import { type ByteSource, detectEvidenceFormat, type EvidenceFormat } from "@calwise/evidence";

/** An evidence or inventory source with the format its bytes showed. */
export interface DetectedSource {
  readonly source: ByteSource;
  readonly format: EvidenceFormat;
}

/**
 * The audit's first step: tells every source's format from its first bytes. A source that cannot be
 * read or recognised is bad input: all such sources are named in one CalwiseError INPUT_UNREADABLE.
 */
export async function detectAuditSources(
  sources: readonly ByteSource[],
): Promise<DetectedSource[]> {
  const detected: DetectedSource[] = [];
  const refusals: InputProblem[] = [];
  for (const source of sources) {
    const format = await detectEvidenceFormat(source);
    if (format.ok) detected.push({ source, format: format.format });
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
