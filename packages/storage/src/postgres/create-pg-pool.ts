import pg from "pg";
import { parseInt8 } from "./parse-int8.ts";

const int8Oid = 20;
const jsonOid = 114;
const jsonbOid = 3802;

/**
 * A connection pool whose type parsers match SQLite's answers: int8 as a safe number, json and jsonb as
 * text (the repositories parse documents themselves). The parsers are this pool's own; pg's global
 * table is left alone.
 */
export function createPgPool(connectionString: string): pg.Pool {
  return new pg.Pool({
    connectionString,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === int8Oid) return parseInt8;
        if (oid === jsonOid || oid === jsonbOid) return (text: string) => text;
        return format === "binary"
          ? pg.types.getTypeParser(oid, "binary")
          : pg.types.getTypeParser(oid, "text");
      }) as typeof pg.types.getTypeParser,
    },
  });
}
