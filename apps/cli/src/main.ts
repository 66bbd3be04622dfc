import { Command } from "commander";
import { registerAdviseCommand } from "./commands/advise-command.ts";
import { registerAuditCommand } from "./commands/audit-command.ts";
import { registerBackupCommand } from "./commands/backup-command.ts";
import { registerCatalogCommand } from "./commands/catalog-command.ts";
import { registerEvaluateCommand } from "./commands/evaluate-command.ts";
import { registerEventsCommand } from "./commands/events-command.ts";
import { registerQuoteCommand } from "./commands/quote-command.ts";
import { registerRestoreCommand } from "./commands/restore-command.ts";
import { registerSchemaCommand } from "./commands/schema-command.ts";
import { registerServeCommand } from "./commands/serve-command.ts";
import { registerUserAddCommand } from "./commands/user-add-command.ts";
import { runCommand } from "./run-command.ts";

const program = new Command()
  .name("calwise")
  .description(
    "Which Microsoft server CALs a deployment needs, the cheapest way to buy them, and whether it is compliant.",
  )
  .version("0.1.0")
  .showHelpAfterError();
registerEvaluateCommand(program);
registerCatalogCommand(program);
registerSchemaCommand(program);
registerEventsCommand(program);
registerAuditCommand(program);
registerAdviseCommand(program);
registerQuoteCommand(program);
registerServeCommand(program);
registerUserAddCommand(program);
registerBackupCommand(program);
registerRestoreCommand(program);

await runCommand(() => program.parseAsync(process.argv));
