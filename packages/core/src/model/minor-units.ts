import { z } from "zod";

/** An amount of money in integer minor units (cents) of the document's currency: never a float. */
export const minorUnitsSchema = z.number().int("integer minor units (cents), not a decimal");
