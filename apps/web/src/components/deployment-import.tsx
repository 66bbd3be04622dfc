import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/api-client.ts";
import { FileImportField, type Refusal, refusalOf } from "./file-import-field.tsx";

/**
 * Import into the editor: a deployment file (YAML or JSON, the CLI's format) replaces it; an access CSV
 * (docs/deployment-import.md) adds its rows to it. The server reads the text (the browser parses no YAML);
 * a problem is shown with its line and column, and nothing changes until the file reads cleanly.
 */
export function DeploymentImport(props: {
  readonly customerId: string;
  readonly base: () => Record<string, unknown>;
  readonly onImported: (document: Record<string, unknown>, fileName: string) => void;
}) {
  const [refusal, setRefusal] = useState<Refusal>();
  const read = useMutation({
    mutationFn: async (file: File) => {
      const text = await file.text();
      const csv = file.name.toLowerCase().endsWith(".csv");
      return callApi("post", "/v1/customers/{id}/deployment-text", {
        params: { id: props.customerId },
        body: { fileName: file.name, text, ...(csv ? { base: props.base() } : {}) },
      });
    },
    onSuccess: (answer, file) => {
      setRefusal(undefined);
      props.onImported(answer.document, file.name);
    },
    onError: (error, file) => setRefusal(refusalOf(error, file)),
  });
  return (
    <FileImportField
      id="deployment-file"
      label="Import a file"
      hint="A deployment file (.yaml, .yml or .json, as the calwise command line reads) replaces what is below; an access CSV (columns user, device, server, service) adds its rows to it."
      accept=".yaml,.yml,.json,.csv,text/csv,application/json"
      pending={read.isPending}
      refusal={refusal}
      onFile={(file) => read.mutate(file)}
    />
  );
}
