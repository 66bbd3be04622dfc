import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { runWebFlows } from "./web-flows.ts";

const dataDir = mkdtempSync(join(tmpdir(), "calwise-web-sqlite-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));
runWebFlows("sqlite", () => dataDir);
