import { CalwiseError, isIsoDate } from "@calwise/core";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "./api-env.ts";

/**
 * The request header that says which calendar day it is where the user is (the browser's own date), so "in force
 * today" is the reseller's today, not the server's UTC date (docs/time-zones.md).
 */
export const todayHeader = "calwise-today";

/** The OpenAPI description of the header, for `request.headers` of every route that reads "today". */
export const todayHeaders = z.object({
  [todayHeader]: z
    .string()
    .optional()
    .openapi({
      description:
        "today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force " +
        "and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to " +
        "UTC+14); absent: the server's UTC date",
      example: "2026-12-08",
    }),
});

const hour = 3_600_000;

/** The day a clock at `offsetHours` from UTC shows at `now`. */
const dayAt = (now: Date, offsetHours: number) =>
  new Date(now.getTime() + offsetHours * hour).toISOString().slice(0, 10);

/**
 * Today for this request: the `Calwise-Today` header when it is a date that is today somewhere on Earth at `now`
 * (from UTC−12 to UTC+14, the time zones in use), else the UTC date when it is absent. A date outside that
 * window is refused in words (the device's clock is wrong), never used: it would choose another day's prices.
 */
export function readRequestToday(c: Context<ApiEnv>, now: Date): string {
  const sent = c.req.header(todayHeader);
  if (sent === undefined) return now.toISOString().slice(0, 10);
  const earliest = dayAt(now, -12);
  const latest = dayAt(now, 14);
  if (isIsoDate(sent) && earliest <= sent && sent <= latest) return sent;
  const message = isIsoDate(sent)
    ? `your device's date (${sent}) is not today anywhere: check its date and time`
    : "the Calwise-Today header is not a date";
  throw new CalwiseError("INPUT_INVALID", message, [
    {
      code: "SCHEMA",
      path: "Calwise-Today",
      message,
      expected: `a date from ${earliest} to ${latest} (today somewhere on Earth)`,
      received: sent.slice(0, 40),
    },
  ]);
}
