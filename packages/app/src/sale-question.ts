import { z } from "zod";

/**
 * What a sales agent knows at the counter: the server being sold, how many staff and devices connect to it,
 * how many of those devices any member of staff may use (kiosks, the till), and whether they use Remote
 * Desktop or SQL Server on it.
 */
export const saleQuestionSchema = z.strictObject({
  product: z
    .string()
    .min(1)
    .max(100)
    .describe("the Windows Server edition sold (a catalog product id)"),
  users: z.number().int().min(0).max(5000).describe("staff who connect to the server"),
  devices: z.number().int().min(0).max(5000).describe("devices that connect to it"),
  sharedDevices: z
    .number()
    .int()
    .min(0)
    .max(5000)
    .default(0)
    .describe(
      "how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff",
    ),
  rds: z.boolean().default(false).describe("staff use Remote Desktop Services on it"),
  sqlProduct: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("a SQL Server edition (Server + CAL) running on it that everyone uses"),
});

/** A sale question as given (see `saleQuestionSchema`). */
export type SaleQuestion = z.output<typeof saleQuestionSchema>;
