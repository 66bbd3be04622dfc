/**
 * The one table of error codes: each maps to an HTTP status and a CLI exit code.
 * Exit codes: 0 compliant, 1 not compliant, 2 bad input, 3 broken catalog, 70 internal bug, 75 try again later,
 * 77 not permitted (sysexits). The service codes (not found, sign-in, roles, limits) are met through the HTTP
 * API and the CLI's account commands alike.
 */
export const errorCodes = {
  INPUT_INVALID: {
    httpStatus: 400,
    exitCode: 2,
    summary: "The input does not match its schema or references.",
  },
  INPUT_UNREADABLE: {
    httpStatus: 400,
    exitCode: 2,
    summary: "The input file could not be read or parsed.",
  },
  CATALOG_INVALID: {
    httpStatus: 500,
    exitCode: 3,
    summary: "The licensing catalog failed validation.",
  },
  NOT_FOUND: { httpStatus: 404, exitCode: 2, summary: "No such resource." },
  CONFLICT: {
    httpStatus: 409,
    exitCode: 2,
    summary: "The resource is in a state that does not allow this.",
  },
  PAYLOAD_TOO_LARGE: {
    httpStatus: 413,
    exitCode: 2,
    summary: "The request body or upload is larger than allowed.",
  },
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415, exitCode: 2, summary: "Send a supported media type." },
  METHOD_NOT_ALLOWED: {
    httpStatus: 405,
    exitCode: 2,
    summary: "The resource does not accept this method.",
  },
  UNAUTHENTICATED: { httpStatus: 401, exitCode: 77, summary: "Sign in or send an API token." },
  FORBIDDEN: { httpStatus: 403, exitCode: 77, summary: "Your role does not allow this." },
  RATE_LIMITED: {
    httpStatus: 429,
    exitCode: 75,
    summary: "Too many attempts: wait and try again.",
  },
  REQUEST_TIMEOUT: {
    httpStatus: 408,
    exitCode: 75,
    summary: "The request body did not arrive in time: send it again.",
  },
  NOT_COMPLIANT: { httpStatus: 200, exitCode: 1, summary: "The deployment is not compliant." },
  INTERNAL: { httpStatus: 500, exitCode: 70, summary: "A bug in calwise: please report it." },
} as const;

export type ErrorCode = keyof typeof errorCodes;
