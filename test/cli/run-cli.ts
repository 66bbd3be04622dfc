import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root, where a user runs `npx calwise`. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the calwise command as a user would (a child process of the real bin script). */
export function runCli(
  args: readonly string[],
  cwd = root,
  options: { env?: Record<string, string>; input?: string } = {},
) {
  const r = spawnSync(process.execPath, [`${root}/apps/cli/bin/calwise.js`, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...withoutStoreSettings(process.env), ...options.env },
    input: options.input ?? "",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment without a store or password the test runner may have, so a test names its own. */
function withoutStoreSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, CALWISE_PASSWORD: _password, CALWISE_DATA_DIR: _dir, ...rest } = env;
  return rest;
}
