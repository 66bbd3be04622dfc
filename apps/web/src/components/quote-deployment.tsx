import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { callApi, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { findPriceListInForce } from "../api/price-list-in-force.ts";
import { formatLocalDate } from "../format/local-date.ts";

/**
 * "Quote this deployment" on a customer: a draft quote of the stored revision (POST /v1/quotes with
 * deploymentId and revision, priced by the organisation's list in force in its currency), which opens next.
 * Without a list in force it says where to add one instead.
 */
export function QuoteDeployment(props: {
  customerId: string;
  deploymentId: string;
  revision: number;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lists = useQuery({
    queryKey: ["price-lists"],
    queryFn: ({ signal }) => callApi("get", "/v1/price-lists", { signal }),
  });
  const inForce = findPriceListInForce(lists.data?.priceLists ?? [], formatLocalDate(new Date()));
  const create = useMutation({
    mutationFn: (currency: string) =>
      callApi("post", "/v1/quotes", {
        body: {
          customerId: props.customerId,
          deploymentId: props.deploymentId,
          revision: props.revision,
          // Fields with defaults are listed as required (zod's output view); the API fills them in.
          terms: { currency } as Schema<"NewQuote">["terms"],
        },
      }),
    onSuccess: (quote) => {
      // The quotes list and the customer's history now hold one more quote.
      void queryClient.invalidateQueries({ queryKey: ["quotes"] });
      navigate(`/quotes/${quote.id}`);
    },
  });
  if (lists.isPending) return null;
  if (inForce === undefined)
    return (
      <p className="hint">
        To quote this deployment, add your <Link to="/price-lists">price list</Link> first.
      </p>
    );
  return (
    <div className="quote-deployment">
      <button
        type="button"
        className="button-quiet"
        disabled={create.isPending}
        onClick={() => create.mutate(inForce.currency)}
      >
        Quote this deployment
      </button>{" "}
      <span className="hint">
        revision {props.revision} as saved, at {inForce.name} ({inForce.currency})
      </span>
      {create.isError && (
        <p className="error-text" role="alert">
          {describeApiError(create.error, "Making the quote")}
        </p>
      )}
    </div>
  );
}
