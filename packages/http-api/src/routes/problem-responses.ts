import { problemDetailsSchema } from "../problem-details.ts";

const descriptions: Readonly<Record<number, string>> = {
  400: "invalid input (the problems name each field)",
  401: "not signed in",
  403: "the role may not do this, or a signed-in write lacks its CSRF token",
  404: "no such resource in your organisation",
  408: "the upload did not arrive in time (idle or total upload timeout)",
  409: "conflicts with the stored state",
  413: "the body or upload is larger than allowed",
  429: "too many attempts",
};

/** The OpenAPI entries of the RFC 9457 problem answers a route can give. */
export function problemResponses(...statuses: readonly number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? "a problem",
        content: { "application/problem+json": { schema: problemDetailsSchema } },
      },
    ]),
  );
}
