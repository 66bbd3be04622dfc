// Writes a seeded Winlogbeat-style JSON-lines file of Windows logon events for the ingestion
// benchmark: about 300 bytes a line, nine lines in ten a successful logon (4624), the rest logoffs
// (4634) and special-privilege logons (4672) that a reducer must skip. Users sign in from one to three
// devices of their own or of a shared pool, to a few servers each; one user's name is spelt with a JSON
// escape (`ren\u00e9`) in half of its lines and in plain UTF-8 in the other half, so a
// reducer that compares raw bytes instead of strings gets a different count.
// The file goes to the OS temporary directory (never the repository) and is reused when present.
import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "./bench-access-graph.ts";

/** The generated file and what is in it. */
export interface GeneratedLogons {
  readonly path: string;
  readonly bytes: number;
  readonly lines: number;
}

const generatorVersion = 2;
const userCount = 120_000;
const deviceCount = 60_000;
const serverCount = 400;

/** Writes (or reuses) a file of about `targetBytes` bytes. */
export function generateLogonFile(targetBytes: number, seed: number): GeneratedLogons {
  const path = join(
    tmpdir(),
    `calwise-bench-logons-v${generatorVersion}-${seed}-${Math.round(targetBytes / 1e6)}MB.ndjson`,
  );
  const linesPath = `${path}.lines`;
  if (existsSync(path) && existsSync(linesPath)) {
    const lines = Number(statSync(linesPath).size);
    return { path, bytes: statSync(path).size, lines };
  }
  const random = createRandom(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const userDevices = new Int32Array(userCount * 3);
  const userServers = new Int32Array(userCount * 4);
  for (let user = 0; user < userCount; user++) {
    // Two users in three have devices of their own; the rest share a pool.
    const own = user % 3 !== 2;
    for (let slot = 0; slot < 3; slot++) {
      userDevices[user * 3 + slot] = own
        ? (user * 2 + slot) % deviceCount
        : deviceCount - 1 - pick(deviceCount / 10);
    }
    for (let slot = 0; slot < 4; slot++) userServers[user * 4 + slot] = pick(serverCount);
  }
  const serverNames = Array.from(
    { length: serverCount },
    (_, server) => `srv-${String(server).padStart(4, "0")}.corp.example`,
  );

  const partial = `${path}.partial`;
  const file = openSync(partial, "w");
  const pieces: string[] = [];
  let pieceBytes = 0;
  let bytes = 0;
  let lines = 0;
  let time = Date.UTC(2026, 9, 1);
  while (bytes < targetBytes) {
    // Popular users log on more often: a skewed pick.
    const user = Math.floor(userCount * random() ** 2);
    const device = userDevices[user * 3 + pick(user % 3 === 2 ? 3 : 1 + (user % 2))] as number;
    const server = serverNames[userServers[user * 4 + pick(4)] as number] as string;
    const roll = random();
    const eventId = roll < 0.9 ? "4624" : roll < 0.96 ? "4634" : "4672";
    const logonType = roll < 0.6 ? "3" : roll < 0.85 ? "2" : "10";
    time += pick(40);
    const userName =
      user === 4242
        ? random() < 0.5
          ? "ren\\u00e9"
          : "rené"
        : `u${String(user).padStart(6, "0")}`;
    const line =
      `{"@timestamp":"${new Date(time).toISOString()}",` +
      `"winlog":{"channel":"Security","computer_name":"${server}","event_data":{` +
      `"LogonType":"${logonType}","TargetDomainName":"CORP","TargetUserName":"${userName}",` +
      `"WorkstationName":"WS-${String(device).padStart(6, "0")}","IpAddress":"10.${device >> 16}.${(device >> 8) & 255}.${device & 255}"},` +
      `"event_id":"${eventId}","record_id":"${lines + 1}"}}\n`;
    pieces.push(line);
    pieceBytes += Buffer.byteLength(line);
    lines++;
    if (pieceBytes >= 1 << 22) {
      bytes += writeSync(file, pieces.join(""));
      pieces.length = 0;
      pieceBytes = 0;
    }
  }
  if (pieces.length > 0) bytes += writeSync(file, pieces.join(""));
  closeSync(file);
  renameSync(partial, path);
  // The line count, kept as the size of a sparse side file so a reused file needs no recount.
  const marker = openSync(linesPath, "w");
  if (lines > 0) writeSync(marker, Buffer.alloc(1), 0, 1, lines - 1);
  closeSync(marker);
  return { path, bytes, lines };
}

/**
 * Writes (or reuses) the --owned file of an audit of the generated logons: every generated server,
 * Windows Server 2019 Standard, no CALs owned. Returns its path.
 */
export function writeOwnedServers(): string {
  const path = join(tmpdir(), `calwise-bench-owned-v${generatorVersion}.yaml`);
  if (existsSync(path)) return path;
  const servers = Array.from(
    { length: serverCount },
    (_, server) =>
      `  - { name: srv-${String(server).padStart(4, "0")}.corp.example, product: ws2019-standard, processors: 2 }`,
  );
  const file = openSync(`${path}.partial`, "w");
  writeSync(file, `name: generated logons audit\nservers:\n${servers.join("\n")}\n`);
  closeSync(file);
  renameSync(`${path}.partial`, path);
  return path;
}

if (process.argv[1]?.endsWith("bench-ingest-generate.ts")) {
  const megabytes = Number(process.argv[2] ?? "100");
  console.log(generateLogonFile(megabytes * 1e6, 7));
}
