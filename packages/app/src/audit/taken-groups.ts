import type { ResolvedUser } from "./inventory-index.ts";

/**
 * What the ledger made of each logon group of one source, by the group's id, for a reading that
 * hands a group on more than once (GroupLogonOptions.takeGroups): the user resolved for it, and the
 * access it widened when that was all it did; 8 bytes per group, the distinct users listed once.
 */
export class TakenGroups {
  /** The source (its reading base) whose groups are held. */
  base = Number.NaN;
  /** Per group id: 1 + the index of its user in `users`, 0 for none yet. */
  private userOf = new Int32Array(1024);
  /** Per group id: 1 + the access it only widened (no other count than the counted logons), 0 for none. */
  private accessOf = new Int32Array(1024);
  private readonly users: ResolvedUser[] = [];
  /** A local user is made afresh by each resolution: it is listed by its id. */
  private readonly indexes = new Map<ResolvedUser | string, number>();

  /** Forgets every group: the groups of the source read at `base` come next. */
  reset(base: number): void {
    this.base = base;
    this.userOf = new Int32Array(1024);
    this.accessOf = new Int32Array(1024);
    this.users.length = 0;
    this.indexes.clear();
  }

  get(id: number): ResolvedUser | undefined {
    const index = id < this.userOf.length ? (this.userOf[id] as number) : 0;
    return index === 0 ? undefined : this.users[index - 1];
  }

  set(id: number, user: ResolvedUser): void {
    const key = user.local ? user.id : user;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.users.length;
      this.users.push(user);
      this.indexes.set(key, index);
    }
    this.userOf = room(this.userOf, id);
    this.userOf[id] = index + 1;
  }

  /** The access group `id` only widened, or -1. */
  access(id: number): number {
    return (id < this.accessOf.length ? (this.accessOf[id] as number) : 0) - 1;
  }

  setAccess(id: number, access: number): void {
    this.accessOf = room(this.accessOf, id);
    this.accessOf[id] = access + 1;
  }
}

/** `ids`, or a copy half again as long when `id` is past its end. */
function room(ids: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  if (id < ids.length) return ids;
  const bigger = new Int32Array(id + (id >> 1) + 1024);
  bigger.set(ids);
  return bigger;
}
