// Writes apps/web/src/api/openapi-types.ts from the service's OpenAPI document (npm run web-api-types).
import { writeFileSync } from "node:fs";
import { renderWebApiTypes, webApiTypesPath } from "./render-web-api-types.ts";

writeFileSync(webApiTypesPath, await renderWebApiTypes());
console.log(`wrote ${webApiTypesPath}`);
