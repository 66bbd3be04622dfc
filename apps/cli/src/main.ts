import { Command } from "commander";
import { runCommand } from "./run-command.ts";

/**
 * Each command's module, in the order `calwise --help` lists them, loaded only when needed: a run of one
 * command loads that command's code alone (`calwise evaluate` neither loads the server, its database drivers
 * and schemas nor the audit's readers), and the bundle keeps each in a chunk of its own
 * (scripts/build-cli.mjs), so what is not loaded is not even compiled.
 */
const commandModules: Readonly<Record<string, () => Promise<(program: Command) => void>>> = {
  evaluate: async () => (await import("./commands/evaluate-command.ts")).registerEvaluateCommand,
  catalog: async () => (await import("./commands/catalog-command.ts")).registerCatalogCommand,
  schema: async () => (await import("./commands/schema-command.ts")).registerSchemaCommand,
  events: async () => (await import("./commands/events-command.ts")).registerEventsCommand,
  audit: async () => (await import("./commands/audit-command.ts")).registerAuditCommand,
  advise: async () => (await import("./commands/advise-command.ts")).registerAdviseCommand,
  quote: async () => (await import("./commands/quote-command.ts")).registerQuoteCommand,
  serve: async () => (await import("./commands/serve-command.ts")).registerServeCommand,
  user: async () => (await import("./commands/user-add-command.ts")).registerUserAddCommand,
  backup: async () => (await import("./commands/backup-command.ts")).registerBackupCommand,
  restore: async () => (await import("./commands/restore-command.ts")).registerRestoreCommand,
};

const program = new Command()
  .name("calwise")
  .description(
    "Which Microsoft server CALs a deployment needs, the cheapest way to buy them, and whether it is compliant.",
  )
  .version("0.1.0")
  .showHelpAfterError();

await runCommand(async () => {
  // The program has no options of its own but --help and --version, so a command runs only when it is the first
  // argument; anything else (help, a version, a mistyped command, which commander answers with its suggestion)
  // needs every command registered.
  // `--version` alone needs none: it is answered before any command would run.
  const named = process.argv[2];
  const load =
    named !== undefined && Object.hasOwn(commandModules, named)
      ? [commandModules[named]]
      : (named === "--version" || named === "-V") && process.argv.length === 3
        ? []
        : Object.values(commandModules);
  for (const register of await Promise.all(load.map((module) => module?.()))) register?.(program);
  await program.parseAsync(process.argv);
});
