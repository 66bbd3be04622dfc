import { spawn } from "node:child_process";
import { root } from "./run-cli.ts";

export { findFreePort } from "@calwise/storage/testing";

/** Polls `url` until it answers 200; fails if the server exits first. */
export async function waitUntilReady(url: string, exited: () => boolean): Promise<Response> {
  for (;;) {
    if (exited()) throw new Error("calwise serve exited before it was ready");
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === 200) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `calwise serve` as a child process on embedded SQLite in `dataDir`, with its output kept. */
export function spawnServe(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [`${root}/apps/cli/bin/calwise.js`, "serve", "--port", String(port), "--data-dir", dataDir],
    { cwd: root, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => {
    output.stdout += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output.stderr += String(chunk);
  });
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exited = true;
      resolve(code);
    }),
  );
  return { child, output, exit, exited: () => exited };
}
