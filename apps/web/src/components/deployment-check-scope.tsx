import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { formatCountOf } from "../format/format-count.ts";

/**
 * What a deployment's check counts, said plainly under its result: only the CALs typed on the deployment. When the
 * customer has imported entitlements, it points to the estate position on the customer's screen, where those
 * are counted once for all the customer's deployments (counting them against each check would count them twice).
 */
export function DeploymentCheckScope({ customerId }: { customerId: string | null }) {
  const entitlements = useQuery({
    queryKey: ["entitlements", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/entitlements", {
        params: { id: customerId ?? "" },
        signal,
      }),
    enabled: customerId !== null,
  });
  const count = entitlements.data?.entitlements.length ?? 0;
  return (
    <p className="hint check-scope">
      This check counts only the CALs entered on this deployment.
      {customerId !== null && count > 0 ? (
        <>
          {" "}
          The customer's {formatCountOf(count, "entitlement")} are counted once, for all their
          deployments together, in the{" "}
          <Link to={`/customers/${customerId}#estate-title`}>estate position</Link>.
        </>
      ) : null}
    </p>
  );
}
