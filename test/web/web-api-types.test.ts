import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { renderWebApiTypes, webApiTypesPath } from "../../apps/web/scripts/render-web-api-types.ts";

test("the web app's API types match the service's OpenAPI document (npm run web-api-types)", async () => {
  const stored = readFileSync(webApiTypesPath, "utf8");
  assert.ok(
    stored === (await renderWebApiTypes()),
    `${webApiTypesPath} is stale: run \`npm run web-api-types\` and commit it`,
  );
});
