import type { ResolvedUser } from "./inventory-index.ts";

/**
 * The user resolved for each logon group of one source, by the group's id, for a reading that hands
 * a group on more than once (GroupLogonOptions.takeGroups): 4 bytes per group, the distinct users
 * listed once.
 */
export class GroupUsers {
  /** The source (its reading base) whose groups are held. */
  base = Number.NaN;
  /** Per group id: 1 + the index of its user in `users`, 0 for none yet. */
  private userOf = new Int32Array(1024);
  private readonly users: ResolvedUser[] = [];
  /** A local user is made afresh by each resolution: it is listed by its id. */
  private readonly indexes = new Map<ResolvedUser | string, number>();

  /** Forgets every group: the groups of the source read at `base` come next. */
  reset(base: number): void {
    this.base = base;
    this.userOf = new Int32Array(1024);
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
    if (id >= this.userOf.length) {
      const bigger = new Int32Array(id + (id >> 1) + 1024);
      bigger.set(this.userOf);
      this.userOf = bigger;
    }
    this.userOf[id] = index + 1;
  }
}
