// The one way the browser talks to `calwise serve`: typed by the OpenAPI document (openapi-types.ts is
// generated from /openapi.json by scripts/generate-web-api-types.ts; test/web fails when it is stale).
import { formatLocalDate } from "../format/local-date.ts";
import type { components, paths } from "./openapi-types.ts";

type Method = "get" | "post" | "put" | "delete";
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type JsonOf<T> = T extends { content: { "application/json": infer B } } ? B : never;
type BodyOf<O> = O extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;
type OkOf<O> = O extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonOf<R[200]>
    : 201 extends keyof R
      ? JsonOf<R[201]>
      : 202 extends keyof R
        ? JsonOf<R[202]>
        : undefined
  : never;
type ParamsOf<O> = O extends { parameters: { path: infer P } } ? P : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

/** The paths of the API that have the method `M`. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined | never ? never : P;
}[keyof paths];

/** The JSON a successful `method path` answers (for the answers the document does not name). */
export type AnswerOf<M extends Method, P extends PathWith<M>> = OkOf<Operation<P, M>>;

/** A schema of the OpenAPI document by name. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

/** RFC 9457 problem details as the API sends them. */
export type Problem = Schema<"ProblemDetails">;

/** An answer that is not 2xx: the problem details, and the status for routing (401 → sign-in). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

/** Called when any request answers 401, so the app can go back to sign-in. */
let onUnauthenticated: () => void = () => {};

/** Sets what happens when the session has ended (the app shell sends the user to sign-in). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The CSRF token sign-in put in the readable `calwise_csrf` cookie (sent back in X-CSRF-Token on writes). */
export function readCsrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)calwise_csrf=([^;]+)/);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

interface RequestOptions<O> {
  readonly params?: ParamsOf<O>;
  readonly body?: BodyOf<O>;
  /** The query parameters; those undefined are left out. */
  readonly query?: QueryOf<O>;
  readonly signal?: AbortSignal;
}

/**
 * Calls `method path` with the session cookie, the browser's date (`Calwise-Today`) and, for a write, the CSRF
 * token sign-in put in a readable cookie (signed double submit). Answers the typed JSON body or throws ApiError with the problem details.
 */
export async function callApi<M extends Method, P extends PathWith<M>>(
  method: M,
  path: P,
  options: RequestOptions<Operation<P, M>> = {},
): Promise<OkOf<Operation<P, M>>> {
  const params = (options.params ?? {}) as Record<string, string>;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries((options.query ?? {}) as Record<string, unknown>))
    if (value !== undefined) search.set(name, String(value));
  const url =
    String(path).replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name] ?? ""),
    ) + (search.toString() === "" ? "" : `?${search}`);
  // The browser's own date: "in force today" is the reseller's today, not the server's UTC date.
  const headers: Record<string, string> = {
    accept: "application/json",
    "calwise-today": formatLocalDate(new Date()),
  };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const csrf = method === "get" ? undefined : readCsrfToken();
  if (csrf !== undefined) headers["x-csrf-token"] = csrf;
  const response = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  const json = text === "" ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) {
    if (response.status === 401 && path !== "/v1/sign-in") onUnauthenticated();
    throw new ApiError(response.status, json as Problem | undefined, `HTTP ${response.status}`);
  }
  return json as OkOf<Operation<P, M>>;
}

/**
 * Posts a file's text as the raw body of `url` (a CSV, YAML or JSON file the server reads itself, which callApi's
 * JSON bodies cannot carry), with the session cookie and the CSRF token. Answers the JSON reply (undefined when
 * empty) and whether it replays an earlier identical upload (`Idempotent-Replayed`: the server stores a file
 * once), or throws ApiError with the problem details, as callApi does.
 */
export async function postText(
  url: string,
  contentType: string,
  text: string,
): Promise<{ readonly body: unknown; readonly replayed: boolean }> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      accept: "application/json",
      "content-type": contentType,
      "calwise-today": formatLocalDate(new Date()),
      "x-csrf-token": readCsrfToken() ?? "",
    },
    credentials: "same-origin",
    body: text,
  });
  const body = await response.text();
  const json = body === "" ? undefined : (JSON.parse(body) as unknown);
  if (!response.ok) {
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(response.status, json as Problem | undefined, `HTTP ${response.status}`);
  }
  return { body: json, replayed: response.headers.get("idempotent-replayed") === "true" };
}
