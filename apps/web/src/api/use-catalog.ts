import type { CatalogListing } from "@calwise/core";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "./api-client.ts";

/** The catalog listing (GET /v1/catalog), typed by the core's listing schema; fetched once per session. */
export function useCatalog() {
  return useQuery({
    queryKey: ["catalog"],
    queryFn: async ({ signal }) =>
      (await callApi("get", "/v1/catalog", { signal })) as unknown as CatalogListing,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
