import { asSentence } from "../format/as-sentence.ts";
import { fieldMessage } from "../format/field-message.ts";
import { ApiError } from "./api-client.ts";

/** What an input problem's code means to a reseller; the API's own message follows where it adds facts. */
const problemWords: Readonly<Record<string, string>> = {
  CALS_NOT_QUOTED:
    "A server that needs CALs cannot be quoted without them. Say why they are left out: the customer already owns them, or the server is reached only anonymously.",
  REASON_CONTRADICTS_DEPLOYMENT:
    "That reason does not fit: staff or devices sign in to this server, so it is not reached only anonymously.",
  NO_PRICE_LIST:
    "There is no price list in force for this date. Add one on the Price lists screen first.",
  AMBIGUOUS_PRICE_LIST: "Price lists in more than one currency apply today: choose the currency.",
  PRICE_LIST_NOT_VALID: "The chosen price list is not in force on this date.",
  CURRENCY_MISMATCH: "The price list is in another currency than the quote.",
  PRICE_MISSING: "The price list has no price for something this quote needs.",
  DISCOUNT_TOO_LARGE: "The discount is larger than the amount it applies to.",
  EDITION_USER_LIMIT: "This edition cannot serve that many users.",
  EDITION_DEVICE_LIMIT: "This edition cannot serve that many devices.",
  EDITION_PROCESSOR_LIMIT: "This edition cannot run on that many processors.",
  EDITION_CORE_LIMIT: "This edition cannot run on that many cores.",
  EDITION_VM_LIMIT: "This edition does not cover that many virtual machines.",
  UNKNOWN_REFERENCE: "Something the request names does not exist (any more).",
};

/** Codes whose words say all a reseller needs. */
const plainCodes = new Set(["CALS_NOT_QUOTED", "REASON_CONTRADICTS_DEPLOYMENT"]);

/** What the error code of a whole answer means to a reseller. */
const answerWords: Readonly<Record<string, string>> = {
  NOT_FOUND: "It is not there any more: someone may have removed it. Reload the page.",
  FORBIDDEN: "Your role does not allow this. Ask an owner of your organisation.",
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  RATE_LIMITED: "Too many attempts. Wait a few minutes, then try again.",
  PAYLOAD_TOO_LARGE: "That is larger than calwise accepts.",
  REQUEST_TIMEOUT: "The request took too long to arrive. Try again.",
  INTERNAL:
    "Something went wrong inside calwise. Try again; if it happens again, tell your administrator",
};

/** Whether the API refused the request for the signed-in role (403 FORBIDDEN), not because the thing is missing. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.problem?.code === "FORBIDDEN";
}

/** What a screen whose data the API refused (403 FORBIDDEN) is, for a customer's account and for staff. */
const refusedScreenWords = {
  customer: {
    heading: "This page is for your reseller's staff",
    detail: "Your account shows your own licences and quotes.",
  },
  staff: {
    heading: "This page is for owners of your organisation",
    detail: "Your role does not open it; ask an owner if you need what it shows.",
  },
} as const;

/** The words for a screen the signed-in `role` may not open: a customer's account meets the staff's screens. */
export function describeRefusedScreen(role: string | undefined): {
  readonly heading: string;
  readonly detail: string;
} {
  return role === "customer" ? refusedScreenWords.customer : refusedScreenWords.staff;
}

/**
 * An API error in words a reseller understands: the meaning of each problem code first, then the API's own
 * sentence with the facts (which server, which count). `doing` says what failed when nothing more is known.
 */
export function describeApiError(error: unknown, doing: string): string {
  if (!(error instanceof ApiError))
    return `${doing} failed: calwise could not be reached. Check your connection and try again.`;
  const problems = error.problem?.problems ?? [];
  // The API's sentence for these is written for a licensing specialist (rule ids, field names): words only.
  if (problems.length > 0 && problems.every((p) => plainCodes.has(p.code)))
    return [...new Set(problems.map((p) => problemWords[p.code]))].join(" ");
  if (problems.length > 0)
    return [
      ...new Set(
        problems.map((p) =>
          `${problemWords[p.code] ?? ""} ${asSentence(fieldMessage(p.message))}`.trim(),
        ),
      ),
    ].join(" ");
  const code = error.problem?.code ?? "";
  const words = answerWords[code];
  if (code === "INTERNAL")
    return `${words}${error.problem?.requestId ? ` (reference ${error.problem.requestId})` : ""}.`;
  if (code === "CONFLICT") return asSentence(error.message);
  if (code === "PAYLOAD_TOO_LARGE") return tooLarge(error.message);
  if (words !== undefined) return words;
  return error.problem === undefined
    ? `${doing} failed (HTTP ${error.status}). Try again.`
    : asSentence(error.message);
}

/**
 * A refused upload with the limit it passed, as the server states it ("the upload is larger than 104857600 bytes
 * (--upload-max-bytes)"): "That is larger than calwise accepts: at most 100 MiB an upload." The server's option is
 * for its administrator, so it is named as theirs, not as something to type.
 */
function tooLarge(detail: string): string {
  const limit = /larger than (\d+) bytes/.exec(detail)?.[1];
  if (limit === undefined) return answerWords.PAYLOAD_TOO_LARGE ?? "That is too large.";
  return `That is larger than calwise accepts: at most ${formatBytes(Number(limit))} an upload. Split the export into smaller files, or ask your administrator to raise the limit.`;
}

/** Bytes as a person reads them: 100,000 → "97.7 KiB", 4294967296 → "4 GiB". */
function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}
