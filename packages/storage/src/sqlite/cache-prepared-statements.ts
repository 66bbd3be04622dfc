import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

const MAX_STATEMENTS = 500;

/**
 * The connection as Kysely sees it, with each SQL text prepared once: Kysely prepares every query it runs, and
 * preparing costs about as much as running a small read. Kysely uses one connection at a time (its mutex), so a
 * cached statement is never run twice at once. Oldest first out past `MAX_STATEMENTS` texts (lists of ids vary).
 */
export function cachePreparedStatements(connection: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = connection.prepare(sql);
        if (statements.size >= MAX_STATEMENTS)
          statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
