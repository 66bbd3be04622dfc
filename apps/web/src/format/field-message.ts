import { wordSchemaMessage } from "@calwise/app/word-schema-message";

/**
 * A validation message in the words of the form (`wordSchemaMessage`, shared with the CLI): zod's "Too small:
 * expected number to be >=0" beside a Staff field at -3 reads "cannot be negative: enter 0 or more".
 */
export function fieldMessage(message: string): string {
  return wordSchemaMessage(message, "form");
}
