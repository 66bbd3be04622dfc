import type { Kysely } from "kysely";
import type { OrganisationRepository } from "../port/organisation-repository.ts";
import type { Database } from "./database.ts";
import type { RepositoryContext } from "./repository-context.ts";

const columns = ["id", "slug", "name", "createdAt"] as const;

/** The organisation registry over Kysely (the one table outside row-level security). */
export function createOrganisationRepository(
  db: Kysely<Database>,
  context: RepositoryContext,
): OrganisationRepository {
  return {
    create: (input) =>
      db
        .insertInto("organisations")
        .values({
          id: context.newId(),
          slug: input.slug,
          name: input.name,
          lastQuoteNumber: 0,
          createdAt: context.now(),
        })
        .returning(columns)
        .executeTakeFirstOrThrow(),
    get: (id) =>
      db.selectFrom("organisations").select(columns).where("id", "=", id).executeTakeFirst(),
    findBySlug: (slug) =>
      db.selectFrom("organisations").select(columns).where("slug", "=", slug).executeTakeFirst(),
    list: () => db.selectFrom("organisations").select(columns).orderBy("createdAt").execute(),
  };
}
