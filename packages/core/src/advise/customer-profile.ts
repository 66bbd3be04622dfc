import { z } from "zod";
import type { Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";

const count = z.number().int("a whole number").min(0);

/** The server-side capabilities a customer may need; each adds the CALs of its service. */
export const customerNeeds = ["sql", "remote-desktop"] as const;

/** What a reseller knows about a customer: head counts, how devices are used, needs and the hardware. */
export const customerProfileSchema = z
  .strictObject({
    users: count
      .min(1, "at least one user")
      .describe("internal users (employees, onsite contractors)"),
    devices: count.optional().describe("client devices in all; defaults to one per user"),
    sharedDevices: count
      .default(0)
      .describe("devices several users share (shift kiosks, terminals)"),
    usersWithSeveralDevices: count.default(0).describe("users with two personal devices or more"),
    externalUsers: count.default(0).describe("authenticated people who are not employees"),
    anonymousWeb: z.boolean().default(false).describe("an anonymous, unauthenticated web site"),
    needs: z.array(z.enum(customerNeeds)).default([]),
    processors: count.min(1).default(1),
    coresPerProcessor: count.min(1).optional(),
    virtualMachines: count.default(0).describe("virtual machines the server licence must cover"),
    growth: count
      .max(500)
      .default(0)
      .describe("users expected to join, each with a personal device"),
  })
  .superRefine((p, ctx) => {
    const devices = p.devices ?? p.users;
    if (p.sharedDevices > devices)
      ctx.addIssue({
        code: "custom",
        path: ["sharedDevices"],
        message: `at most the ${devices} devices`,
      });
    if (p.usersWithSeveralDevices > p.users)
      ctx.addIssue({
        code: "custom",
        path: ["usersWithSeveralDevices"],
        message: `at most the ${p.users} users`,
      });
    const personal = devices - p.sharedDevices;
    if (2 * p.usersWithSeveralDevices > personal)
      ctx.addIssue({
        code: "custom",
        path: ["usersWithSeveralDevices"],
        message: `${p.usersWithSeveralDevices} users with several devices need at least ${2 * p.usersWithSeveralDevices} personal (not shared) devices; there are ${personal}`,
      });
    const withoutPersonal = p.users - Math.min(p.users, personal - p.usersWithSeveralDevices);
    if (withoutPersonal > 0 && p.sharedDevices === 0)
      ctx.addIssue({
        code: "custom",
        path: ["sharedDevices"],
        message: `${withoutPersonal} users have no personal device, so they need shared devices`,
      });
  });

export type CustomerProfileInput = z.input<typeof customerProfileSchema>;
export type CustomerProfile = z.output<typeof customerProfileSchema>;
export type CustomerNeed = (typeof customerNeeds)[number];

/** Validates a customer profile, with problems naming the field, what was expected and what was found. */
export function validateCustomerProfile(input: unknown): Validated<CustomerProfile> {
  const parsed = customerProfileSchema.safeParse(input);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
}
