import { spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findPostgresBinDir } from "./find-postgres-bin-dir.ts";
import { runCommand } from "./run-command.ts";

/** A PostgreSQL cluster of its own in a temporary directory, for one test file. */
export interface ThrowawayPostgres {
  /** The application role's URL: it owns the database and is neither superuser nor BYPASSRLS. */
  readonly url: string;
  /** The cluster superuser's URL, for tests that look behind the application role. */
  readonly superuserUrl: string;
  /** The cluster's temporary directory (owned by the user the server runs as). */
  readonly dir: string;
  /** Runs one of PostgreSQL's programs (pg_dump, pg_restore, …) as the user the server runs as. */
  runProgram(program: string, args: string[]): Promise<string>;
  /** Stops the cluster and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway cluster: initdb (as the postgres user when running as root, since initdb refuses
 * root) with trust authentication, then pg_ctl on a free loopback port with fsync off, then an
 * application role and its database. Throws with the server log if any step fails: a database test
 * fails loudly instead of skipping.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), "calwise-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const asPostgres = (program: string, args: string[]): [string, string[]] =>
    process.getuid?.() === 0
      ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]]
      : [join(bin, program), args];
  const stopCommand = asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  const stopNow = () => spawnSync(stopCommand[0], stopCommand[1], { stdio: "ignore" });
  try {
    if (process.getuid?.() === 0) chownSync(dir, ...readPostgresIds());
    await runCommand(
      ...asPostgres("initdb", [
        "-D",
        data,
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-sync",
      ]),
    );
    const port = await findFreePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await runCommand(
      ...asPostgres("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]),
      {
        quiet: true,
      },
    );
    process.once("exit", stopNow);
    const superuserUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const admin = new pg.Client({ connectionString: superuserUrl });
    await admin.connect();
    try {
      await admin.query("create role calwise login");
      await admin.query("create database calwise owner calwise");
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://calwise@127.0.0.1:${port}/calwise`,
      superuserUrl: `postgres://postgres@127.0.0.1:${port}/calwise`,
      dir,
      runProgram: (program, args) => runCommand(...asPostgres(program, args)),
      stop: async () => {
        process.removeListener("exit", stopNow);
        stopNow();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopNow();
    const serverLog = readLogTail(log);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `calwise: could not start a throwaway PostgreSQL in ${dir}: ${(error as Error).message}${serverLog}`,
      { cause: error },
    );
  }
}

function readPostgresIds(): [number, number] {
  const read = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout);
  const [uid, gid] = [read("-u"), read("-g")];
  if (!(uid > 0 && gid > 0)) {
    throw new Error("there is no postgres user (Debian's postgresql package creates it)");
  }
  return [uid, gid];
}

/** A free loopback port (the OS picks one; released before the caller binds it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function readLogTail(log: string): string {
  try {
    return `\nserver log:\n${readFileSync(log, "utf8").split("\n").slice(-20).join("\n")}`;
  } catch {
    return "";
  }
}
