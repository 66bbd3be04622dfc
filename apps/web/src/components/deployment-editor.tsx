import type { CatalogListing } from "@calwise/core";
import {
  type AccessRow,
  anchorOf,
  type DeploymentRows,
  type DeviceRow,
  emptyRows,
  type OwnedRow,
  type RowList,
  type ServerRow,
  type UserRow,
} from "./deployment-rows.ts";
import { RowTable } from "./row-table.tsx";

/** The services an access can be for (docs/deployment.md); none is plain file, print and sign-in use. */
const services = [
  ["", "Windows Server only"],
  ["rds", "Remote Desktop"],
  ["sql", "SQL Server"],
  ["admin", "administration only"],
  ["exchange", "Exchange"],
  ["exchange-enterprise", "Exchange Enterprise"],
  ["sharepoint", "SharePoint"],
] as const;

/** The problems by the cell they are shown at (the first per cell). */
export function errorsByAnchor(errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[anchorOf(path)] ??= message;
  return out;
}

/**
 * The deployment as tables: servers (edition and SQL Server from the catalog), users, devices, who accesses
 * what, and the CALs owned. Ranges are typed as the deployment format writes them (`U{1..20}`); a problem
 * (the core schema's in the browser, the server's catalog check after saving) shows under its cell.
 */
export function DeploymentEditor(props: {
  readonly rows: DeploymentRows;
  readonly onChange: (rows: DeploymentRows) => void;
  readonly errors: Readonly<Record<string, string>>;
  readonly catalog: CatalogListing | undefined;
}) {
  const { rows, onChange, catalog } = props;
  const errors = errorsByAnchor(props.errors);
  const editions = (catalog?.products ?? []).filter((p) => p.kind === "operating-system");
  const sqlProducts = (catalog?.products ?? []).filter(
    (p) => p.kind === "application" && p.services?.sql !== undefined,
  );
  const families = catalog?.calFamilies ?? [];
  const update = <L extends RowList>(list: L, index: number, change: object) =>
    onChange({
      ...rows,
      [list]: rows[list].map((row, i) => (i === index ? { ...row, ...change } : row)),
    });
  const table = <L extends RowList>(list: L) => ({
    list,
    rows: rows[list],
    errors,
    onAdd: () => onChange({ ...rows, [list]: [...rows[list], emptyRows[list]] }),
    onRemove: (index: number) =>
      onChange({ ...rows, [list]: rows[list].filter((_, i) => i !== index) }),
  });
  const text =
    <L extends RowList>(list: L, field: string) =>
    (row: object, i: number, cell: object) => (
      <input
        {...cell}
        type="text"
        value={String((row as Record<string, unknown>)[field] ?? "")}
        onChange={(e) => update(list, i, { [field]: e.target.value })}
        list={field === "user" || field === "device" ? `deployment-${field}-ids` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
    );
  const count =
    <L extends RowList>(list: L, field: string) =>
    (row: object, i: number, cell: object) => (
      <input
        {...cell}
        type="number"
        min={field === "quantity" || field === "processors" ? 1 : 0}
        step={1}
        inputMode="numeric"
        className="input-count"
        value={String((row as Record<string, unknown>)[field] ?? "")}
        onChange={(e) => update(list, i, { [field]: e.target.value })}
      />
    );
  const nameError = errors["deployment-name"];
  return (
    <div className="deployment-editor">
      <div className={`field${nameError ? " field-error" : ""}`}>
        <label htmlFor="deployment-name">Deployment name</label>
        {nameError && (
          <p className="error-text" id="deployment-name-error">
            {nameError}
          </p>
        )}
        <input
          id="deployment-name"
          type="text"
          value={rows.name}
          onChange={(e) => onChange({ ...rows, name: e.target.value })}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "deployment-name-error" : undefined}
        />
      </div>
      <datalist id="deployment-user-ids">
        {rows.users.map((u, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two rows may hold the same id while typing
          <option key={i} value={u.id} />
        ))}
      </datalist>
      <datalist id="deployment-device-ids">
        {rows.devices.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two rows may hold the same id while typing
          <option key={i} value={d.id} />
        ))}
      </datalist>
      <RowTable<ServerRow>
        {...table("servers")}
        caption="Servers"
        noun="Server"
        empty="No servers: add the customer's first."
        columns={[
          { field: "name", header: "Name", render: text("servers", "name") },
          {
            field: "product",
            header: "Edition",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.product}
                onChange={(e) => update("servers", i, { product: e.target.value })}
              >
                <option value="">Choose the edition…</option>
                {editions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ),
          },
          { field: "processors", header: "Processors", render: count("servers", "processors") },
          {
            field: "virtualMachines",
            header: "Virtual machines",
            render: count("servers", "virtualMachines"),
          },
          {
            field: "applications",
            header: "SQL Server",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.sql}
                onChange={(e) => update("servers", i, { sql: e.target.value })}
              >
                <option value="">none</option>
                {sqlProducts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ),
          },
        ]}
      />
      <p className="hint">
        A range stands for many: <span className="code">U{"{1..20}"}</span> is U1 to U20. Equal
        ranges in one access pair up (user U1 on device PC1, …).
      </p>
      <div className="two-columns">
        <RowTable<UserRow>
          {...table("users")}
          caption="Users"
          noun="User"
          empty="No users yet."
          columns={[
            { field: "id", header: "ID", render: text("users", "id") },
            {
              field: "kind",
              header: "External",
              render: (row, i, cell) => (
                <input
                  {...cell}
                  type="checkbox"
                  checked={row.external}
                  onChange={(e) => update("users", i, { external: e.target.checked })}
                />
              ),
            },
          ]}
        />
        <RowTable<DeviceRow>
          {...table("devices")}
          caption="Devices"
          noun="Device"
          empty="No devices yet."
          columns={[
            { field: "id", header: "ID", render: text("devices", "id") },
            {
              field: "unattended",
              header: "Unattended",
              render: (row, i, cell) => (
                <input
                  {...cell}
                  type="checkbox"
                  checked={row.unattended}
                  onChange={(e) => update("devices", i, { unattended: e.target.checked })}
                />
              ),
            },
          ]}
        />
      </div>
      <RowTable<AccessRow>
        {...table("accesses")}
        caption="Who accesses what (servers separated by spaces)"
        noun="Access"
        empty="No accesses: say which user or device uses which server."
        columns={[
          { field: "user", header: "User", render: text("accesses", "user") },
          { field: "device", header: "Device", render: text("accesses", "device") },
          { field: "server", header: "Servers", render: text("accesses", "server") },
          {
            field: "service",
            header: "Service",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.service}
                onChange={(e) => update("accesses", i, { service: e.target.value })}
              >
                {services.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ),
          },
        ]}
      />
      <RowTable<OwnedRow>
        {...table("owned")}
        caption="CALs the customer owns"
        noun="Owned CAL"
        empty="None typed in (imported entitlements count in audits)."
        columns={[
          {
            field: "family",
            header: "Family",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.family}
                onChange={(e) => update("owned", i, { family: e.target.value, version: "" })}
              >
                <option value="">Choose…</option>
                {families.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            ),
          },
          {
            field: "version",
            header: "Version",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.version}
                onChange={(e) => update("owned", i, { version: e.target.value })}
              >
                <option value="">any</option>
                {(families.find((f) => f.id === row.family)?.versions ?? []).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            ),
          },
          {
            field: "type",
            header: "Type",
            render: (row, i, cell) => (
              <select
                {...cell}
                value={row.type}
                onChange={(e) => update("owned", i, { type: e.target.value })}
              >
                <option value="">choose…</option>
                <option value="user">user</option>
                <option value="device">device</option>
                <option value="either">either</option>
              </select>
            ),
          },
          { field: "quantity", header: "Quantity", render: count("owned", "quantity") },
          { field: "source", header: "Source", render: text("owned", "source") },
        ]}
      />
    </div>
  );
}
