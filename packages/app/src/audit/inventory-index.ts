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
 * A resolution kept for its domain and account as logged. One that found no domain may change later:
 * `aliases` is then the count of inferred aliases it saw (an alias inferred since may name the
 * domain), and `computerDomain` the logging computer's AD domain it was judged by, or `anyComputer`
 * when no computer could have changed it; -1 when nothing learnt later changes it.
 */
interface KeptResolution {
  readonly user: ResolvedUser;
  readonly aliases: number;
  readonly computerDomain: string | undefined;
}

/** A failed inference that no logging computer could have changed (the account is in no domain). */
const anyComputer = "\u0000any";

/** What resolution reads of a logging computer: its name's first label upper case, its AD domain. */
interface LoggingComputer {
  readonly name: string;
  readonly domain: string | undefined;
}

/** What resolution reads of a logged domain: its key (trimmed, upper case) and its accounts' resolutions. */
interface LoggedDomain {
  readonly key: string;
  readonly accounts: Map<string, KeptResolution>;
}

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
  /** Domains as logged, with their accounts' resolutions: each distinct name is resolved once. */
  private readonly loggedDomains = new Map<string, LoggedDomain>();
  /** Logging computers as logged. */
  private readonly loggingComputers = new Map<string, LoggingComputer>();
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
    this.forgetResolutions();
    this.userCount++;
    const key = user.samAccountName.toLowerCase();
    const list = this.usersByAccount.get(key) ?? [];
    list.push(user);
    this.usersByAccount.set(key, list);
    if (user.domain !== "") this.addDomain(user.domain);
  }

  addComputer(computer: AdComputer): void {
    this.forgetResolutions();
    this.computerCount++;
    this.computersByName.set(computer.name.toLowerCase(), computer);
    if (computer.dnsHostName !== "")
      this.computersByName.set(computer.dnsHostName.toLowerCase(), computer);
    if (computer.ipv4Address !== "") this.computersByIp.set(computer.ipv4Address, computer);
    if (computer.ipv6Address !== "")
      this.computersByIp.set(computer.ipv6Address.toLowerCase(), computer);
    if (computer.domain !== "") this.addDomain(computer.domain);
  }

  /** The inventory changed: what was resolved from it may not hold. */
  private forgetResolutions(): void {
    this.loggedDomains.clear();
    this.loggingComputers.clear();
  }

  private addDomain(domain: string): void {
    if (this.domains.has(domain)) return;
    this.domains.add(domain);
    const label = firstLabel(domain).toUpperCase();
    if (!this.aliases.has(label)) this.aliases.set(label, domain);
    if (!this.aliases.has(domain.toUpperCase())) this.aliases.set(domain.toUpperCase(), domain);
  }

  /**
   * Whether a logged domain key (trimmed, upper case) resolves the same whenever it is met: the
   * inventory or --domain-alias names it, or it is a DNS name (only NetBIOS names are inferred).
   */
  namesDomain(domainKey: string): boolean {
    return this.aliases.has(domainKey) || domainKey.includes(".");
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
   * (reported in inferredAliases). Each distinct domain and account as logged is resolved once and
   * kept (the computer decides only whether the account is local, and how an unknown NetBIOS name is
   * inferred): one that found no domain is resolved again after an alias was inferred, or on a computer
   * of another domain, so the first name that infers an alias decides it, in the order names are
   * resolved, as when every logon was resolved on its own.
   */
  resolveUser(domain: string, account: string, computer: string): ResolvedUser {
    let logged = this.loggedDomains.get(domain);
    if (logged === undefined) {
      logged = { key: domain.trim().toUpperCase(), accounts: new Map() };
      this.loggedDomains.set(domain, logged);
    }
    let logging = this.loggingComputers.get(computer);
    if (logging === undefined) {
      logging = {
        name: firstLabel(computer.trim()).toUpperCase(),
        domain: this.findComputer(computer)?.domain,
      };
      this.loggingComputers.set(computer, logging);
    }
    const domainKey = logged.key;
    if (domainKey === logging.name || domainKey === "" || domainKey === "-")
      return { id: `${logging.name}\\${account.trim().toLowerCase()}`, local: true };
    const kept = logged.accounts.get(account);
    if (
      kept !== undefined &&
      (kept.aliases === -1 ||
        (kept.aliases === this.inferredAliases.size &&
          (kept.computerDomain === anyComputer || kept.computerDomain === logging.domain)))
    )
      return kept.user;
    const resolution = this.resolveAccount(domainKey, account.trim().toLowerCase(), logging.domain);
    logged.accounts.set(account, resolution);
    return resolution.user;
  }

  /**
   * Resolves a domain account (not local) logged on a computer of AD domain `computerDomain`,
   * inferring the domain's alias when it can.
   */
  private resolveAccount(
    domainKey: string,
    accountKey: string,
    computerDomain: string | undefined,
  ): KeptResolution {
    let dns = this.aliases.get(domainKey) ?? this.inferredAliases.get(domainKey);
    const candidates = this.usersByAccount.get(accountKey) ?? [];
    if (dns === undefined && !domainKey.includes(".")) {
      // A domain account logging on to a member server is most likely from the server's own domain.
      const inDomains = new Set(candidates.map((u) => u.domain).filter((d) => d !== ""));
      if (computerDomain !== undefined && inDomains.has(computerDomain)) dns = computerDomain;
      else if (inDomains.size === 1) dns = [...inDomains][0] as string;
      if (dns === undefined)
        return {
          user: { id: `${domainKey}\\${accountKey}`, local: false },
          aliases: this.inferredAliases.size,
          // With the account in no domain, no computer's domain could have inferred one.
          computerDomain: inDomains.size === 0 ? anyComputer : computerDomain,
        };
      this.inferredAliases.set(domainKey, dns);
    }
    if (dns === undefined) dns = domainKey.toLowerCase();
    const ad = candidates.find((u) => u.domain === dns);
    const id = `${dns.toUpperCase()}\\${accountKey}`;
    const user: ResolvedUser =
      ad === undefined
        ? { id, local: false }
        : { id, ad, accountClass: this.classOf(ad), local: false };
    return { user, aliases: -1, computerDomain: undefined };
  }
}
