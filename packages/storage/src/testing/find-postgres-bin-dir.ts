import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const debianRoot = "/usr/lib/postgresql";

/**
 * The directory of PostgreSQL's server programs (initdb, pg_ctl): `CALWISE_PG_BIN`, else the newest
 * Debian `postgresql` install. Throws a message that says how to install it.
 */
export function findPostgresBinDir(): string {
  const fromEnvironment = process.env.CALWISE_PG_BIN;
  if (fromEnvironment !== undefined && fromEnvironment !== "") return fromEnvironment;
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((version) => existsSync(join(debianRoot, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      "calwise: PostgreSQL's server programs (initdb, pg_ctl) were not found under /usr/lib/postgresql; " +
        "run `bash scripts/setup.sh` (it installs Debian's postgresql) or set CALWISE_PG_BIN",
    );
  }
  return join(debianRoot, newest, "bin");
}
