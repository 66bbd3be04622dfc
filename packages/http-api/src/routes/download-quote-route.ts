import { quoteSchema } from "@calwise/core";
import { renderQuoteMarkdown, renderQuotePdf } from "@calwise/documents";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { createQuotePdfCache } from "../quote-pdf-cache.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { presentStoredQuote, quoteIdParams } from "./quote-schemas.ts";
import { readVisibleQuote } from "./read-visible-quote.ts";
import { allRoles } from "./route-roles.ts";

/**
 * `GET /v1/quotes/{id}/document?format=pdf|markdown|json`: the quote as `calwise quote` writes it
 * (`@calwise/documents`), as an attachment named after its number. PDFs are kept by content
 * (`createQuotePdfCache`): downloading the same quote again does not render it again.
 */
export function registerDownloadQuoteRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/quotes/{id}/document",
    tags: ["quotes"],
    summary: "Download a quote as PDF, Markdown or JSON",
    request: {
      params: quoteIdParams,
      query: z.object({ format: z.enum(["pdf", "markdown", "json"]).default("pdf") }),
    },
    responses: {
      200: {
        description: "the document",
        content: {
          "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
          "text/markdown": { schema: z.string() },
          "application/json": { schema: quoteSchema },
        },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  const pdfOf = createQuotePdfCache(renderQuotePdf);
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const stored = await readVisibleQuote(deps.store, principal, c.req.valid("param").id);
    const quote = presentStoredQuote(stored);
    const { format } = c.req.valid("query");
    const name = `quote-${stored.number ?? `draft-${stored.id}`}`;
    const attachment = (extension: string) => ({
      "content-disposition": `attachment; filename="${name}.${extension}"`,
    });
    if (format === "json") return c.json(quote, 200, attachment("json"));
    if (format === "markdown")
      return c.body(renderQuoteMarkdown(quote), 200, {
        "content-type": "text/markdown; charset=utf-8",
        ...attachment("md"),
      });
    const pdf = await pdfOf(quote);
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      ...attachment("pdf"),
    });
  });
}
