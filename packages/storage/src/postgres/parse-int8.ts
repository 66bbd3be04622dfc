/**
 * pg hands int8 (bigint, count(*)) back as text so that no precision is lost; calwise keeps money and
 * counts within JavaScript's safe integers, so a value beyond them is a broken invariant, not data.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`calwise: the bigint ${text} is beyond the safe integer range`);
  }
  return value;
}
