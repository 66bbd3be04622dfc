import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

/**
 * The new account's password: CALWISE_PASSWORD, else a prompt that does not echo (a terminal), else the
 * first line of stdin (a script's pipe). Never an argument: argv is visible to every user of the machine.
 */
export async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.CALWISE_PASSWORD;
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (process.stdin.isTTY) {
    process.stderr.write("password: ");
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
    const answer = await prompt.question("");
    prompt.close();
    process.stderr.write("\n");
    return answer;
  }
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}
