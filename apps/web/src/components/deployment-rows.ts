// The deployment editor's model: a deployment document as table rows the user fills in, and back. Fields the
// editor has no column for (a server's cores, an access's `via`, the assignments…) ride along untouched, so
// an imported file loses nothing by being edited.
import { deploymentSchema } from "@calwise/core/deployment-schema";
import { fieldMessage } from "../format/field-message.ts";

type Extra = Readonly<Record<string, unknown>>;

/** A server row: name, edition, processors, virtual machines and the SQL Server it runs (if any). */
export interface ServerRow {
  readonly name: string;
  readonly product: string;
  readonly processors: string;
  readonly virtualMachines: string;
  readonly sql: string;
  readonly extra: Extra;
}
/** A user row; `external` users are not the customer's employees (External Connector territory). */
export interface UserRow {
  readonly id: string;
  readonly external: boolean;
  readonly extra: Extra;
}
/** A device row; an unattended device (a scanner) needs device CALs only. */
export interface DeviceRow {
  readonly id: string;
  readonly unattended: boolean;
  readonly extra: Extra;
}
/** Who accesses what: a user and/or device, the servers (space-separated), the service used. */
export interface AccessRow {
  readonly user: string;
  readonly device: string;
  readonly server: string;
  readonly service: string;
  readonly extra: Extra;
}
/** CALs the customer owns, of one family, version and type. */
export interface OwnedRow {
  readonly family: string;
  readonly version: string;
  readonly type: string;
  readonly quantity: string;
  readonly source: string;
  readonly extra: Extra;
}

/** The whole editor: the tables, the name, and the document's other fields kept as they were. */
export interface DeploymentRows {
  readonly name: string;
  readonly servers: readonly ServerRow[];
  readonly users: readonly UserRow[];
  readonly devices: readonly DeviceRow[];
  readonly accesses: readonly AccessRow[];
  readonly owned: readonly OwnedRow[];
  /** Owned entries of a suite or an External Connector, which have no row here, kept in order after. */
  readonly ownedOther: readonly unknown[];
  readonly rest: Extra;
}

/** The tables' names, each a list of the deployment document. */
export type RowList = "servers" | "users" | "devices" | "accesses" | "owned";

/** An empty row of each table. */
export const emptyRows = {
  servers: {
    name: "",
    product: "",
    processors: "",
    virtualMachines: "",
    sql: "",
    extra: {},
  } as ServerRow,
  users: { id: "", external: false, extra: {} } as UserRow,
  devices: { id: "", unattended: false, extra: {} } as DeviceRow,
  accesses: { user: "", device: "", server: "", service: "", extra: {} } as AccessRow,
  owned: { family: "", version: "", type: "", quantity: "", source: "", extra: {} } as OwnedRow,
};

/** A new deployment: one server row and one of each to start typing in. */
export function newDeploymentRows(name = ""): DeploymentRows {
  return {
    name,
    servers: [emptyRows.servers],
    users: [emptyRows.users],
    devices: [emptyRows.devices],
    accesses: [emptyRows.accesses],
    owned: [],
    ownedOther: [],
    rest: {},
  };
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function without(record: Extra, keys: readonly string[]): Extra {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

function asRecord(value: unknown): Extra {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Extra)
    : {};
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The rows of a deployment document (as stored, imported or sampled). `isSql` tells a SQL Server product
 * id from the server's other applications (the catalog knows which products offer the `sql` service).
 */
export function rowsOfDocument(
  document: Readonly<Record<string, unknown>>,
  isSql: (product: string) => boolean,
): DeploymentRows {
  const servers = listOf(document.servers).map((value): ServerRow => {
    const s = asRecord(value);
    const applications = listOf(s.applications).map(String);
    const sql = applications.find(isSql) ?? "";
    const others = applications.filter((a) => a !== sql);
    return {
      name: text(s.name),
      product: text(s.product),
      processors: text(s.processors),
      virtualMachines: text(s.virtualMachines),
      sql,
      extra: {
        ...without(s, ["name", "product", "processors", "virtualMachines", "applications"]),
        ...(others.length > 0 ? { applications: others } : {}),
      },
    };
  });
  const users = listOf(document.users).map((value): UserRow => {
    const u = typeof value === "string" ? { id: value } : asRecord(value);
    return { id: text(u.id), external: u.kind === "external", extra: without(u, ["id", "kind"]) };
  });
  const devices = listOf(document.devices).map((value): DeviceRow => {
    const d = typeof value === "string" ? { id: value } : asRecord(value);
    return {
      id: text(d.id),
      unattended: d.unattended === true,
      extra: without(d, ["id", "unattended"]),
    };
  });
  const accesses = listOf(document.accesses).map((value): AccessRow => {
    const a = asRecord(value);
    return {
      user: text(a.user),
      device: text(a.device),
      server: Array.isArray(a.server) ? a.server.map(String).join(" ") : text(a.server),
      service: text(a.service),
      extra: without(a, ["user", "device", "server", "service"]),
    };
  });
  const allOwned = listOf(document.owned);
  const isFamily = (value: unknown) => typeof asRecord(value).family === "string";
  const owned = allOwned.filter(isFamily).map((value): OwnedRow => {
    const o = asRecord(value);
    return {
      family: text(o.family),
      version: text(o.version),
      type: text(o.type),
      quantity: text(o.quantity),
      source: text(o.source),
      extra: without(o, ["family", "version", "type", "quantity", "source"]),
    };
  });
  return {
    name: text(document.name),
    servers,
    users,
    devices,
    accesses,
    owned,
    ownedOther: allOwned.filter((value) => !isFamily(value)),
    rest: without(document, ["name", "servers", "users", "devices", "accesses", "owned"]),
  };
}

/** A typed number stays a number for the schema to judge (1.5 is its problem); an empty cell is left out. */
function numberOf(key: string, value: string): Extra {
  return value.trim() === "" ? {} : { [key]: Number(value) };
}

function textOf(key: string, value: string): Extra {
  return value.trim() === "" ? {} : { [key]: value.trim() };
}

/** The deployment document the rows stand for, in row order (so a problem's path names its row). */
export function documentOfRows(rows: DeploymentRows): Record<string, unknown> {
  return {
    ...rows.rest,
    ...(rows.name.trim() === "" ? {} : { name: rows.name.trim() }),
    servers: rows.servers.map((s) => {
      const applications = [
        ...(s.sql === "" ? [] : [s.sql]),
        ...listOf(s.extra.applications).map(String),
      ];
      return {
        ...s.extra,
        name: s.name.trim(),
        product: s.product,
        ...numberOf("processors", s.processors),
        ...numberOf("virtualMachines", s.virtualMachines),
        ...(applications.length > 0 ? { applications } : { applications: undefined }),
      };
    }),
    users: rows.users.map((u) =>
      u.external || Object.keys(u.extra).length > 0
        ? { ...u.extra, id: u.id.trim(), ...(u.external ? { kind: "external" } : {}) }
        : u.id.trim(),
    ),
    devices: rows.devices.map((d) =>
      d.unattended || Object.keys(d.extra).length > 0
        ? { ...d.extra, id: d.id.trim(), ...(d.unattended ? { unattended: true } : {}) }
        : d.id.trim(),
    ),
    accesses: rows.accesses.map((a) => {
      const servers = a.server.trim().split(/\s+/).filter(Boolean);
      return {
        ...a.extra,
        ...textOf("user", a.user),
        ...textOf("device", a.device),
        server: servers.length === 1 ? servers[0] : servers.length === 0 ? "" : servers,
        ...textOf("service", a.service),
      };
    }),
    owned: [
      ...rows.owned.map((o) => ({
        ...o.extra,
        family: o.family,
        ...textOf("version", o.version),
        ...textOf("type", o.type),
        quantity: o.quantity.trim() === "" ? 0 : Number(o.quantity),
        ...textOf("source", o.source),
      })),
      ...rows.ownedOther,
    ],
  };
}

/** A field path as the API's problems write it: `servers[2].product`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/**
 * Checks the document with the core's own deployment schema (the server checks it again, and against the
 * catalog): the problems by field path, the first per path.
 */
export function checkDocument(document: Record<string, unknown>): Record<string, string> {
  const parsed = deploymentSchema.safeParse(JSON.parse(JSON.stringify(document)));
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      errors[formatPath(issue.path)] ??= fieldMessage(issue.message);
  return errors;
}

/** The shown columns of each table, in order: a problem with another field of a row shows at its first. */
export const rowColumns: Readonly<Record<RowList, readonly string[]>> = {
  servers: ["name", "product", "processors", "virtualMachines", "applications"],
  users: ["id", "kind"],
  devices: ["id", "unattended"],
  accesses: ["user", "device", "server", "service"],
  owned: ["family", "version", "type", "quantity", "source"],
};

/** Where a problem's path is shown: the id of its cell (`servers-2-product`), or of the table or name. */
export function anchorOf(path: string): string {
  const match = /^(servers|users|devices|accesses|owned)(?:\[(\d+)\](?:\.(\w+))?)?/.exec(path);
  if (match === null) return path.startsWith("name") ? "deployment-name" : "deployment-servers";
  const [, list, index, field] = match as unknown as [string, RowList, string?, string?];
  if (index === undefined) return `deployment-${list}`;
  const columns = rowColumns[list];
  const column = field !== undefined && columns.includes(field) ? field : columns[0];
  return `${list}-${index}-${column}`;
}

function isBlank(row: object): boolean {
  return Object.entries(row).every(([key, value]) =>
    key === "extra" ? Object.keys(value as object).length === 0 : value === "" || value === false,
  );
}

/** The rows without the ones left wholly empty (an added row not typed in is no server, user or access). */
export function dropBlankRows(rows: DeploymentRows): DeploymentRows {
  return {
    ...rows,
    servers: rows.servers.filter((r) => !isBlank(r)),
    users: rows.users.filter((r) => !isBlank(r)),
    devices: rows.devices.filter((r) => !isBlank(r)),
    accesses: rows.accesses.filter((r) => !isBlank(r)),
    owned: rows.owned.filter((r) => !isBlank(r)),
  };
}
