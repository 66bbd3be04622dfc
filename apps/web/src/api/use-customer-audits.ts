import { useQuery } from "@tanstack/react-query";
import { callApi } from "./api-client.ts";

/**
 * The customer's audits, newest first (GET /v1/customers/{id}/audits): one query for the audits' card and the
 * position cards that let a failed newest audit come first. A finished audit job invalidates its key.
 */
export function useCustomerAudits(customerId: string) {
  return useQuery({
    queryKey: ["customer-audits", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/audits", { params: { id: customerId }, signal }),
  });
}
