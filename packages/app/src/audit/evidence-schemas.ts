import { evidenceFormats, evidenceProblemCodes } from "@calwise/evidence";
import { z } from "zod";

const count = z.number().int().min(0);

/** Where a record was read: file and line (text formats), record number, byte offset (EVTX). */
export const evidenceLocationSchema = z.strictObject({
  file: z.string().describe("the path read, or the name of the uploaded source"),
  line: z.number().int().min(1).optional(),
  record: z.number().int().optional(),
  offset: z.number().int().min(0).optional(),
});

/** A part of an evidence file that was skipped, with its stable code and location. */
export const evidenceProblemSchema = z.strictObject({
  code: z.enum(evidenceProblemCodes),
  file: z.string(),
  line: z.number().int().min(1).optional(),
  record: z.number().int().optional(),
  offset: z.number().int().min(0).optional(),
  message: z.string(),
  expected: z.string().optional(),
  received: z.string().optional(),
});

/** The evidence formats calwise reads. */
export const evidenceFormatSchema = z.enum(evidenceFormats);

/** Counts by event id (as text), as the readers' summaries give them. */
export const eventIdCountsSchema = z.record(z.string(), count);
