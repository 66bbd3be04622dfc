import {
  type AccountClass,
  type AdComputer,
  type AdUser,
  classifyAdUser,
  defaultAdminGroups,
} from "@calwise/evidence";

/** A user identity after normalisation: `DOMAIN\account`, and the AD account when one matched. */
export interface ResolvedUser {
  readonly id: string;
  readonly ad?: AdUser;
  readonly accountClass?: AccountClass;
  /** The account is local to the logging computer (its domain is the computer's name). */
  readonly local: boolean;
}

const firstLabel = (name: string) => name.split(".")[0] ?? name;

/**
 * The AD inventory, indexed for the audit: users by account name and domain, computers by name, DNS
 * name and address, and the domain names logs use (DNS name, its first label, --domain-alias, and
 * NetBIOS names inferred when a log's domain matches exactly one inventoried account).
 */
export class InventoryIndex {
  private readonly usersByAccount = new Map<string, AdUser[]>();
  private readonly computersByName = new Map<string, AdComputer>();
  private readonly computersByIp = new Map<string, AdComputer>();
  private readonly aliases = new Map<string, string>();
  private readonly classes = new Map<AdUser, AccountClass>();
  /** NetBIOS names this audit inferred: alias → DNS domain. */
  readonly inferredAliases = new Map<string, string>();
  readonly domains = new Set<string>();
  userCount = 0;
  computerCount = 0;

  constructor(
    private readonly adminGroups: readonly string[] = defaultAdminGroups,
    aliases: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const [alias, domain] of aliases)
      this.aliases.set(alias.toUpperCase(), domain.toLowerCase());
  }

  addUser(user: AdUser): void {
    this.userCount++;
    const key = user.samAccountName.toLowerCase();
    const list = this.usersByAccount.get(key) ?? [];
    list.push(user);
    this.usersByAccount.set(key, list);
    if (user.domain !== "") this.addDomain(user.domain);
  }

  addComputer(computer: AdComputer): void {
    this.computerCount++;
    this.computersByName.set(computer.name.toLowerCase(), computer);
    if (computer.dnsHostName !== "")
      this.computersByName.set(computer.dnsHostName.toLowerCase(), computer);
    if (computer.ipv4Address !== "") this.computersByIp.set(computer.ipv4Address, computer);
    if (computer.ipv6Address !== "")
      this.computersByIp.set(computer.ipv6Address.toLowerCase(), computer);
    if (computer.domain !== "") this.addDomain(computer.domain);
  }

  private addDomain(domain: string): void {
    if (this.domains.has(domain)) return;
    this.domains.add(domain);
    const label = firstLabel(domain).toUpperCase();
    if (!this.aliases.has(label)) this.aliases.set(label, domain);
    if (!this.aliases.has(domain.toUpperCase())) this.aliases.set(domain.toUpperCase(), domain);
  }

  /** The AD computer a logged computer name (short or DNS) or an address names. */
  findComputer(nameOrAddress: string): AdComputer | undefined {
    const key = nameOrAddress.trim().toLowerCase();
    return (
      this.computersByName.get(key) ??
      this.computersByName.get(firstLabel(key)) ??
      this.computersByIp.get(key)
    );
  }

  /** The AD computer with this IP address. */
  findByAddress(address: string): AdComputer | undefined {
    return this.computersByIp.get(address.trim().toLowerCase());
  }

  classOf(user: AdUser): AccountClass {
    let c = this.classes.get(user);
    if (c === undefined) {
      c = classifyAdUser(user, this.adminGroups);
      this.classes.set(user, c);
    }
    return c;
  }

  /**
   * Normalises DOMAIN\account as logged on `computer`: a domain the inventory knows (by DNS name, first
   * label or alias) becomes its DNS name in upper case; a domain that is the logging computer's name
   * is a local account; an unknown NetBIOS name is taken as the NetBIOS name of the logging computer's
   * domain when the account exists there, else of the one inventoried domain that has the account
   * (reported in inferredAliases).
   */
  resolveUser(domain: string, account: string, computer: string): ResolvedUser {
    const accountKey = account.trim().toLowerCase();
    const domainKey = domain.trim().toUpperCase();
    const computerName = firstLabel(computer.trim()).toUpperCase();
    if (domainKey === computerName || domainKey === "" || domainKey === "-")
      return { id: `${computerName}\\${accountKey}`, local: true };
    let dns = this.aliases.get(domainKey) ?? this.inferredAliases.get(domainKey);
    const candidates = this.usersByAccount.get(accountKey) ?? [];
    if (dns === undefined && !domainKey.includes(".")) {
      // A domain account logging on to a member server is most likely from the server's own domain.
      const computerDomain = this.findComputer(computer)?.domain;
      const inDomains = new Set(candidates.map((u) => u.domain).filter((d) => d !== ""));
      if (computerDomain !== undefined && inDomains.has(computerDomain)) dns = computerDomain;
      else if (inDomains.size === 1) dns = [...inDomains][0] as string;
      if (dns !== undefined) this.inferredAliases.set(domainKey, dns);
    }
    if (dns === undefined && domainKey.includes(".")) dns = domainKey.toLowerCase();
    const ad = dns === undefined ? undefined : candidates.find((u) => u.domain === dns);
    const id = `${(dns ?? domainKey).toUpperCase()}\\${accountKey}`;
    if (ad === undefined) return { id, local: false };
    return { id, ad, accountClass: this.classOf(ad), local: false };
  }
}
