/**
 * The one table of error codes: each maps to an HTTP status and a CLI exit code.
 * Exit codes: 0 compliant, 1 not compliant, 2 bad input, 3 broken catalog, 70 internal bug.
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
  NOT_COMPLIANT: { httpStatus: 200, exitCode: 1, summary: "The deployment is not compliant." },
  INTERNAL: { httpStatus: 500, exitCode: 70, summary: "A bug in calwise: please report it." },
} as const;

export type ErrorCode = keyof typeof errorCodes;
