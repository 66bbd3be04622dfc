import { z } from "zod";

/** A calendar date as YYYY-MM-DD that exists (2026-02-30 does not). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(isIsoDate, "a calendar date that exists");

/** Whether text is a YYYY-MM-DD calendar date that exists (2024-02-29 is, 2025-02-29 and 2026-02-30 are not). */
export function isIsoDate(text: string): boolean {
  return toDayNumber(text) !== undefined;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when it is not a real date. Pure: reads no clock. */
export function toDayNumber(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  )
    return undefined;
  return ms / 86_400_000;
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(text: string, days: number): string {
  const start = toDayNumber(text);
  if (start === undefined) throw new RangeError(`not a date: ${text}`);
  return new Date((start + days) * 86_400_000).toISOString().slice(0, 10);
}
