import { type Kysely, type Migration, sql } from "kysely";
import type { StoreDialect } from "../store.ts";

// The content of an issued quote: none of it may change after issue, only the status may move on.
const issuedQuoteContent = [
  "document",
  "total_minor",
  "currency",
  "number",
  "customer_id",
  "price_list_id",
  "issued_at",
];

/**
 * Triggers that keep history: deployment revisions and audit log entries are never updated or deleted,
 * and an issued quote's content never changes. A second line behind the repositories.
 */
export function createImmutableRowsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const statements = dialect === "postgres" ? postgresTriggers() : sqliteTriggers();
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

function sqliteTriggers(): string[] {
  const changed = issuedQuoteContent.map((column) => `new.${column} is not old.${column}`);
  return [
    ...["deployment_revisions", "audit_log"].flatMap((table) =>
      ["update", "delete"].map(
        (event) =>
          `create trigger ${table}_no_${event} before ${event} on ${table}
           begin select raise(abort, 'calwise: ${table} rows are immutable'); end`,
      ),
    ),
    `create trigger quotes_issued_immutable before update on quotes
     when old.status <> 'draft' and (new.status = 'draft' or ${changed.join(" or ")})
     begin select raise(abort, 'calwise: an issued quote is immutable'); end`,
    `create trigger quotes_issued_kept before delete on quotes when old.status <> 'draft'
     begin select raise(abort, 'calwise: an issued quote is immutable'); end`,
  ];
}

function postgresTriggers(): string[] {
  const changed = issuedQuoteContent.map(
    (column) => `new.${column} is distinct from old.${column}`,
  );
  return [
    `create function calwise_refuse_change() returns trigger language plpgsql as $$
     begin raise exception 'calwise: % rows are immutable', tg_table_name; end $$`,
    ...["deployment_revisions", "audit_log"].map(
      (table) =>
        `create trigger ${table}_immutable before update or delete on ${table}
         for each row execute function calwise_refuse_change()`,
    ),
    `create function calwise_keep_issued_quote() returns trigger language plpgsql as $$
     begin
       if old.status <> 'draft' and (tg_op = 'DELETE' or new.status = 'draft' or ${changed.join(" or ")}) then
         raise exception 'calwise: an issued quote is immutable';
       end if;
       if tg_op = 'DELETE' then return old; end if;
       return new;
     end $$`,
    `create trigger quotes_issued_immutable before update or delete on quotes
     for each row execute function calwise_keep_issued_quote()`,
  ];
}
