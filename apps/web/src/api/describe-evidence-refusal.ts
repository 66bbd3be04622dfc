import { describeApiError } from "./describe-api-error.ts";

/**
 * The command line's advice in the server's evidence messages (options of `calwise audit`): nothing a browser
 * user can act on, so it is taken out and what they can do here is said instead.
 */
const commandLineAdvice = [
  /\s*\(or name the fields with --field-map\)/g,
  /: name the fields with --field-map, or check --format/g,
];

/** What to do in the browser about evidence calwise cannot read. */
const browserAdvice =
  "Export the events again in one of those formats (the Security log saved as .evtx is the simplest) and choose that file here.";

/** An evidence text without the command line's advice; `advised` when there was some to replace. */
function withoutCommandLineAdvice(text: string): { text: string; advised: boolean } {
  let out = text;
  for (const advice of commandLineAdvice) out = out.replace(advice, "");
  return { text: out, advised: out !== text };
}

/** A refused upload in words, with what the user can do in the browser (never a CLI option). */
export function describeEvidenceRefusal(error: unknown, fileName: string): string {
  const { text, advised } = withoutCommandLineAdvice(
    describeApiError(error, `Uploading ${fileName}`),
  );
  return advised ? `${text} ${browserAdvice}` : text;
}

/** A failed audit job's message as the browser shows it (the same advice for evidence it could not read). */
export function describeAuditFailure(detail: string): string {
  const { text, advised } = withoutCommandLineAdvice(detail);
  return advised ? `${text}. ${browserAdvice}` : text;
}
