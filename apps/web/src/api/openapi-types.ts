// Generated from /openapi.json by apps/web/scripts/generate-web-api-types.ts (npm run web-api-types): do not edit.
export interface paths {
  "/healthz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is alive */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description alive */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Health"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/readyz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The service can take requests (its store answers) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description ready */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Health"];
          };
        };
        /** @description not ready */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Health"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sign-in": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: start a session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SignIn"];
        };
      };
      responses: {
        /** @description signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SignedIn"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/invitations/accept": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation: set a password and sign in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AcceptInvitation"];
        };
      };
      responses: {
        /** @description the password is set and the user is signed in (a session, as sign-in opens) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SignedIn"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sign-out": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: end the session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/api-tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an API token (shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewApiToken"];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CreatedApiToken"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/api-tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the customers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              customers: components["schemas"]["Customer"][];
            };
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Create a customer */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CustomerFields"];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a customer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the customer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    /** Update a customer */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CustomerFields"];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    post?: never;
    /** Delete a customer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/evaluations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Evaluate a deployment and store the result */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewEvaluation"];
        };
      };
      responses: {
        /** @description evaluated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Evaluation"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/evaluations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a stored evaluation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the evaluation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Evaluation"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/catalog": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The catalog (read-only, versioned) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the catalog listing (docs/catalog.schema.json) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              catalogVersion: string;
              title: string;
              sources: {
                [key: string]: {
                  title: string;
                  url: string;
                  /** @enum {string} */
                  strength: "MS" | "3P";
                };
              };
              calFamilies: {
                id: string;
                name: string;
                versions: string[];
                types: ("user" | "device")[];
                additiveTo?: string;
                sources: string[];
              }[];
              externalConnectors: {
                id: string;
                name: string;
                family: string;
                versions: string[];
                sources: string[];
              }[];
              suites: {
                id: string;
                name: string;
                covers: string[];
                sources: string[];
              }[];
              products: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: "operating-system" | "application";
                version: string;
                licensing:
                  | {
                      /** @enum {string} */
                      kind: "per-server";
                      virtualInstancesPerLicence?: number | "unlimited";
                    }
                  | {
                      /** @enum {string} */
                      kind: "per-processor";
                      virtualInstancesPerLicence?: number | "unlimited";
                    }
                  | {
                      /** @enum {string} */
                      kind: "per-processor-pair";
                      virtualInstancesPerLicence: number | "unlimited";
                    }
                  | {
                      /** @enum {string} */
                      kind: "per-core";
                      minimumCoresPerProcessor: number;
                      minimumCoresPerServer: number;
                      coresPerPack: number;
                      virtualInstancesPerLicence: number | "unlimited";
                    };
                cals: {
                  family: string;
                  version: string;
                  assumption?: string;
                }[];
                includedCals?: {
                  family: string;
                  version: string;
                  quantity: number;
                }[];
                services?: {
                  [key: string]: {
                    family: string;
                    version: string;
                    assumption?: string;
                  }[];
                };
                limits?: {
                  users?:
                    | number
                    | {
                        assumption: string;
                      };
                  devices?:
                    | number
                    | {
                        assumption: string;
                      };
                  processors?:
                    | number
                    | {
                        assumption: string;
                      };
                  cores?:
                    | number
                    | {
                        assumption: string;
                      };
                  virtualMachines?:
                    | number
                    | {
                        assumption: string;
                      };
                };
                outgrowsTo?: string;
                notes?: string[];
                sources: string[];
              }[];
              rules: {
                id: string;
                /** @enum {string} */
                kind:
                  | "coverage"
                  | "exemption"
                  | "entitlement"
                  | "limit"
                  | "server-licence"
                  | "purchase"
                  | "assignment";
                text: string;
                sources: string[];
              }[];
              assumptions: {
                id: string;
                text: string;
                default: string | number | boolean;
                options: (string | number | boolean)[];
                sources: string[];
              }[];
              /** @enum {number} */
              schemaVersion: 1;
            };
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/evidence": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload evidence files for a customer and queue one audit of them all */
    post: {
      parameters: {
        query?: {
          /** @description the file's name, for a raw body (multipart parts carry their own) */
          fileName?: string;
          /** @description the customer's deployment whose newest revision is the owned estate (servers, owned CALs, prices) */
          deploymentId?: string;
        };
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
          "multipart/form-data": {
            /** @description one or more parts named file, each an evidence file with its filename */
            file: string | string[];
          };
        };
      };
      responses: {
        /** @description stored; the audit job is queued (or the first identical upload's answer) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EvidenceUploadAccepted"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the upload did not arrive in time (idle or total upload timeout) */
        408: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the body or upload is larger than allowed */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/evidence-files": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the evidence files uploaded for a customer, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the uploads, each with the customer's file name and its detected format */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CustomerUploads"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Store evidence files for a customer, to audit later (several together) */
    post: {
      parameters: {
        query?: {
          /** @description the file's name, for a raw body (multipart parts carry their own) */
          fileName?: string;
        };
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
          "multipart/form-data": {
            /** @description one or more parts named file, each an evidence file with its filename */
            file: string | string[];
          };
        };
      };
      responses: {
        /** @description stored (or the first identical upload's answer), each with its detected format */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CustomerUploads"] & {
              replayed: boolean;
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the upload did not arrive in time (idle or total upload timeout) */
        408: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the body or upload is larger than allowed */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/audits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a customer's stored audits, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the audits */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              audits: components["schemas"]["CustomerAudit"][];
            };
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Queue one audit over several of the customer's uploaded files */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AuditUploadsRequest"];
        };
      };
      responses: {
        /** @description the audit job is queued (or the first identical request's answer) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EvidenceUploadAccepted"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/jobs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a job's state and progress */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Job"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/jobs/{id}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow a job's progress as server-sent events */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description `event: job` lines with the Job as data, until it ends */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/event-stream": string;
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/audits/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a stored audit with its evidence trail */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the audit */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["StoredAudit"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/entitlements": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a customer's entitlements */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the entitlements, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EntitlementList"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Import a customer's entitlements from CSV (all rows or none) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        /** @description imported (or the first identical import's rows) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EntitlementList"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the body or upload is larger than allowed */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/entitlements/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete an entitlement entered by mistake, with the reason (owners) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["EntitlementDeletion"];
        };
      };
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/price-lists": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List price lists */
    get: {
      parameters: {
        query?: {
          /** @description only the lists valid on this day */
          validOn?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the price lists */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              priceLists: components["schemas"]["PriceList"][];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Store price lists (JSON, YAML or CSV, as the CLI reads them) */
    post: {
      parameters: {
        query?: {
          /** @description the file name problems and quotes name the list by (e.g. prices-2026h2.csv) */
          source?: string;
        };
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      /** @description the price list file: JSON, YAML or CSV (one row per SKU, see docs/quotes.md) */
      requestBody?: {
        content: {
          "application/json": {
            /** @default inline */
            name?: string;
            version?: string;
            currency: string;
            items: {
              sku: string;
              family?: string;
              externalConnector?: string;
              product?: string;
              suite?: string;
              version?: string;
              /** @enum {string} */
              type?: "user" | "device";
              /** @default 1 */
              packSize?: number;
              price: number;
              description?: string;
            }[];
            /** @description first day the prices apply (inclusive) */
            validFrom?: string;
            /** @description last day the prices apply (inclusive) */
            validTo?: string;
          };
          "application/yaml": string;
          "text/csv": string;
        };
      };
      responses: {
        /** @description stored, one record per list the file holds */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              priceLists: components["schemas"]["PriceList"][];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/price-lists/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a price list */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the price list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PriceList"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a price list no quote used */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/price-lists/{id}/retire": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a price list (end its validity) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            /** @description its last day (inclusive); today when absent */
            validTo?: string;
          };
        };
      };
      responses: {
        /** @description retired */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PriceList"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/quotes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List quotes */
    get: {
      parameters: {
        query?: {
          customerId?: string;
          status?: "draft" | "issued" | "accepted" | "declined" | "withdrawn";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the quotes, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              quotes: components["schemas"]["QuoteSummary"][];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Create a draft quote */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewQuote"];
        };
      };
      responses: {
        /** @description the draft */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Quote"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/quotes/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a quote */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the quote */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Quote"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    /** Change a draft quote */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewQuote"];
        };
      };
      responses: {
        /** @description the draft */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Quote"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/quotes/{id}/issue": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a draft quote (numbers it; immutable afterwards) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description issued */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Quote"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/quotes/{id}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an issued quote's outcome */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            status: "accepted" | "declined" | "withdrawn";
          };
        };
      };
      responses: {
        /** @description recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Quote"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/quotes/{id}/document": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a quote as PDF, Markdown or JSON */
    get: {
      parameters: {
        query?: {
          format?: "pdf" | "markdown" | "json";
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
            "text/markdown": string;
            "application/json": {
              /** @enum {number} */
              schemaVersion: 1;
              number: string | null;
              date: string;
              validUntil: string;
              locale: string;
              currency: string;
              seller: {
                name: string;
                contact?: string;
                /**
                 * @description address lines, printed as given
                 * @default []
                 */
                address: string[];
                email?: string;
                taxId?: string;
              } | null;
              customer: {
                name: string;
                contact?: string;
                /**
                 * @description address lines, printed as given
                 * @default []
                 */
                address: string[];
                email?: string;
                taxId?: string;
              };
              deployment: string;
              catalogVersion: string;
              priceList: {
                name: string;
                version: string | null;
                validFrom: string | null;
                validTo: string | null;
                /** @description the file it was read from, when an adapter read one */
                source: string | null;
              };
              lines: {
                /** @description 1-based number of a priced line; null for an informational line */
                position: number | null;
                /** @enum {string} */
                kind:
                  | "server-licence"
                  | "application-licence"
                  | "cal"
                  | "external-connector"
                  | "included-cals"
                  | "owned-cals"
                  | "covered-by-host";
                sku: string | null;
                description: string;
                /** @description why this line and how many: the rule's arithmetic, the CALs it covers */
                detail: string;
                /** @description packs or licences bought; for an informational line, the licences it stands for */
                quantity: number;
                /** @description units in one pack (CALs, 2-processor licences, 2-core packs) */
                packSize: number;
                unitPrice: number;
                /** @description quantity × unitPrice */
                amount: number;
                /** @description this line's share of every discount */
                discount: number;
                /** @description amount − discount */
                net: number;
                informational: boolean;
                subject: {
                  server?: string;
                  product?: string;
                  family?: string;
                  version?: string;
                  /**
                   * @description the CAL type; `either` for owned CALs of either type
                   * @enum {string}
                   */
                  type?: "user" | "device" | "either";
                };
                rule: string;
                sources: string[];
              }[];
              subtotal: number;
              discounts: {
                label: string;
                /** @enum {string} */
                appliesTo: "all" | "server-licences" | "cals";
                /** @description a percentage in basis points */
                basisPoints?: number;
                /** @description the in-scope net it was taken of (after the discounts before it) */
                base: number;
                /** @description the discount in minor units (positive; subtracted from the subtotal) */
                amount: number;
                /** @description per line, in line order: the share of this discount it carries (0 for lines out of scope) */
                allocation: number[];
                /** @enum {string} */
                rounding: "half-even" | "half-up" | "half-down" | "up" | "down";
              }[];
              discountTotal: number;
              total: number;
              /** @enum {string} */
              rounding: "half-even" | "half-up" | "half-down" | "up" | "down";
              omittedCals: {
                /** @enum {string} */
                reason: "already-owned" | "anonymous-only";
                server: string | null;
                statement: string;
                rule: string;
                sources: string[];
              }[];
              assumptions: {
                id: string;
                value: string | number | boolean;
                text: string;
                sources: string[];
              }[];
              notes: string[];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/advice": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Advise an edition for a customer profile */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AdviceRequest"];
        };
      };
      responses: {
        /** @description every edition evaluated, ranked by cost */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {number} */
              schemaVersion: 1;
              catalogVersion: string;
              profile: {
                /** @description internal users (employees, onsite contractors) */
                users: number;
                /** @description client devices in all; defaults to one per user */
                devices?: number;
                /**
                 * @description devices several users share (shift kiosks, terminals)
                 * @default 0
                 */
                sharedDevices: number;
                /**
                 * @description users with two personal devices or more
                 * @default 0
                 */
                usersWithSeveralDevices: number;
                /**
                 * @description authenticated people who are not employees
                 * @default 0
                 */
                externalUsers: number;
                /**
                 * @description an anonymous, unauthenticated web site
                 * @default false
                 */
                anonymousWeb: boolean;
                /** @default [] */
                needs: ("sql" | "remote-desktop")[];
                /** @default 1 */
                processors: number;
                coresPerProcessor?: number;
                /**
                 * @description virtual machines the server licence must cover
                 * @default 0
                 */
                virtualMachines: number;
                /**
                 * @description users expected to join, each with a personal device
                 * @default 0
                 */
                growth: number;
              };
              representativeDeployment: string[];
              currency: string | null;
              priceList: {
                name: string;
                version: string | null;
              } | null;
              /**
               * @description `total` when priced, else `cal-units` (CALs to buy, then licences)
               * @enum {string}
               */
              rankedBy: "total" | "cal-units";
              ranked: {
                product: string;
                name: string;
                /** @description how it is set up, e.g. "SQL Server 2012 Standard on the server" */
                configuration: string;
                licences: {
                  server: string;
                  product: string;
                  productName: string;
                  quantity: number;
                  /** @description what one licence is, in words: "2-processor licence", "2-core pack" */
                  unit: string;
                  explanation: string;
                  skus: {
                    sku: string;
                    count: number;
                    price: number;
                  }[];
                  /** @description minor units of `currency`; null when not priced */
                  cost: number | null;
                }[];
                cals: {
                  family: string;
                  name: string;
                  version: string;
                  /**
                   * @description the CAL type, or `connector` for an External Connector
                   * @enum {string}
                   */
                  type: "user" | "device" | "connector";
                  units: number;
                  skus: {
                    sku: string;
                    count: number;
                    price: number;
                  }[];
                  /** @description minor units of `currency`; null when not priced */
                  cost: number | null;
                }[];
                includedCals: {
                  family: string;
                  version: string;
                  quantity: number;
                  used: number;
                }[];
                /** @description CAL units to buy (the ranking key without prices) */
                calUnits: number;
                /** @description minor units of `currency`; null when not priced */
                licenceCost: number | null;
                /** @description minor units of `currency`; null when not priced */
                calCost: number | null;
                /** @description server licences + CALs and connectors to buy, in minor units; null when something is not priced */
                total: number | null;
                unpriced: string[];
                notes: string[];
              }[];
              ruledOut: {
                product: string;
                name: string;
                reasons: {
                  /** @enum {string} */
                  code:
                    | "EDITION_USER_LIMIT"
                    | "EDITION_DEVICE_LIMIT"
                    | "EDITION_PROCESSOR_LIMIT"
                    | "EDITION_CORE_LIMIT"
                    | "EDITION_VM_LIMIT"
                    | "CAL_SHORTFALL"
                    | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
                    | "SUITE_SPLIT"
                    | "PRICE_MISSING"
                    | "REASSIGNMENT_WITHIN_90_DAYS"
                    | "EDITION_SPECIAL_PURPOSE"
                    | "EDITION_VM_CAPACITY"
                    | "EDITION_CANNOT_COMBINE_NEEDS"
                    | "EDITION_LACKS_SQL"
                    | "EDITION_LACKS_REMOTE_DESKTOP";
                  message: string;
                  /** @description the catalog rule behind it, or null for a capability the catalog does not list */
                  rule: string | null;
                  sources: string[];
                }[];
              }[];
              growth: {
                fromUsers: number;
                toUsers: number;
                changes: {
                  users: number;
                  devices: number;
                  from: string | null;
                  to: string | null;
                  /** @description why: the rule-out of the edition that was best, or a cheaper option */
                  because: string;
                }[];
                /** @description per edition legal today: the last user count on the path it still serves (null: all of it) */
                editionsUntil: {
                  product: string;
                  lastUsers: number | null;
                  reason: string | null;
                }[];
              } | null;
              assumptions: {
                id: string;
                value: string | number | boolean;
                text: string;
                sources: string[];
              }[];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/deployments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a customer's deployments */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the deployments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              deployments: components["schemas"]["Deployment"][];
            };
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Save a customer's deployment (revision 1) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewDeployment"];
        };
      };
      responses: {
        /** @description saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              deployment: components["schemas"]["Deployment"];
              revision: components["schemas"]["DeploymentRevision"];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/deployments/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a deployment and its revision history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the deployment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DeploymentWithRevisions"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/deployments/{id}/revisions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Save a new revision of a deployment */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewRevision"];
        };
      };
      responses: {
        /** @description saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DeploymentRevision"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/deployments/{id}/revisions/{revision}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one revision of a deployment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          revision: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the revision */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DeploymentRevision"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/deployments/{id}/comparison": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compare two revisions of a deployment */
    get: {
      parameters: {
        query: {
          /** @description the earlier revision */
          from: number;
          /** @description the later revision; the latest when absent */
          to?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the comparison */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {number} */
              schemaVersion: 1;
              catalogVersion: string;
              /** @description the first document's name */
              before: string;
              /** @description the second document's name */
              after: string;
              servers: {
                added: string[];
                removed: string[];
                /** @description servers in both whose specification differs */
                changed: string[];
              };
              users: {
                added: string[];
                removed: string[];
              };
              devices: {
                added: string[];
                removed: string[];
              };
              /** @description after range expansion */
              accesses: {
                before: number;
                after: number;
              };
              /** @description every family, version and type needed before or after */
              cals: {
                family: string;
                name: string;
                version: string;
                /** @enum {string} */
                type: "user" | "device";
                before: {
                  required: number;
                  shortfall: number;
                };
                after: {
                  required: number;
                  shortfall: number;
                };
                /** @description after.required − before.required */
                change: number;
              }[];
              purchaseTotal: {
                currency: string | null;
                before: number | null;
                after: number | null;
              };
              compliant: {
                before: boolean;
                after: boolean;
              };
              findings: {
                /** @description findings of the second that the first did not have */
                added: {
                  /**
                   * @description stable finding code
                   * @enum {string}
                   */
                  code:
                    | "EDITION_USER_LIMIT"
                    | "EDITION_DEVICE_LIMIT"
                    | "EDITION_PROCESSOR_LIMIT"
                    | "EDITION_CORE_LIMIT"
                    | "EDITION_VM_LIMIT"
                    | "CAL_SHORTFALL"
                    | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
                    | "SUITE_SPLIT"
                    | "PRICE_MISSING"
                    | "REASSIGNMENT_WITHIN_90_DAYS";
                  /**
                   * @description `error` makes the deployment non-compliant; `warning` and `info` do not
                   * @enum {string}
                   */
                  severity: "error" | "warning" | "info";
                  message: string;
                  expected?: string | number;
                  received?: string | number;
                  /** @description what the finding is about: a server, a family, a licence */
                  subject?: {
                    [key: string]: string;
                  };
                  /** @description what would close it */
                  remedy?: string;
                  /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
                  remedyEditions?: {
                    product: string;
                    name: string;
                    rule: string;
                    sources: string[];
                  }[];
                  rule: string;
                  sources: string[];
                }[];
                /** @description findings of the first that the second no longer has */
                resolved: {
                  /**
                   * @description stable finding code
                   * @enum {string}
                   */
                  code:
                    | "EDITION_USER_LIMIT"
                    | "EDITION_DEVICE_LIMIT"
                    | "EDITION_PROCESSOR_LIMIT"
                    | "EDITION_CORE_LIMIT"
                    | "EDITION_VM_LIMIT"
                    | "CAL_SHORTFALL"
                    | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
                    | "SUITE_SPLIT"
                    | "PRICE_MISSING"
                    | "REASSIGNMENT_WITHIN_90_DAYS";
                  /**
                   * @description `error` makes the deployment non-compliant; `warning` and `info` do not
                   * @enum {string}
                   */
                  severity: "error" | "warning" | "info";
                  message: string;
                  expected?: string | number;
                  received?: string | number;
                  /** @description what the finding is about: a server, a family, a licence */
                  subject?: {
                    [key: string]: string;
                  };
                  /** @description what would close it */
                  remedy?: string;
                  /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
                  remedyEditions?: {
                    product: string;
                    name: string;
                    rule: string;
                    sources: string[];
                  }[];
                  rule: string;
                  sources: string[];
                }[];
              };
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/deployments/{id}/evaluations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Evaluate a stored revision and store its compliance position */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            /** @description the revision to evaluate; the latest when absent */
            revision?: number;
          };
        };
      };
      responses: {
        /** @description evaluated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Evaluation"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/position": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's current compliance position */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the position */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CompliancePosition"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/estate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's estate position: all deployments against the customer's entitlements */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the estate position */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CustomerEstate"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/deployment-text": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Read a deployment file (YAML, JSON or access CSV) into a deployment document */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["DeploymentText"];
        };
      };
      responses: {
        /** @description the deployment the text holds, checked against the catalog */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DeploymentRead"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users (owners) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the users */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              users: components["schemas"]["User"][];
            };
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Add or invite a user with a role (owners) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewUser"];
        };
      };
      responses: {
        /** @description added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["User"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}/role": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a user's role (owners) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RoleChange"];
        };
      };
      responses: {
        /** @description changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["User"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a user (owners) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}/invitation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a user to set a password (owners) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the invitation, shown once: hand the token to the user */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Invitation"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/point-of-sale": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a sale question (nothing stored) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SaleQuestion"];
        };
      };
      responses: {
        /** @description answered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SaleAnswer"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/advice/costs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Edition costs as a customer profile grows */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["EditionCostChartRequest"];
        };
      };
      responses: {
        /** @description each edition legal today, its cost at each point of the growth */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              catalogVersion: string;
              currency: string | null;
              priceList: {
                name: string;
                version: string | null;
              } | null;
              /** @enum {string} */
              rankedBy: "total" | "cal-units";
              /** @description the options legal today, cheapest first (the advice's ranking) */
              candidates: {
                product: string;
                name: string;
                configuration: string;
              }[];
              points: {
                /** @description the head counts as a percentage of today's (100 = today) */
                percent: number;
                users: number;
                devices: number;
                sharedDevices: number;
                /** @description one per candidate, in the candidates' order */
                costs: {
                  product: string;
                  configuration: string;
                  /** @description minor units of `currency`; null when not priced or ruled out */
                  licenceCost: number | null;
                  /** @description minor units of `currency`; null when not priced or ruled out */
                  calCost: number | null;
                  /** @description minor units of `currency`; null when not priced or ruled out */
                  total: number | null;
                  /** @description CAL units to buy; null when the edition is ruled out */
                  calUnits: number | null;
                  /** @description why the edition cannot serve this point (the engine's finding); null when it can */
                  ruledOut: string | null;
                }[];
              }[];
            };
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/exercises": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Draw a training exercise (generated, or one of the organisation's scenarios) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["NewTrainingExercise"];
        };
      };
      responses: {
        /** @description the exercise */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingExercise"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/answers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a training answer with the engine and record the attempt */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["TrainingAnswer"];
        };
      };
      responses: {
        /** @description the verdict (the attempt is recorded) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingVerdict"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/scores": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Training scores per agent (an owner: all agents; others: their own) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the scores, by agent name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingScores"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/scenarios": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the organisation's training scenarios */
    get: {
      parameters: {
        query?: {
          /** @description include the retired ones (default: only those in use) */
          retired?: "true" | "false";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the scenarios */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingScenarios"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    /** Add a training scenario of the organisation's own (owner) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description makes the request safe to retry: the same key and request again returns the first answer (with `Idempotent-Replayed: true`), creating nothing; the same key with another request is 409 */
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["NewTrainingScenario"];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingScenario"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description conflicts with the stored state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/scenarios/{id}/retire": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a training scenario (owner) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description retired */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingScenario"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/training/handout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Exercises with their answers, rules and sources, to print (owner) */
    get: {
      parameters: {
        query?: {
          /** @description how many generated exercises follow the organisation's own */
          count?: number | null;
        };
        header?: {
          /** @description today's date where the user is (YYYY-MM-DD; the web app sends the browser's): the price list in force and the dates of quotes are that day's. Accepted when it is today somewhere on Earth (UTC−12 to UTC+14); absent: the server's UTC date */
          "calwise-today"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the handout */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingHandout"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/dashboard": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sales figures per month: quotes, CAL attach rate, revenue CALs vs servers, training */
    get: {
      parameters: {
        query?: {
          /** @description first month (inclusive); default five months before `to` */
          from?: string;
          /** @description last month (inclusive); default this month */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SalesDashboard"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organisation/branding": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's name and logo details */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the branding */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["OrganisationBranding"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organisation/logo": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's logo (PNG or JPEG) */
    get: {
      parameters: {
        query?: {
          /** @description any value: a cache key */
          v?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the logo */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "image/png": string;
            "image/jpeg": string;
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description no such resource in your organisation */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    /** Replace the organisation's logo (owner; PNG or JPEG, at most 256 KiB) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "image/png": string;
          "image/jpeg": string;
        };
      };
      responses: {
        /** @description stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["OrganisationBranding"];
          };
        };
        /** @description invalid input (the problems name each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the role may not do this, or a signed-in write lacks its CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
        /** @description the body or upload is larger than allowed */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["ProblemDetails"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Health: {
      /** @enum {string} */
      status: "ok" | "unavailable";
    };
    SignedIn: {
      organisation: {
        id: string;
        slug: string;
        name: string;
      };
      user: {
        id: string;
        email: string;
        role: string;
        /** @description a customer account's own customer (the only one it may read); null for staff */
        customerId: string | null;
      };
      csrfToken: string;
      expiresAt: string;
    };
    ProblemDetails: {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
      requestId?: string;
      problems: components["schemas"]["InputProblem"][];
    };
    InputProblem: {
      code: string;
      path: string;
      message: string;
      expected?: string;
      received?: string;
      line?: number;
      column?: number;
    };
    SignIn: {
      /** @example example-reseller */
      organisation: string;
      email: string;
      password: string;
    };
    AcceptInvitation: {
      token: string;
      /** Format: email */
      email: string;
      password: string;
    };
    CreatedApiToken: {
      id: string;
      name: string;
      /** @description shown this once; send it as `Authorization: Bearer …` */
      token: string;
      createdAt: string;
    };
    NewApiToken: {
      name: string;
    };
    Customer: {
      id: string;
      name: string;
      reference: string | null;
      createdAt: string;
      updatedAt: string;
    };
    CustomerFields: {
      name: string;
      reference?: string | null;
    };
    Evaluation: {
      id: string;
      deploymentId: string;
      revision: number;
      catalogVersion: string;
      createdAt: string;
      /** @description the organisation's stored price list that priced it; null: none did (no list in force, the deployment's own prices, or stored before this was recorded) */
      priceListId: string | null;
      /** @description calwise evaluate --json */
      result: {
        /** @enum {number} */
        schemaVersion: 1;
        catalogVersion: string;
        deployment: string;
        /** @description false when any finding has severity error */
        compliant: boolean;
        currency: string | null;
        priceList: {
          name: string;
          version: string | null;
        } | null;
        serverLicences: {
          server: string;
          product: string;
          productName: string;
          quantity: number;
          /**
           * @description what one unit is: a server licence, a processor licence, a 2-processor licence or a 2-core pack
           * @enum {string}
           */
          unit: "server" | "processor" | "processor-pair" | "core-pack";
          /** @description licensed cores, for core licensing */
          cores?: number;
          explanation: string;
          rule: string;
          sources: string[];
        }[];
        families: {
          family: string;
          name: string;
          additiveTo?: string;
          holders: {
            id: string;
            /** @enum {string} */
            type: "user" | "device";
            /** @description the oldest CAL version that covers every access of this holder (a newer CAL also does) */
            version: string;
            servers: string[];
            /** @description indexes of the deployment's access records */
            accesses: number[];
          }[];
          required: {
            version: string;
            /** @enum {string} */
            type: "user" | "device";
            count: number;
            coveredByOwned: number;
            shortfall: number;
          }[];
          owned: {
            version: string;
            /** @enum {string} */
            type: "user" | "device" | "either";
            quantity: number;
            used: number;
            surplus: number;
            source: string;
          }[];
          externalConnectors: {
            server: string;
            connector: string;
            version: string;
            owned: boolean;
            chosen: boolean;
            price: number;
            externalUsers: number;
          }[];
          optimisation: {
            /** @enum {string} */
            exactness: "optimal" | "best-found";
            method: string;
            /** @description money paid for this family's CAL packs and External Connectors in minor units, or CALs to buy when unpriced */
            cost: number;
            /** @description proven: no cover and purchase costs less */
            lowerBound: number;
            /** @description cost − lowerBound: the most a better answer could save */
            gap: number;
            /** @description the gap as a percentage of cost: two decimals, below 0.01 two significant digits (0 only for no gap) */
            gapPercent: number;
            tieBreak: string;
            certificate: {
              nodes: number;
              arcs: number;
              /** @description max-flow value in scaled weights; equal to cutCapacity when minimal */
              maxFlow: number;
              cutCapacity: number;
              scale: number;
              verified: boolean;
              /** @description why the verifier rejected the certificate; empty when verified */
              problems: string[];
            };
          };
          rules: string[];
          sources: string[];
        }[];
        purchases: {
          /** @enum {string} */
          kind: "cal" | "external-connector";
          family: string;
          version: string;
          /** @enum {string} */
          type?: "user" | "device";
          connector?: string;
          server?: string;
          units: number;
          /** @description for a CAL line: the needs its units serve per version needed, oldest first; a CAL covers its own version and earlier ones, so a 2022 line may serve 2019 needs */
          serves?: {
            version: string;
            units: number;
          }[];
          packs: {
            sku: string;
            size: number;
            count: number;
            price: number;
          }[];
          /** @description total in minor units of `currency`, or null when the price list does not price it */
          cost: number | null;
          overbuy: number;
          reason: string;
          rule: string;
          sources: string[];
        }[];
        /** @description sum of the purchase lines in minor units, or null when unpriced */
        purchaseTotal: number | null;
        exemptions: {
          rule: string;
          sources: string[];
          server: string;
          who?: string;
          /** @description indexes of the deployment's access records */
          accesses: number[];
          explanation: string;
        }[];
        findings: {
          /**
           * @description stable finding code
           * @enum {string}
           */
          code:
            | "EDITION_USER_LIMIT"
            | "EDITION_DEVICE_LIMIT"
            | "EDITION_PROCESSOR_LIMIT"
            | "EDITION_CORE_LIMIT"
            | "EDITION_VM_LIMIT"
            | "CAL_SHORTFALL"
            | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
            | "SUITE_SPLIT"
            | "PRICE_MISSING"
            | "REASSIGNMENT_WITHIN_90_DAYS";
          /**
           * @description `error` makes the deployment non-compliant; `warning` and `info` do not
           * @enum {string}
           */
          severity: "error" | "warning" | "info";
          message: string;
          expected?: string | number;
          received?: string | number;
          /** @description what the finding is about: a server, a family, a licence */
          subject?: {
            [key: string]: string;
          };
          /** @description what would close it */
          remedy?: string;
          /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
          remedyEditions?: {
            product: string;
            name: string;
            rule: string;
            sources: string[];
          }[];
          rule: string;
          sources: string[];
        }[];
        assumptions: {
          id: string;
          value: string | number | boolean;
          text: string;
          sources: string[];
          default: string | number | boolean;
          overridden: boolean;
        }[];
      };
    };
    NewEvaluation: {
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, else the organisation's list in force today prices it */
      deployment: {
        [key: string]: unknown;
      };
      customerId?: string;
    };
    EvidenceUploadAccepted: {
      upload: components["schemas"]["EvidenceUpload"];
      /** @description every distinct file sent, in order */
      uploads: components["schemas"]["EvidenceUpload"][];
      job: components["schemas"]["Job"];
      replayed: boolean;
    };
    /** @description the first file (as before several) */
    EvidenceUpload: {
      id: string;
      fileName: string;
      sizeBytes: number;
      /** @description SHA-256 of the content, hex */
      contentHash: string;
      format: string;
      createdAt: string;
    };
    Job: {
      id: string;
      kind: string;
      customerId: string;
      /** @description the first file the audit reads */
      uploadId: string;
      /** @description every file the audit reads together, in the order given */
      uploadIds: string[];
      /** @enum {string} */
      state: "queued" | "running" | "succeeded" | "failed";
      progress: {
        done: number;
        total: number | null;
      };
      attempts: number;
      /** @description the stored audit (GET /v1/audits/{id}) once succeeded */
      auditId: string | null;
      /** @description problem details when the job failed */
      error: {
        [key: string]: unknown;
      } | null;
      createdAt: string;
      updatedAt: string;
    };
    CustomerUploads: {
      uploads: components["schemas"]["EvidenceUpload"][];
    };
    AuditUploadsRequest: {
      /** @description the customer's uploads (GET /v1/customers/{id}/evidence-files) to read together, in order */
      uploadIds: string[];
      /** @description the customer's deployment whose newest revision is the owned estate (servers, owned CALs, prices) */
      deploymentId?: string;
    };
    StoredAudit: {
      id: string;
      jobId: string | null;
      customerId: string | null;
      catalogVersion: string;
      createdAt: string;
      /** @description the AuditResult (docs/audit-result.schema.json) */
      result: {
        [key: string]: unknown;
      };
    };
    CustomerAudit: {
      /** @description the stored audit (GET /v1/audits/{id}) */
      id: string;
      createdAt: string;
      catalogVersion: string;
      /** @description the evidence files' names, as uploaded */
      files: string[];
      /** @description the deployment revision the evidence was held against (id null for audits stored before it was kept); null: the customer's entitlements alone */
      deployment: {
        id: string | null;
        name: string;
        revision: number | null;
      } | null;
      /** @description the audit's evaluation had no error finding */
      compliant: boolean;
      /** @description CALs short over every family and version (0 when compliant) */
      calsShort: number;
    };
    EntitlementList: {
      entitlements: components["schemas"]["Entitlement"][];
    };
    Entitlement: {
      id: string;
      customerId: string | null;
      /** @enum {string} */
      kind: "purchase" | "included";
      /** @enum {string} */
      licence: "family" | "suite" | "externalConnector";
      /** @description the catalog id of the CAL family, suite or connector */
      sku: string;
      version: string | null;
      /** @enum {string|null} */
      type: "user" | "device" | "either" | null;
      quantity: number;
      invoiceReference: string | null;
      acquiredOn: string | null;
      amountMinor: number | null;
      currency: string | null;
      createdAt: string;
    };
    EntitlementDeletion: {
      /**
       * @description why it goes (entered twice, wrong customer, returned…); kept in the audit log with what was deleted
       * @example entered twice: the same invoice INV-2025-0311
       */
      reason: string;
    };
    PriceList: {
      id: string;
      name: string;
      version: string | null;
      currency: string;
      /** @description first day it applies (YYYY-MM-DD, inclusive) */
      validFrom: string;
      /** @description last day it applies (inclusive); null while open-ended */
      validTo: string | null;
      /** @description how many SKUs it prices */
      items: number;
      /** @description the file name it was stored under (quotes name the list by it) */
      source: string | null;
      createdAt: string;
      document: {
        /** @default inline */
        name: string;
        version?: string;
        currency: string;
        items: {
          sku: string;
          family?: string;
          externalConnector?: string;
          product?: string;
          suite?: string;
          version?: string;
          /** @enum {string} */
          type?: "user" | "device";
          /** @default 1 */
          packSize: number;
          price: number;
          description?: string;
        }[];
        /** @description first day the prices apply (inclusive) */
        validFrom?: string;
        /** @description last day the prices apply (inclusive) */
        validTo?: string;
      };
    };
    QuoteSummary: {
      id: string;
      /** @enum {string} */
      status: "draft" | "issued" | "accepted" | "declined" | "withdrawn";
      /** @description 1, 2, … per organisation once issued */
      number: number | null;
      customerId: string | null;
      priceListId: string | null;
      currency: string;
      /** @description minor units of currency */
      total: number;
      createdAt: string;
      issuedAt: string | null;
      /** @description the customer's name as it is now (null for a quote of no customer, or of one deleted since) */
      customerName: string | null;
    };
    Quote: {
      id: string;
      /** @enum {string} */
      status: "draft" | "issued" | "accepted" | "declined" | "withdrawn";
      /** @description 1, 2, … per organisation once issued */
      number: number | null;
      customerId: string | null;
      priceListId: string | null;
      deployment: {
        id: string;
        revision: number;
      } | null;
      currency: string;
      /** @description minor units of currency */
      total: number;
      createdAt: string;
      issuedAt: string | null;
      request: components["schemas"]["NewQuote"];
      /** @description calwise quote --json */
      quote: {
        /** @enum {number} */
        schemaVersion: 1;
        number: string | null;
        date: string;
        validUntil: string;
        locale: string;
        currency: string;
        seller: {
          name: string;
          contact?: string;
          /**
           * @description address lines, printed as given
           * @default []
           */
          address: string[];
          email?: string;
          taxId?: string;
        } | null;
        customer: {
          name: string;
          contact?: string;
          /**
           * @description address lines, printed as given
           * @default []
           */
          address: string[];
          email?: string;
          taxId?: string;
        };
        deployment: string;
        catalogVersion: string;
        priceList: {
          name: string;
          version: string | null;
          validFrom: string | null;
          validTo: string | null;
          /** @description the file it was read from, when an adapter read one */
          source: string | null;
        };
        lines: {
          /** @description 1-based number of a priced line; null for an informational line */
          position: number | null;
          /** @enum {string} */
          kind:
            | "server-licence"
            | "application-licence"
            | "cal"
            | "external-connector"
            | "included-cals"
            | "owned-cals"
            | "covered-by-host";
          sku: string | null;
          description: string;
          /** @description why this line and how many: the rule's arithmetic, the CALs it covers */
          detail: string;
          /** @description packs or licences bought; for an informational line, the licences it stands for */
          quantity: number;
          /** @description units in one pack (CALs, 2-processor licences, 2-core packs) */
          packSize: number;
          unitPrice: number;
          /** @description quantity × unitPrice */
          amount: number;
          /** @description this line's share of every discount */
          discount: number;
          /** @description amount − discount */
          net: number;
          informational: boolean;
          subject: {
            server?: string;
            product?: string;
            family?: string;
            version?: string;
            /**
             * @description the CAL type; `either` for owned CALs of either type
             * @enum {string}
             */
            type?: "user" | "device" | "either";
          };
          rule: string;
          sources: string[];
        }[];
        subtotal: number;
        discounts: {
          label: string;
          /** @enum {string} */
          appliesTo: "all" | "server-licences" | "cals";
          /** @description a percentage in basis points */
          basisPoints?: number;
          /** @description the in-scope net it was taken of (after the discounts before it) */
          base: number;
          /** @description the discount in minor units (positive; subtracted from the subtotal) */
          amount: number;
          /** @description per line, in line order: the share of this discount it carries (0 for lines out of scope) */
          allocation: number[];
          /** @enum {string} */
          rounding: "half-even" | "half-up" | "half-down" | "up" | "down";
        }[];
        discountTotal: number;
        total: number;
        /** @enum {string} */
        rounding: "half-even" | "half-up" | "half-down" | "up" | "down";
        omittedCals: {
          /** @enum {string} */
          reason: "already-owned" | "anonymous-only";
          server: string | null;
          statement: string;
          rule: string;
          sources: string[];
        }[];
        assumptions: {
          id: string;
          value: string | number | boolean;
          text: string;
          sources: string[];
        }[];
        notes: string[];
      };
    };
    NewQuote: {
      customerId: string;
      /** @description a deployment document inline (docs/deployment.schema.json); or name a stored one with deploymentId */
      deployment?: {
        [key: string]: unknown;
      };
      deploymentId?: string;
      /** @description the stored deployment's revision; its latest when absent */
      revision?: number;
      /** @description the price list to use; when absent, the organisation's list valid on the quote date in its currency */
      priceListId?: string;
      terms: {
        /**
         * @default 1
         * @enum {number}
         */
        schemaVersion: 1;
        /** @description the quote number */
        number?: string;
        /** @description the quote date; picks the price list (today when absent) */
        date?: string;
        validUntil?: string;
        /**
         * @description when validUntil is absent
         * @default 30
         */
        validForDays: number;
        /**
         * @description how amounts are written, e.g. pl-PL, de-DE
         * @default en-GB
         */
        locale: string;
        currency: string;
        seller?: {
          name: string;
          contact?: string;
          /**
           * @description address lines, printed as given
           * @default []
           */
          address: string[];
          email?: string;
          taxId?: string;
        };
        /** @description the customer as the quote prints it; the customer record's name when absent */
        customer?: {
          name: string;
          contact?: string;
          /**
           * @description address lines, printed as given
           * @default []
           */
          address: string[];
          email?: string;
          taxId?: string;
        };
        /**
         * @default half-even
         * @enum {string}
         */
        rounding: "half-even" | "half-up" | "half-down" | "up" | "down";
        /** @default [] */
        discounts: {
          label: string;
          /** @description a percentage with at most two decimals, e.g. 7.5 */
          percent?: number | string;
          /** @description a fixed amount in minor units */
          amount?: number;
          /**
           * @default all
           * @enum {string}
           */
          appliesTo: "all" | "server-licences" | "cals";
        }[];
        /** @default [] */
        omittedCals: (
          | {
              /** @enum {string} */
              reason: "already-owned";
              /** @description the server this explains; all servers needing the family if absent */
              server?: string;
              /** @description a CAL family id from `calwise catalog` */
              family: string;
              version: string;
              /** @enum {string} */
              type: "user" | "device" | "either";
              quantity: number;
              /** @description where they come from: agreement, invoice */
              note?: string;
            }
          | {
              /** @enum {string} */
              reason: "anonymous-only";
              server: string;
              /** @description what the anonymous access is */
              note?: string;
            }
        )[];
        /** @default [] */
        notes: string[];
      };
    };
    AdviceRequest: {
      profile: {
        /** @description internal users (employees, onsite contractors) */
        users: number;
        /** @description client devices in all; defaults to one per user */
        devices?: number;
        /**
         * @description devices several users share (shift kiosks, terminals)
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description users with two personal devices or more
         * @default 0
         */
        usersWithSeveralDevices: number;
        /**
         * @description authenticated people who are not employees
         * @default 0
         */
        externalUsers: number;
        /**
         * @description an anonymous, unauthenticated web site
         * @default false
         */
        anonymousWeb: boolean;
        /** @default [] */
        needs: ("sql" | "remote-desktop")[];
        /** @default 1 */
        processors: number;
        coresPerProcessor?: number;
        /**
         * @description virtual machines the server licence must cover
         * @default 0
         */
        virtualMachines: number;
        /**
         * @description users expected to join, each with a personal device
         * @default 0
         */
        growth: number;
      };
      /** @description the day whose prices apply (today when absent) */
      date?: string;
      /** @description the currency, when lists in several currencies are valid on the date */
      currency?: string;
      /** @description price with this list only; by default the organisation's list valid on the date */
      priceListId?: string;
      /**
       * @description rank by CALs to buy, with no price list (as `calwise advise` without --price-list)
       * @default false
       */
      unpriced: boolean;
    };
    Deployment: {
      id: string;
      customerId: string | null;
      name: string;
      latestRevision: number;
      createdAt: string;
      updatedAt: string;
    };
    DeploymentRevision: {
      deploymentId: string;
      revision: number;
      createdAt: string;
      createdBy: string | null;
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, never a file */
      document: {
        [key: string]: unknown;
      };
    };
    NewDeployment: {
      /** @description the document's own name when absent */
      name?: string;
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, never a file */
      document: {
        [key: string]: unknown;
      };
    };
    DeploymentWithRevisions: components["schemas"]["Deployment"] & {
      revisions: {
        revision: number;
        createdAt: string;
        createdBy: string | null;
      }[];
    };
    NewRevision: {
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, never a file */
      document: {
        [key: string]: unknown;
      };
    };
    CompliancePosition: {
      customerId: string;
      /** @description the catalog the service runs now */
      catalogVersion: string;
      /** @description every deployment's newest evaluation is compliant; false when one is not; otherwise null when one has none */
      compliant: boolean | null;
      /** @description the organisation's price list in force today (Calwise-Today) */
      priceListInForce: {
        id: string;
        name: string;
      } | null;
      deployments: {
        deploymentId: string;
        name: string;
        latestRevision: number;
        evaluation: {
          id: string;
          revision: number;
          catalogVersion: string;
          createdAt: string;
          compliant: boolean;
          /** @description the list that priced it; null: not priced */
          priceList: {
            name: string;
            version: string | null;
          } | null;
          currency: string | null;
          purchaseTotal: number | null;
        } | null;
        /** @description the evaluation is of the latest revision with the catalog the service runs now, priced at the list in force today (else evaluate again) */
        current: boolean;
        /**
         * @description why it is not current (the first that applies): never checked, a newer revision, another catalog, or priced at a list that is no longer the one in force (none then, or a list added since); null: current
         * @enum {string|null}
         */
        staleReason: "unchecked" | "revision" | "catalog" | "price-list" | null;
      }[];
    };
    CustomerEstate: {
      customerId: string;
      /** @description the customer's entitlement rows (imported purchases) */
      entitlements: number;
      /** @description every deployment's latest revision checked together against the entitlements; null: no deployment yet */
      position: {
        customer: string;
        /** @description the estate as a whole needs no CAL it does not own, and breaks no limit */
        compliant: boolean;
        /** @description CALs short over every family, version and type */
        shortfall: number;
        currency: string | null;
        /** @description what closing the shortfall costs (minor units); null: unpriced */
        purchaseTotal: number | null;
        deployments: {
          name: string;
          revision: number | null;
          servers: number;
          /** @description named: matched across deployments; counted: given as a range */
          users: {
            named: number;
            counted: number;
          };
          devices: {
            named: number;
            counted: number;
          };
        }[];
        people: {
          /** @description distinct users the estate counts */
          users: number;
          devices: number;
          /** @description named in more than one deployment: one CAL each */
          namedInSeveral: {
            users: number;
            devices: number;
          };
          /** @description given only as counts: summed over the deployments */
          summed: {
            users: number;
            devices: number;
          };
        };
        lines: {
          family: string;
          name: string;
          version: string;
          /** @enum {string} */
          type: "user" | "device";
          required: number;
          coveredByOwned: number;
          shortfall: number;
          rules: string[];
          sources: string[];
        }[];
        /** @description the customer's entitlements and the CALs included with its servers, as counted */
        owned: {
          family: string;
          version: string;
          /** @enum {string} */
          type: "user" | "device" | "either";
          quantity: number;
          used: number;
          surplus: number;
          /** @description the invoice (or what the CALs came with) */
          source: string;
        }[];
        counting: {
          rule: string;
          text: string;
          sources: string[];
        }[];
        /** @description CALs typed on a deployment: its own check counts them, the estate does not */
        notCounted: {
          deployment: string;
          licence: string;
          version: string | null;
          /** @enum {string|null} */
          type: "user" | "device" | "either" | null;
          quantity: number;
          source: string | null;
        }[];
        findings: {
          /**
           * @description stable finding code
           * @enum {string}
           */
          code:
            | "EDITION_USER_LIMIT"
            | "EDITION_DEVICE_LIMIT"
            | "EDITION_PROCESSOR_LIMIT"
            | "EDITION_CORE_LIMIT"
            | "EDITION_VM_LIMIT"
            | "CAL_SHORTFALL"
            | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
            | "SUITE_SPLIT"
            | "PRICE_MISSING"
            | "REASSIGNMENT_WITHIN_90_DAYS";
          /**
           * @description `error` makes the deployment non-compliant; `warning` and `info` do not
           * @enum {string}
           */
          severity: "error" | "warning" | "info";
          message: string;
          expected?: string | number;
          received?: string | number;
          /** @description what the finding is about: a server, a family, a licence */
          subject?: {
            [key: string]: string;
          };
          /** @description what would close it */
          remedy?: string;
          /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
          remedyEditions?: {
            product: string;
            name: string;
            rule: string;
            sources: string[];
          }[];
          rule: string;
          sources: string[];
        }[];
        /** @description calwise evaluate --json */
        result: {
          /** @enum {number} */
          schemaVersion: 1;
          catalogVersion: string;
          deployment: string;
          /** @description false when any finding has severity error */
          compliant: boolean;
          currency: string | null;
          priceList: {
            name: string;
            version: string | null;
          } | null;
          serverLicences: {
            server: string;
            product: string;
            productName: string;
            quantity: number;
            /**
             * @description what one unit is: a server licence, a processor licence, a 2-processor licence or a 2-core pack
             * @enum {string}
             */
            unit: "server" | "processor" | "processor-pair" | "core-pack";
            /** @description licensed cores, for core licensing */
            cores?: number;
            explanation: string;
            rule: string;
            sources: string[];
          }[];
          families: {
            family: string;
            name: string;
            additiveTo?: string;
            holders: {
              id: string;
              /** @enum {string} */
              type: "user" | "device";
              /** @description the oldest CAL version that covers every access of this holder (a newer CAL also does) */
              version: string;
              servers: string[];
              /** @description indexes of the deployment's access records */
              accesses: number[];
            }[];
            required: {
              version: string;
              /** @enum {string} */
              type: "user" | "device";
              count: number;
              coveredByOwned: number;
              shortfall: number;
            }[];
            owned: {
              version: string;
              /** @enum {string} */
              type: "user" | "device" | "either";
              quantity: number;
              used: number;
              surplus: number;
              source: string;
            }[];
            externalConnectors: {
              server: string;
              connector: string;
              version: string;
              owned: boolean;
              chosen: boolean;
              price: number;
              externalUsers: number;
            }[];
            optimisation: {
              /** @enum {string} */
              exactness: "optimal" | "best-found";
              method: string;
              /** @description money paid for this family's CAL packs and External Connectors in minor units, or CALs to buy when unpriced */
              cost: number;
              /** @description proven: no cover and purchase costs less */
              lowerBound: number;
              /** @description cost − lowerBound: the most a better answer could save */
              gap: number;
              /** @description the gap as a percentage of cost: two decimals, below 0.01 two significant digits (0 only for no gap) */
              gapPercent: number;
              tieBreak: string;
              certificate: {
                nodes: number;
                arcs: number;
                /** @description max-flow value in scaled weights; equal to cutCapacity when minimal */
                maxFlow: number;
                cutCapacity: number;
                scale: number;
                verified: boolean;
                /** @description why the verifier rejected the certificate; empty when verified */
                problems: string[];
              };
            };
            rules: string[];
            sources: string[];
          }[];
          purchases: {
            /** @enum {string} */
            kind: "cal" | "external-connector";
            family: string;
            version: string;
            /** @enum {string} */
            type?: "user" | "device";
            connector?: string;
            server?: string;
            units: number;
            /** @description for a CAL line: the needs its units serve per version needed, oldest first; a CAL covers its own version and earlier ones, so a 2022 line may serve 2019 needs */
            serves?: {
              version: string;
              units: number;
            }[];
            packs: {
              sku: string;
              size: number;
              count: number;
              price: number;
            }[];
            /** @description total in minor units of `currency`, or null when the price list does not price it */
            cost: number | null;
            overbuy: number;
            reason: string;
            rule: string;
            sources: string[];
          }[];
          /** @description sum of the purchase lines in minor units, or null when unpriced */
          purchaseTotal: number | null;
          exemptions: {
            rule: string;
            sources: string[];
            server: string;
            who?: string;
            /** @description indexes of the deployment's access records */
            accesses: number[];
            explanation: string;
          }[];
          findings: {
            /**
             * @description stable finding code
             * @enum {string}
             */
            code:
              | "EDITION_USER_LIMIT"
              | "EDITION_DEVICE_LIMIT"
              | "EDITION_PROCESSOR_LIMIT"
              | "EDITION_CORE_LIMIT"
              | "EDITION_VM_LIMIT"
              | "CAL_SHORTFALL"
              | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
              | "SUITE_SPLIT"
              | "PRICE_MISSING"
              | "REASSIGNMENT_WITHIN_90_DAYS";
            /**
             * @description `error` makes the deployment non-compliant; `warning` and `info` do not
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            message: string;
            expected?: string | number;
            received?: string | number;
            /** @description what the finding is about: a server, a family, a licence */
            subject?: {
              [key: string]: string;
            };
            /** @description what would close it */
            remedy?: string;
            /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
            remedyEditions?: {
              product: string;
              name: string;
              rule: string;
              sources: string[];
            }[];
            rule: string;
            sources: string[];
          }[];
          assumptions: {
            id: string;
            value: string | number | boolean;
            text: string;
            sources: string[];
            default: string | number | boolean;
            overridden: boolean;
          }[];
        };
      } | null;
    };
    DeploymentRead: {
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, never a file */
      document: {
        [key: string]: unknown;
      };
    };
    DeploymentText: {
      /** @description the file's name: `.csv` reads an access CSV (docs/deployment-import.md), anything else YAML or JSON */
      fileName: string;
      /** @description the file's text (the body is at most 1 MiB) */
      text: string;
      /** @description for an access CSV: the deployment its rows are added to */
      base?: {
        [key: string]: unknown;
      };
    };
    User: {
      id: string;
      email: string;
      displayName: string;
      /**
       * @description owner: everything, users included; sales: customers, price lists, quotes; auditor: reads and evaluates; customer: reads its own customer's records
       * @enum {string}
       */
      role: "owner" | "sales" | "auditor" | "customer";
      customerId: string | null;
      hasPassword: boolean;
      /** @description an invitation to set a password is open */
      invited: boolean;
      createdAt: string;
      disabledAt: string | null;
    };
    NewUser: {
      /** Format: email */
      email: string;
      displayName?: string;
      /**
       * @description owner: everything, users included; sales: customers, price lists, quotes; auditor: reads and evaluates; customer: reads its own customer's records
       * @enum {string}
       */
      role: "owner" | "sales" | "auditor" | "customer";
      /** @description the customer a customer user reads; required for that role, refused for others */
      customerId?: string;
      /** @description a first password (at least 12 characters); without one, invite the user (POST /v1/users/{id}/invitation) */
      password?: string;
    };
    RoleChange: {
      /**
       * @description owner: everything, users included; sales: customers, price lists, quotes; auditor: reads and evaluates; customer: reads its own customer's records
       * @enum {string}
       */
      role: "owner" | "sales" | "auditor" | "customer";
      customerId?: string;
    };
    Invitation: {
      token: string;
      expiresAt: string;
      /** @description where the user sends it with a password */
      accept: string;
    };
    SaleAnswer: {
      question: {
        /** @description the Windows Server edition sold (a catalog product id) */
        product: string;
        /** @description staff who connect to the server */
        users: number;
        /** @description devices that connect to it */
        devices: number;
        /**
         * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description staff use Remote Desktop Services on it
         * @default false
         */
        rds: boolean;
        /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
        sqlProduct?: string;
      };
      cals: {
        family: string;
        name: string;
        version: string;
        /** @enum {string} */
        type: "user" | "device";
        count: number;
      }[];
      /** @description one plain sentence an agent can say to the customer */
      sentence: string;
      editionWarnings: {
        /**
         * @description stable finding code
         * @enum {string}
         */
        code:
          | "EDITION_USER_LIMIT"
          | "EDITION_DEVICE_LIMIT"
          | "EDITION_PROCESSOR_LIMIT"
          | "EDITION_CORE_LIMIT"
          | "EDITION_VM_LIMIT"
          | "CAL_SHORTFALL"
          | "EXTERNAL_CONNECTOR_INTERNAL_USERS"
          | "SUITE_SPLIT"
          | "PRICE_MISSING"
          | "REASSIGNMENT_WITHIN_90_DAYS";
        /**
         * @description `error` makes the deployment non-compliant; `warning` and `info` do not
         * @enum {string}
         */
        severity: "error" | "warning" | "info";
        message: string;
        expected?: string | number;
        received?: string | number;
        /** @description what the finding is about: a server, a family, a licence */
        subject?: {
          [key: string]: string;
        };
        /** @description what would close it */
        remedy?: string;
        /** @description for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can */
        remedyEditions?: {
          product: string;
          name: string;
          rule: string;
          sources: string[];
        }[];
        rule: string;
        sources: string[];
      }[];
      compliant: boolean;
      currency: string | null;
      priceList: {
        name: string;
        version: string | null;
      } | null;
      purchases: {
        /** @enum {string} */
        kind: "cal" | "external-connector";
        family: string;
        version: string;
        /** @enum {string} */
        type?: "user" | "device";
        connector?: string;
        server?: string;
        units: number;
        /** @description for a CAL line: the needs its units serve per version needed, oldest first; a CAL covers its own version and earlier ones, so a 2022 line may serve 2019 needs */
        serves?: {
          version: string;
          units: number;
        }[];
        packs: {
          sku: string;
          size: number;
          count: number;
          price: number;
        }[];
        /** @description total in minor units of `currency`, or null when the price list does not price it */
        cost: number | null;
        overbuy: number;
        reason: string;
        rule: string;
        sources: string[];
      }[];
      purchaseTotal: number | null;
      /** @description the deployment document the question stands for */
      deployment: {
        [key: string]: unknown;
      };
    };
    SaleQuestion: {
      /** @description the Windows Server edition sold (a catalog product id) */
      product: string;
      /** @description staff who connect to the server */
      users: number;
      /** @description devices that connect to it */
      devices: number;
      /**
       * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
       * @default 0
       */
      sharedDevices: number;
      /**
       * @description staff use Remote Desktop Services on it
       * @default false
       */
      rds: boolean;
      /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
      sqlProduct?: string;
      /** @description a price list as data; without one, the organisation's list valid today (if any) prices the packs */
      prices?: {
        /** @default inline */
        name: string;
        version?: string;
        currency: string;
        items: {
          sku: string;
          family?: string;
          externalConnector?: string;
          product?: string;
          suite?: string;
          version?: string;
          /** @enum {string} */
          type?: "user" | "device";
          /** @default 1 */
          packSize: number;
          price: number;
          description?: string;
        }[];
      };
    };
    EditionCostChartRequest: components["schemas"]["AdviceRequest"] & {
      growth?: {
        /**
         * @description the last point's head counts as a percentage of today's
         * @default 300
         */
        upToPercent: number;
        /**
         * @description points from today to the last
         * @default 5
         */
        points: number;
      };
    };
    TrainingExercise: {
      /** @enum {string} */
      kind: "seed" | "scenario";
      /** @description the seed a generated exercise comes from */
      seed: number | null;
      /** @description the organisation's scenario it asks */
      scenarioId: string | null;
      title: string | null;
      note: string | null;
      question: {
        /** @description the Windows Server edition sold (a catalog product id) */
        product: string;
        /** @description staff who connect to the server */
        users: number;
        /** @description devices that connect to it */
        devices: number;
        /**
         * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description staff use Remote Desktop Services on it
         * @default false
         */
        rds: boolean;
        /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
        sqlProduct?: string;
      };
      prompt: string;
    };
    NewTrainingExercise: {
      /** @description the same seed gives the same exercise; random when absent */
      seed?: number;
      /**
       * @description generated by the engine, the organisation's own scenarios, or either (each scenario and the engine drawn alike)
       * @default any
       * @enum {string}
       */
      source: "generated" | "organisation" | "any";
    };
    TrainingVerdict: {
      correct: boolean;
      expected: {
        family: string;
        name: string;
        /** @enum {string} */
        type: "user" | "device";
        count: number;
      }[];
      sentence: string;
      rules: string[];
      sources: string[];
    };
    TrainingAnswer: {
      /** @description the question answered; with a seed or scenario, the one they name is checked */
      question?: {
        /** @description the Windows Server edition sold (a catalog product id) */
        product: string;
        /** @description staff who connect to the server */
        users: number;
        /** @description devices that connect to it */
        devices: number;
        /**
         * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description staff use Remote Desktop Services on it
         * @default false
         */
        rds: boolean;
        /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
        sqlProduct?: string;
      };
      /** @description the generated exercise answered */
      seed?: number;
      /** @description the organisation's scenario */
      scenarioId?: string;
      cals: {
        family: string;
        /** @enum {string} */
        type: "user" | "device";
        count: number;
      }[];
    };
    TrainingScores: {
      scores: components["schemas"]["TrainingScore"][];
    };
    TrainingScore: {
      userId: string;
      name: string;
      email: string;
      attempts: number;
      right: number;
      /** @description right / attempts in basis points (10000 = all right), half up */
      rateBasisPoints: number;
      lastAttemptAt: string;
    };
    TrainingScenarios: {
      scenarios: components["schemas"]["TrainingScenario"][];
    };
    TrainingScenario: {
      id: string;
      title: string;
      question: {
        /** @description the Windows Server edition sold (a catalog product id) */
        product: string;
        /** @description staff who connect to the server */
        users: number;
        /** @description devices that connect to it */
        devices: number;
        /**
         * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description staff use Remote Desktop Services on it
         * @default false
         */
        rds: boolean;
        /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
        sqlProduct?: string;
      };
      note: string | null;
      createdAt: string;
      /** @description when it stopped being drawn; null while in use */
      retiredAt: string | null;
    };
    NewTrainingScenario: {
      title: string;
      question: {
        /** @description the Windows Server edition sold (a catalog product id) */
        product: string;
        /** @description staff who connect to the server */
        users: number;
        /** @description devices that connect to it */
        devices: number;
        /**
         * @description how many of those devices any member of staff may use (kiosks, the till, shift PCs): each is counted as used by every member of staff
         * @default 0
         */
        sharedDevices: number;
        /**
         * @description staff use Remote Desktop Services on it
         * @default false
         */
        rds: boolean;
        /** @description a SQL Server edition (Server + CAL) running on it that everyone uses */
        sqlProduct?: string;
      };
      note?: string;
    };
    TrainingHandout: {
      organisation: {
        name: string;
      };
      /** @description whether the organisation has a logo (GET /v1/organisation/logo) */
      logo: boolean;
      /** @description the price list in force the answers are the cheapest at; null: the fewest CALs */
      priceList: string | null;
      exercises: {
        /** @description the scenario's id, or seed-N for a generated exercise */
        id: string;
        title: string | null;
        prompt: string;
        note: string | null;
        answer: {
          family: string;
          name: string;
          /** @enum {string} */
          type: "user" | "device";
          count: number;
        }[];
        sentence: string;
        rules: {
          id: string;
          text: string;
        }[];
        sources: {
          id: string;
          title: string;
          url: string;
        }[];
      }[];
    };
    SalesDashboard: {
      from: string;
      to: string;
      months: {
        /** @description quotes created in the month */
        created: number;
        /** @description the quotes created in the month, by the status they have now */
        byStatus: {
          draft: number;
          issued: number;
          accepted: number;
          declined: number;
          withdrawn: number;
        };
        /** @description quotes issued in the month, whatever their status now */
        issued: number;
        /** @description quotes created in the month that sell a server whose edition needs CALs (or record why CALs are left out) */
        calServerQuotes: number;
        /** @description of those, quotes that buy CALs or an External Connector and leave no CALs out with a recorded reason */
        calsAttached: number;
        /** @description calsAttached / calServerQuotes in basis points (10000 = 100 %), half up; null: no such quote */
        attachRateBasisPoints: number | null;
        /** @description quotes issued in the month that are issued or accepted now, per currency (never added across currencies) */
        revenue: {
          currency: string;
          /** @description net of CAL and External Connector lines, integer minor units */
          calsMinor: number;
          /** @description net of server licence lines */
          serversMinor: number;
          /** @description net of the other priced lines (application licences) */
          otherMinor: number;
        }[];
        month: string;
      }[];
      totals: {
        /** @description quotes created in the month */
        created: number;
        /** @description the quotes created in the month, by the status they have now */
        byStatus: {
          draft: number;
          issued: number;
          accepted: number;
          declined: number;
          withdrawn: number;
        };
        /** @description quotes issued in the month, whatever their status now */
        issued: number;
        /** @description quotes created in the month that sell a server whose edition needs CALs (or record why CALs are left out) */
        calServerQuotes: number;
        /** @description of those, quotes that buy CALs or an External Connector and leave no CALs out with a recorded reason */
        calsAttached: number;
        /** @description calsAttached / calServerQuotes in basis points (10000 = 100 %), half up; null: no such quote */
        attachRateBasisPoints: number | null;
        /** @description quotes issued in the month that are issued or accepted now, per currency (never added across currencies) */
        revenue: {
          currency: string;
          /** @description net of CAL and External Connector lines, integer minor units */
          calsMinor: number;
          /** @description net of server licence lines */
          serversMinor: number;
          /** @description net of the other priced lines (application licences) */
          otherMinor: number;
        }[];
      };
      /** @description training attempts in the period per agent (an owner: all; others: their own) */
      training: components["schemas"]["TrainingScore"][];
    };
    OrganisationBranding: {
      name: string;
      logo: {
        /** @enum {string} */
        mediaType: "image/png" | "image/jpeg";
        sizeBytes: number;
        updatedAt: string;
        /** @description where to read it (changes when the logo does) */
        url: string;
      } | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
