import { type Kysely, sql } from "kysely";

/** Why the connected role escapes row-level security ("postgres (superuser)"), or undefined if it does not. */
export async function readRowLevelSecurityBypass<Schema>(
  db: Kysely<Schema>,
): Promise<string | undefined> {
  const { rows } = await sql<{ name: string; super: boolean; bypass: boolean }>`
    select rolname as name, rolsuper as super, rolbypassrls as bypass
    from pg_roles where rolname = current_user`.execute(db);
  const role = rows[0];
  if (role === undefined) return undefined;
  if (role.super) return `${role.name} (superuser)`;
  return role.bypass ? `${role.name} (BYPASSRLS)` : undefined;
}
