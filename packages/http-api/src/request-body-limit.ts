import { CalwiseError } from "@calwise/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** The largest JSON body a route takes (a 75-user deployment with its price list is about 10 KiB). */
export const maxRequestBytes = 1024 * 1024;

/** Refuses a larger body as PAYLOAD_TOO_LARGE (413) while reading it, so it is never held whole. */
export function requestBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxRequestBytes,
    onError: () => {
      throw new CalwiseError(
        "PAYLOAD_TOO_LARGE",
        `the request body is larger than ${maxRequestBytes} bytes`,
      );
    },
  });
}
