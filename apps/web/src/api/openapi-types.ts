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
        header?: never;
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
        header?: never;
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
            "application/json": components["schemas"]["Catalog"];
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
        header?: never;
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
      /** @description the EvaluationResult (docs/evaluation-result.schema.json) */
      result: {
        [key: string]: unknown;
      };
    };
    NewEvaluation: {
      /** @description a deployment document as data (docs/deployment.schema.json); its price list inline under `prices` */
      deployment: {
        [key: string]: unknown;
      };
      customerId?: string;
    };
    Catalog: {
      [key: string]: unknown;
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
         * @description how many of those devices several staff share (kiosks, shift PCs)
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
       * @description how many of those devices several staff share (kiosks, shift PCs)
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
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
