import { CalwiseError } from "@calwise/core";
import { hashPassword, minimumPasswordLength, slugOf } from "@calwise/http-api";
import { openStore, type Role } from "@calwise/storage";
import type { Command } from "commander";
import { readPassword } from "./read-password.ts";

const roles: readonly Role[] = ["owner", "sales", "auditor", "customer"];

interface UserAddOptions {
  org: string;
  email: string;
  role: string;
  dataDir: string;
}

/** `calwise user add`: an account in the store `calwise serve` uses (the organisation is created if missing). */
export function registerUserAddCommand(program: Command): void {
  const user = program.command("user").description("manage the accounts of `calwise serve`");
  user
    .command("add")
    .description("add an account; the password comes from CALWISE_PASSWORD, a prompt or stdin")
    .requiredOption("--org <name>", "organisation name (created if missing)")
    .requiredOption("--email <email>", "the user's email address")
    .requiredOption("--role <role>", `one of ${roles.join(", ")}`)
    .option(
      "--data-dir <dir>",
      "embedded SQLite data directory (CALWISE_DATA_DIR); DATABASE_URL=postgres://… takes PostgreSQL instead",
      process.env.CALWISE_DATA_DIR ?? "./calwise-data",
    )
    .action(async (options: UserAddOptions) => {
      const role = roles.find((r) => r === options.role);
      if (role === undefined)
        throw new CalwiseError("INPUT_INVALID", `--role must be one of ${roles.join(", ")}`);
      const password = await readPassword();
      if (password.length < minimumPasswordLength)
        throw new CalwiseError(
          "INPUT_INVALID",
          `the password must have at least ${minimumPasswordLength} characters`,
        );
      const slug = slugOf(options.org);
      const store = await openStore({ location: process.env.DATABASE_URL || options.dataDir });
      try {
        const org =
          (await store.organisations.findBySlug(slug)) ??
          (await store.organisations.create({ slug, name: options.org }));
        if (await store.users.findByEmail(org.id, options.email))
          throw new CalwiseError("CONFLICT", `${options.email} already has an account in ${slug}`);
        await store.users.create(org.id, {
          email: options.email.toLowerCase(),
          displayName: options.email,
          role,
          passwordHash: await hashPassword(password),
        });
        process.stdout.write(`added ${options.email} (${role}) to organisation "${slug}"\n`);
      } finally {
        await store.close();
      }
    });
}
