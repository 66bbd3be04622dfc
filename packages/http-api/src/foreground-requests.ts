import { setImmediate, setTimeout } from "node:timers/promises";
import type { MiddlewareHandler } from "hono";

/** Paths of the long computations that give way (the quote screen's advice and cost chart) and of event streams. */
const background = /^\/v1\/advice(\/costs)?$|\/events$/;

/** Requests of this process being answered that a long computation gives way to (all apps of the process). */
let foreground = 0;

/** The longest a computation waits for foreground requests at one turn (so a busy server cannot starve it). */
const longestWaitMs = 1_000;

/**
 * Counts the requests being answered that are not long computations nor event streams (web-phone): an agent's
 * "Issue quote" sent while the quote screen's cost chart computes. A computation taking turns
 * (`giveWayToForeground`) lets them finish first; a PostgreSQL request awaits several round trips, and yielding
 * once per turn was not enough (each round trip waited a whole point of the chart).
 */
export function countForegroundRequests(): MiddlewareHandler {
  return async (c, next) => {
    if (background.test(c.req.path)) return next();
    foreground += 1;
    try {
      await next();
    } finally {
      foreground -= 1;
    }
  };
}

/** One turn of a long computation: other work first, then until no foreground request is open (at most 1 s). */
export async function giveWayToForeground(): Promise<void> {
  await setImmediate();
  const until = Date.now() + longestWaitMs;
  while (foreground > 0 && Date.now() < until) await setTimeout(2);
}
