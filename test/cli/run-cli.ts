import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root, where a user runs `npx calwise`. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the calwise command as a user would (a child process of the real bin script). */
export function runCli(args: readonly string[], cwd = root) {
  const r = spawnSync(process.execPath, [`${root}/apps/cli/bin/calwise.js`, ...args], {
    cwd,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
