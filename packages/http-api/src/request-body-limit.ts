import { CalwiseError } from "@calwise/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** The largest JSON body a route takes (a 75-user deployment with its price list is about 10 KiB). */
export const maxRequestBytes = 1024 * 1024;

/** Evidence uploads stream to disk under their own limits (`receiveUpload`, `--upload-max-bytes`). */
const streamedUpload = /^\/v1\/customers\/[^/]+\/(evidence|evidence-files)$/;

/**
 * Refuses a larger body as PAYLOAD_TOO_LARGE (413) while reading it, so it is never held whole. Evidence
 * uploads are exempt: they are never read into memory and have their own size and time limits.
 */
export function requestBodyLimit(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxRequestBytes,
    onError: () => {
      throw new CalwiseError(
        "PAYLOAD_TOO_LARGE",
        `the request body is larger than ${maxRequestBytes} bytes`,
      );
    },
  });
  return (c, next) =>
    c.req.method === "POST" && streamedUpload.test(c.req.path) ? next() : limit(c, next);
}
