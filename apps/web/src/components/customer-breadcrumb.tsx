import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";

/**
 * "Customers / <customer> /" above a screen that belongs to one customer (a check, an audit), so a newcomer gets
 * back to the customer in one click; the name follows once read, and a record of no customer shows "Customers /".
 */
export function CustomerBreadcrumb({ customerId }: { customerId: string | null | undefined }) {
  const customer = useQuery({
    queryKey: ["customer", customerId ?? null],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}", { params: { id: customerId ?? "" }, signal }),
    enabled: typeof customerId === "string",
  });
  return (
    <p className="breadcrumb">
      <Link to="/customers">Customers</Link> /{" "}
      {customer.data !== undefined && (
        <>
          <Link to={`/customers/${customer.data.id}`}>{customer.data.name}</Link> /
        </>
      )}
    </p>
  );
}
