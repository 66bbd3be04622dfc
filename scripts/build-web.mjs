// Builds the web app (apps/web) into apps/web/dist, which `calwise serve` serves at `/`.
// Runs on `npm install`/`npm ci` (the root `prepare` script, after the CLI bundle).
import { build } from "vite";

await build({ configFile: "apps/web/vite.config.ts", logLevel: "warn" });
