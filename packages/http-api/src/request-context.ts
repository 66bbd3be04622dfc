import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ApiEnv } from "./api-env.ts";

/** A client's X-Request-Id is kept when it is short and plain; otherwise the server makes one. */
const acceptedRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (echoed in `X-Request-Id` and in problem details) and logs one structured line
 * when it ends: method, path, status, duration, the id (the duration is also sent as `Server-Timing: app`).
 * Bodies and query strings are not logged.
 */
export function requestContext(logger: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given !== undefined && acceptedRequestId.test(given) ? given : randomUUID();
    const child = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("logger", child);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    c.header("X-Request-Id", requestId);
    // The server's own part of the request, for the browser's resource timing (the point-of-sale bench).
    c.header("Server-Timing", `app;dur=${ms}`);
    child.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, "request");
  };
}
