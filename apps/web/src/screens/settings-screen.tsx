import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, callApi, readCsrfToken, type Schema } from "../api/api-client.ts";
import { Field } from "../components/field.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { useSession } from "../session/session.ts";

/** The largest logo the service stores (PUT /v1/organisation/logo refuses more). */
const maxLogoBytes = 256 * 1024;

/** Sends the image file as the raw body of PUT /v1/organisation/logo; the server tells its type from its bytes. */
async function uploadLogo(file: File): Promise<Schema<"OrganisationBranding">> {
  const response = await fetch("/v1/organisation/logo", {
    method: "PUT",
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      "content-type": file.type || "application/octet-stream",
      "x-csrf-token": readCsrfToken() ?? "",
    },
    body: file,
  });
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok)
    throw new ApiError(
      response.status,
      json as Schema<"ProblemDetails">,
      `the logo was not saved (HTTP ${response.status})`,
    );
  return json as Schema<"OrganisationBranding">;
}

/** Settings: the organisation's logo (shown on the training handout); owners may change it. */
export function SettingsScreen() {
  const session = useSession();
  const owner = session?.user.role === "owner";
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const branding = useQuery({
    queryKey: ["branding"],
    queryFn: ({ signal }) => callApi("get", "/v1/organisation/branding", { signal }),
  });
  const upload = useMutation({
    mutationFn: uploadLogo,
    onSuccess: (saved) => queryClient.setQueryData(["branding"], saved),
    onError: (e) =>
      setError(
        e instanceof ApiError
          ? (e.problem?.problems?.[0]?.message ?? e.message)
          : "The logo could not be sent: check your connection and try again.",
      ),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("logo");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a PNG or JPEG file");
    if (file.size > maxLogoBytes)
      return setError(
        `The file is ${Math.ceil(file.size / 1024)} KiB: at most 256 KiB, please make it smaller`,
      );
    setError(undefined);
    upload.mutate(file);
  };
  const logo = branding.data?.logo ?? null;
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="card">
        <h2>Your logo</h2>
        {branding.isPending ? (
          <Skeleton lines={2} />
        ) : logo === null ? (
          <p className="empty">
            No logo yet.{" "}
            {owner
              ? "Add one below: it heads your printed training handouts."
              : "An owner can add one."}
          </p>
        ) : (
          <p>
            <img
              className="settings-logo"
              src={logo.url}
              alt={`${branding.data?.name ?? ""} logo`}
            />
            <span className="hint">
              {" "}
              {logo.mediaType === "image/png" ? "PNG" : "JPEG"}, {Math.ceil(logo.sizeBytes / 1024)}{" "}
              KiB
            </span>
          </p>
        )}
        {owner && (
          <form onSubmit={submit} noValidate>
            <Field
              id="logo"
              label="Logo file"
              hint="PNG or JPEG, at most 256 KiB (SVG is not accepted: it can carry script)"
              error={error}
            >
              {(control) => (
                <input {...control} name="logo" type="file" accept="image/png,image/jpeg" />
              )}
            </Field>
            <button type="submit" className="button" disabled={upload.isPending}>
              {logo === null ? "Add logo" : "Replace logo"}
            </button>
            {upload.isSuccess && <p className="status status-ok">Logo saved.</p>}
          </form>
        )}
      </div>
    </section>
  );
}
