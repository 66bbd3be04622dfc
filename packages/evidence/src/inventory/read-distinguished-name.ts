/** The DNS domain of a distinguished name, from its DC= parts: `CN=x,DC=corp,DC=example` → `corp.example`. */
export function domainOfDistinguishedName(dn: string): string {
  return dn
    .split(/,(?=\s*DC=)/i)
    .slice(1)
    .map((part) => part.trim().replace(/^DC=/i, ""))
    .join(".")
    .toLowerCase();
}

/** The first RDN's value: `CN=Domain Admins,CN=Users,DC=x` → `Domain Admins`; other text as it is. */
export function commonNameOf(dn: string): string {
  const match = /^\s*(?:CN|OU)=((?:\\.|[^,])*)/i.exec(dn);
  return (match ? (match[1] ?? "") : dn).replace(/\\(.)/g, "$1").trim();
}
