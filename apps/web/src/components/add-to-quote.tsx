import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { callApi, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";

/**
 * "Add to quote" on the point of sale: the deployment the engine answered for becomes a draft quote for a
 * customer (POST /v1/quotes, priced by the organisation's list in force), which opens next.
 */
export function AddToQuote(props: {
  deployment: Record<string, unknown>;
  currency: string | null;
  /** The answer is being worked out again for changed counts: its deployment is not what was asked. */
  stale: boolean;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [customerId, setCustomerId] = useState("");
  const customers = useQuery({
    queryKey: ["customers"],
    queryFn: ({ signal }) => callApi("get", "/v1/customers", { signal }),
  });
  const customerName =
    customers.data?.customers.find((c) => c.id === customerId)?.name ?? "the customer";
  const create = useMutation({
    mutationFn: () =>
      callApi("post", "/v1/quotes", {
        body: {
          customerId,
          // The engine's deployment is named "point of sale", which the quote prints as what it is for: the
          // customer reads "For: New server for Fabrikam Ltd" instead.
          deployment: { ...props.deployment, name: `New server for ${customerName}` },
          // The OpenAPI document lists fields with defaults as required in request bodies too (zod's output
          // view); the API fills them in, so the quote gives only its currency.
          terms: { currency: props.currency ?? "" } as Schema<"NewQuote">["terms"],
        },
      }),
    onSuccess: (quote) => {
      // The lists and the customer's history now hold one more quote.
      void queryClient.invalidateQueries({ queryKey: ["quotes"] });
      navigate(`/quotes/${quote.id}`);
    },
  });
  if (props.currency === null)
    return (
      <p className="empty">
        To price this and make a quote, add your <Link to="/price-lists">price list</Link> first
        (the answer above is counted, not priced).
      </p>
    );
  const list = customers.data?.customers ?? [];
  if (customers.isSuccess && list.length === 0)
    return (
      <p className="empty">
        To make a quote, <Link to="/customers">add the customer</Link> first.
      </p>
    );
  const problem =
    create.error === null ? undefined : describeApiError(create.error, "Making the quote");
  return (
    <form
      className="add-to-quote"
      onSubmit={(event) => {
        event.preventDefault();
        if (customerId !== "") create.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="quote-customer">Customer for the quote</label>
        <select
          id="quote-customer"
          value={customerId}
          onChange={(e) => setCustomerId(e.target.value)}
          aria-describedby={problem === undefined ? undefined : "quote-problem"}
        >
          <option value="">Choose a customer…</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {problem !== undefined && (
        <p className="error-text" id="quote-problem" role="alert">
          {problem}
        </p>
      )}
      <button
        type="submit"
        className="button"
        disabled={customerId === "" || create.isPending || props.stale}
      >
        Add to quote
      </button>
    </form>
  );
}
