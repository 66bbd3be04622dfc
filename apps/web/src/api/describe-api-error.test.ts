import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "./api-client.ts";
import { describeApiError } from "./describe-api-error.ts";

const refused = (detail: string) =>
  new ApiError(
    413,
    {
      type: "https://calwise.dev/problems/payload-too-large",
      title: "The request body or upload is larger than allowed.",
      status: 413,
      detail,
      code: "PAYLOAD_TOO_LARGE",
      requestId: "r",
      problems: [],
    },
    detail,
  );

test("a refused upload says the limit it passed, in units a person reads, and what to do", () => {
  assert.equal(
    describeApiError(
      refused("the upload is larger than 100000 bytes (--upload-max-bytes)"),
      "Uploading big.csv",
    ),
    "That is larger than calwise accepts: at most 97.7 KiB an upload. Split the export into smaller files, or ask your administrator to raise the limit.",
  );
  assert.match(
    describeApiError(
      refused("the upload is larger than 4294967296 bytes (--upload-max-bytes)"),
      "Uploading big.evtx",
    ),
    /at most 4 GiB an upload/,
  );
});

test("a refusal without a stated limit keeps the general words", () => {
  assert.equal(
    describeApiError(refused("the request body is too large"), "Saving"),
    "That is larger than calwise accepts.",
  );
});
