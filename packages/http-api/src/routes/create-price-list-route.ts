import { createHash } from "node:crypto";
import { readPriceListText } from "@calwise/app";
import { CalwiseError, type DatedPriceList } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { chooseContentKey } from "../choose-content-key.ts";
import { idempotencyKeyHeaders, runOnce } from "../create-once.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceListDocumentSchema, priceListSchema, showPriceList } from "./price-list-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { editorRoles } from "./route-roles.ts";

const textBody = z.string().openapi({ description: "the price list file's text" });

/** The name a list's problems and quotes give it: `source`, with the extension its format reads by. */
function nameOf(source: string | undefined, contentType: string): string {
  const csv = /\bcsv\b/i.test(contentType);
  const name = source ?? (csv ? "price-list.csv" : "price-list.yaml");
  return csv === name.toLowerCase().endsWith(".csv") ? name : `${name}${csv ? ".csv" : ".yaml"}`;
}

/**
 * `POST /v1/price-lists`: stores the price lists of a file in any form the CLI reads (JSON, YAML, or CSV
 * rows that may hold several periods or currencies), read and checked against the catalog by the app's
 * `readPriceListText`; a list with no `validFrom` applies from today. All of them or none.
 */
export function registerCreatePriceListRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/price-lists",
    tags: ["price lists"],
    summary: "Store price lists (JSON, YAML or CSV, as the CLI reads them)",
    request: {
      headers: idempotencyKeyHeaders.extend(todayHeaders.shape),
      query: z.object({
        source: z.string().min(1).max(200).optional().openapi({
          description:
            "the file name problems and quotes name the list by (e.g. prices-2026h2.csv)",
        }),
      }),
      // Required in fact (an empty body is a problem like any other); declared optional because the
      // generated validator would otherwise parse YAML and CSV bodies as JSON.
      body: {
        required: false,
        description: "the price list file: JSON, YAML or CSV (one row per SKU, see docs/quotes.md)",
        content: {
          "application/json": { schema: priceListDocumentSchema },
          "application/yaml": { schema: textBody },
          "text/csv": { schema: textBody },
        },
      },
    },
    responses: {
      201: {
        description: "stored, one record per list the file holds",
        content: {
          "application/json": { schema: z.object({ priceLists: z.array(priceListSchema) }) },
        },
      },
      ...problemResponses(400, 401, 403, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const text = await c.req.text();
    const name = nameOf(c.req.valid("query").source, c.req.header("content-type") ?? "");
    const lists: readonly DatedPriceList[] = readPriceListText(name, text, deps.catalog);
    const today = readRequestToday(c, deps.now());
    const ended = lists.find((l) => l.validFrom === undefined && (l.validTo ?? today) < today);
    if (ended !== undefined)
      throw new CalwiseError("INPUT_INVALID", `${name} has a list that ended before today`, [
        {
          code: "PRICE_LIST_NOT_VALID",
          path: "validTo",
          message: "a list without validFrom applies from today, so it cannot end before today",
          expected: `validFrom, or validTo on or after ${today}`,
          received: ended.validTo ?? "",
          file: name,
        },
      ]);
    // The lists a stored answer names, as they are now (retiring changes the end date; deleted: left out).
    const readStoredLists = async (response: unknown) => {
      const lists = [];
      for (const id of (response as { ids: string[] }).ids) {
        const list = await deps.store.priceLists.get(principal.orgId, id);
        if (list !== undefined) lists.push(showPriceList(list));
      }
      return lists;
    };
    // The same file twice is stored once: its text's SHA-256, hashed here (the browser needs no crypto.subtle),
    // keys the import beside any Idempotency-Key; a repeat answers the lists stored the first time (as they
    // are now: retiring changes the end date), with `Idempotent-Replayed: true`.
    const requestHash = createHash("sha256").update("price-list\0").update(text).digest("hex");
    const contentKey = await chooseContentKey(
      deps.store,
      principal.orgId,
      `price-list-import:${requestHash}`,
      async (response) => (await readStoredLists(response)).length > 0,
    );
    const { response } = await runOnce(
      c,
      deps.store,
      principal.orgId,
      { contentKey, requestHash },
      async (tx) => {
        const ids: string[] = [];
        for (const list of lists) {
          const validFrom = list.validFrom ?? today;
          const saved = await tx.priceLists.create(principal.orgId, {
            name: list.name,
            currency: list.currency,
            validFrom,
            validTo: list.validTo ?? null,
            document: { ...list, validFrom },
          });
          await recordChange(tx, c, principal, {
            action: "price-list.create",
            targetType: "price-list",
            targetId: saved.id,
          });
          ids.push(saved.id);
        }
        return { ids };
      },
    );
    return c.json({ priceLists: await readStoredLists(response) }, 201);
  });
}
