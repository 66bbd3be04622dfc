import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AdComputer,
  type AdUser,
  classifyAdUser,
  defaultAdminGroups,
} from "@calwise/evidence";
import fc from "fast-check";
import { InventoryIndex, type ResolvedUser } from "./inventory-index.ts";

const location = { file: "ad.csv" };
const dnsDomains = ["corp.example", "emea.corp.example", "sales.example"] as const;

function adUser(name: string, domain: string, groups: readonly string[]): AdUser {
  const dc = domain
    .split(".")
    .map((label) => `DC=${label}`)
    .join(",");
  return {
    samAccountName: name,
    enabled: !groups.includes("disabled"),
    distinguishedName: `CN=${name},OU=Users,${dc}`,
    domain,
    userPrincipalName: `${name}@${domain}`,
    sid: "",
    description: groups.includes("svc") ? "service account" : "",
    memberOf: groups.filter((g) => g !== "disabled" && g !== "svc"),
    servicePrincipalNames: groups.includes("svc") ? [`MSSQLSvc/${name}`] : [],
    objectClass: "user",
    location,
  };
}

function adComputer(name: string, domain: string): AdComputer {
  return {
    name: name.toUpperCase(),
    dnsHostName: domain === "" ? "" : `${name}.${domain}`,
    ipv4Address: "",
    ipv6Address: "",
    operatingSystem: "Windows Server 2019 Standard",
    enabled: true,
    domain,
    location,
  };
}

/**
 * The resolution as it was before names were kept (inferring as it goes, nothing remembered): the
 * oracle the kept resolutions must agree with, call for call, in the same order.
 */
class ResolverAsBefore {
  readonly inferredAliases = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly usersByAccount = new Map<string, AdUser[]>();

  constructor(
    private readonly index: InventoryIndex,
    users: readonly AdUser[],
    computers: readonly AdComputer[],
    aliases: ReadonlyMap<string, string>,
  ) {
    for (const [alias, domain] of aliases)
      this.aliases.set(alias.toUpperCase(), domain.toLowerCase());
    for (const user of users) {
      const key = user.samAccountName.toLowerCase();
      this.usersByAccount.set(key, [...(this.usersByAccount.get(key) ?? []), user]);
    }
    for (const domain of [...users, ...computers].map((x) => x.domain)) {
      if (domain === "") continue;
      const label = (domain.split(".")[0] ?? domain).toUpperCase();
      if (!this.aliases.has(label)) this.aliases.set(label, domain);
      if (!this.aliases.has(domain.toUpperCase())) this.aliases.set(domain.toUpperCase(), domain);
    }
  }

  resolveUser(domain: string, account: string, computer: string): ResolvedUser {
    const firstLabel = (name: string) => name.split(".")[0] ?? name;
    const accountKey = account.trim().toLowerCase();
    const domainKey = domain.trim().toUpperCase();
    const computerName = firstLabel(computer.trim()).toUpperCase();
    if (domainKey === computerName || domainKey === "" || domainKey === "-")
      return { id: `${computerName}\\${accountKey}`, local: true };
    let dns = this.aliases.get(domainKey) ?? this.inferredAliases.get(domainKey);
    const candidates = this.usersByAccount.get(accountKey) ?? [];
    if (dns === undefined && !domainKey.includes(".")) {
      const computerDomain = this.index.findComputer(computer)?.domain;
      const inDomains = new Set(candidates.map((u) => u.domain).filter((d) => d !== ""));
      if (computerDomain !== undefined && inDomains.has(computerDomain)) dns = computerDomain;
      else if (inDomains.size === 1) dns = [...inDomains][0] as string;
      if (dns !== undefined) this.inferredAliases.set(domainKey, dns);
    }
    if (dns === undefined && domainKey.includes(".")) dns = domainKey.toLowerCase();
    const ad = dns === undefined ? undefined : candidates.find((u) => u.domain === dns);
    const id = `${(dns ?? domainKey).toUpperCase()}\\${accountKey}`;
    if (ad === undefined) return { id, local: false };
    return { id, ad, accountClass: classifyAdUser(ad, defaultAdminGroups), local: false };
  }
}

/** An estate: AD users of several domains (some accounts in two), member servers, --domain-alias. */
const estates = fc.record({
  users: fc.array(
    fc.record({
      name: fc.constantFrom("alice", "bob", "carol", "dave", "erin", "svc-sql"),
      domain: fc.constantFrom(...dnsDomains),
      groups: fc.subarray(["Domain Admins", "disabled", "svc", "Staff"]),
    }),
    { maxLength: 12 },
  ),
  computers: fc.array(
    fc.record({
      name: fc.constantFrom("srv1", "srv2", "srv3", "app"),
      domain: fc.constantFrom("", ...dnsDomains),
    }),
    { maxLength: 5 },
  ),
  aliases: fc.array(fc.tuple(fc.constantFrom("HQ", "EU", "Corp"), fc.constantFrom(...dnsDomains)), {
    maxLength: 2,
  }),
  // Names as logs spell them: NetBIOS names known and unknown, DNS names, the computer's own name.
  names: fc.array(
    fc.record({
      domain: fc.constantFrom(
        "CORP",
        "corp",
        " EMEA ",
        "SALES",
        "HQ",
        "EU",
        "OTHER",
        "LEGACY",
        "LEGACY",
        "LEGACY",
        "corp.example",
        "other.example",
        "SRV1",
        "",
        "-",
      ),
      account: fc.constantFrom("alice", "alice", "Bob", " carol", "dave", "erin", "svc-sql", "zed"),
      computer: fc.constantFrom(
        "srv1",
        "SRV2.corp.example",
        "srv3.emea.corp.example",
        "app.sales.example",
        "unknown",
      ),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  // Which names each event logs: few distinct names, many repeats, as in a log.
  calls: fc.array(fc.nat(9), { minLength: 1, maxLength: 60 }),
});

test("each distinct name resolved once answers as resolving every call did, inferred aliases in the same order", () => {
  fc.assert(
    fc.property(estates, (estate) => {
      const users = estate.users.map((u) => adUser(u.name, u.domain, u.groups));
      const computers = estate.computers.map((c) => adComputer(c.name, c.domain));
      const aliases = new Map(estate.aliases);
      const index = new InventoryIndex(defaultAdminGroups, aliases);
      for (const user of users) index.addUser(user);
      for (const computer of computers) index.addComputer(computer);
      const before = new ResolverAsBefore(index, users, computers, aliases);
      for (const call of estate.calls) {
        const { domain, account, computer } = estate.names[
          call % estate.names.length
        ] as (typeof estate.names)[number];
        const kept = index.resolveUser(domain, account, computer);
        const expected = before.resolveUser(domain, account, computer);
        assert.equal(kept.id, expected.id);
        assert.equal(kept.local, expected.local);
        assert.equal(kept.ad, expected.ad);
        assert.deepEqual(kept.accountClass, expected.accountClass);
        assert.deepEqual([...index.inferredAliases], [...before.inferredAliases]);
      }
    }),
    { numRuns: 1000 },
  );
});

test("a NetBIOS name resolved before its alias is inferred is resolved again after", () => {
  const index = new InventoryIndex();
  index.addUser(adUser("alice", "corp.example", []));
  assert.equal(index.resolveUser("LEGACY", "zed", "srv1").id, "LEGACY\\zed");
  assert.equal(index.resolveUser("LEGACY", "alice", "srv1").id, "CORP.EXAMPLE\\alice");
  assert.deepEqual([...index.inferredAliases], [["LEGACY", "corp.example"]]);
  assert.equal(index.resolveUser("LEGACY", "zed", "srv1").id, "CORP.EXAMPLE\\zed");
});

test("an account of two domains that infers nothing on one computer infers the alias on a computer of its domain", () => {
  const index = new InventoryIndex();
  index.addUser(adUser("alice", "corp.example", []));
  index.addUser(adUser("alice", "emea.corp.example", []));
  index.addComputer(adComputer("srv1", "sales.example"));
  index.addComputer(adComputer("srv2", "emea.corp.example"));
  assert.equal(index.resolveUser("LEGACY", "alice", "srv1").id, "LEGACY\\alice");
  assert.equal(index.inferredAliases.size, 0);
  const alice = index.resolveUser("LEGACY", "alice", "srv2");
  assert.equal(alice.id, "EMEA.CORP.EXAMPLE\\alice");
  assert.equal(alice.ad?.domain, "emea.corp.example");
  assert.equal(index.resolveUser("LEGACY", "alice", "srv1").id, "EMEA.CORP.EXAMPLE\\alice");
});
