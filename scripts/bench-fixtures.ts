// What the server benchmarks share: the point of sale's price list, and an API token made the way a script
// makes one (sign in, then POST /v1/api-tokens), over any way of sending a request (fetch to a server, or
// app.request in-process).
import { password } from "../test/service/service-harness.ts";

/** Sends a request to the API under measure: a path and a fetch init, an answer. */
export type SendRequest = (path: string, init?: RequestInit) => Promise<Response>;

/** The point-of-sale benchmark's list: Windows Server 2025 user and device CALs in packs of 1, 5 and 10. */
export const pointOfSalePriceList = {
  name: "bench prices",
  currency: "EUR",
  validFrom: "2020-01-01",
  items: [1, 5, 10].flatMap((size) =>
    (["user", "device"] as const).map((type) => ({
      sku: `${type}-${size}`,
      family: "ws-cal",
      version: "2025",
      type,
      packSize: size,
      price: 4000 * size - 200 * (size - 1),
    })),
  ),
};

/** Signs in as the account (the test password) and makes an API token: the `Authorization` header value. */
export async function createBenchToken(
  send: SendRequest,
  organisation: string,
  email: string,
): Promise<string> {
  const signIn = await send("/v1/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ organisation, email, password }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const made = await send("/v1/api-tokens", {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await made.json()) as { token: string };
  return `Bearer ${token}`;
}
