/**
 * A validation message in the words of the form, not of the schema library: "Too small: expected number to be
 * >=0" (zod's default, shown beside a Staff field at -3) reads "cannot be negative: enter 0 or more". Messages the
 * schemas write themselves ("more shared devices than devices") are kept as they are.
 */
export function fieldMessage(message: string): string {
  const small = /^Too small: expected number to be >(=?)(-?\d+(?:\.\d+)?)$/.exec(message);
  if (small !== null) {
    const [, inclusive, bound] = small;
    if (inclusive === "=" && bound === "0") return "cannot be negative: enter 0 or more";
    return inclusive === "=" ? `enter ${bound} or more` : `enter more than ${bound}`;
  }
  const big = /^Too big: expected number to be <(=?)(-?\d+(?:\.\d+)?)$/.exec(message);
  if (big !== null) {
    const [, inclusive, bound] = big;
    return inclusive === "=" ? `enter ${bound} or less` : `enter less than ${bound}`;
  }
  if (/^Too small: expected string to have >=1 characters?$/.test(message))
    return "cannot be empty";
  if (/^Invalid input: expected int\b/.test(message)) return "enter a whole number";
  if (/^Invalid input: expected number, received (NaN|string|undefined)$/.test(message))
    return "enter a number";
  return message;
}
