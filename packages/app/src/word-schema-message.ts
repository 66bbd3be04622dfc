/**
 * Where a schema message is read: beside a form field ("enter 0 or more") or in a report on a file, where the
 * path and the value found are printed with it ("servers[0].processors: must be 1 or more (found -3)").
 */
export type MessageVoice = "form" | "file";

/**
 * A validation message in people's words, not the schema library's: zod's "Too small: expected number to be
 * >=0" reads "cannot be negative: enter 0 or more" beside a form field and "must be 0 or more" in a report on
 * a file. One reading of zod's wording for the web and the CLI; messages the schemas write themselves ("more
 * shared devices than devices") are kept as they are.
 */
export function wordSchemaMessage(message: string, voice: MessageVoice): string {
  const form = voice === "form";
  const small = /^Too small: expected number to be >(=?)(-?\d+(?:\.\d+)?)$/.exec(message);
  if (small !== null) {
    const [, inclusive, bound] = small;
    if (form && inclusive === "=" && bound === "0") return "cannot be negative: enter 0 or more";
    return `${form ? "enter" : "must be"} ${inclusive === "=" ? `${bound} or more` : `more than ${bound}`}`;
  }
  const big = /^Too big: expected number to be <(=?)(-?\d+(?:\.\d+)?)$/.exec(message);
  if (big !== null) {
    const [, inclusive, bound] = big;
    return `${form ? "enter" : "must be"} ${inclusive === "=" ? `${bound} or less` : `less than ${bound}`}`;
  }
  if (/^Too small: expected string to have >=1 characters?$/.test(message))
    return "cannot be empty";
  if (/^Invalid input: expected int\b/.test(message))
    return form ? "enter a whole number" : "must be a whole number";
  if (/^Invalid input: expected number, received (NaN|string|undefined)$/.test(message))
    return form ? "enter a number" : "must be a number";
  return message;
}
