import { spawn } from "node:child_process";

/** Runs a command to its end; rejects with its output when it fails or cannot start. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { readonly quiet?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    // A daemon started by the command (pg_ctl start) may keep inherited pipes open, so a command
    // whose output is not needed gets none and is waited for by its exit alone.
    const child = spawn(command, args, {
      stdio: options.quiet ? "ignore" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => reject(new Error(`${command}: ${error.message}`)));
    child.on(options.quiet ? "exit" : "close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`));
    });
  });
}
