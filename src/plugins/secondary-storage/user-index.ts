import type { SecondaryStorage } from '../../core/secondary-storage';

/** One listed session: its id and the digest its entry is stored under. */
export interface IndexedSession {
  readonly id: string;
  readonly digest: string;
}

// A holder that crashed frees the lock after this long; a change of the index takes a few milliseconds.
const LOCK_TTL_SECONDS = 5;
const LOCK_ATTEMPTS = 100;
const LOCK_WAIT_MS = 20;

const indexKey = (userId: string) => `active-sessions:${userId}`;
const lockKey = (userId: string) => `active-sessions-lock:${userId}`;

/**
 * The sessions of each user, as one JSON list per user in the secondary storage: what list-sessions and
 * revoke-all read when sessions live only there. A list is changed read-modify-write, so two sign-ins of one
 * user in two processes could each drop the other's entry; changes therefore hold a per-user lock made of the
 * storage's atomic `increment` (the caller that counts 1 holds it; the count expires if it never lets go).
 *
 * Why no set operations on `SecondaryStorage` instead: every operation there must be implemented by every
 * storage an app brings, and per-user changes are rare (sign-in, sign-out), so a lock over plain values is
 * enough. Revoking all of a user's sessions does not rely on this list alone (see `StorageSessionStore`).
 */
export class UserIndex {
  constructor(
    private readonly storage: SecondaryStorage,
    private readonly ttlSeconds: number,
  ) {}

  async list(userId: string): Promise<IndexedSession[]> {
    const raw = await this.storage.get(indexKey(userId));
    return raw ? (JSON.parse(raw) as IndexedSession[]) : [];
  }

  add(userId: string, session: IndexedSession): Promise<void> {
    return this.change(userId, (sessions) => [...sessions.filter((listed) => listed.id !== session.id), session]);
  }

  remove(userId: string, sessionId: string): Promise<void> {
    return this.change(userId, (sessions) => sessions.filter((listed) => listed.id !== sessionId));
  }

  /** Drops sessions that expired or went without a sign-out (their entries are gone). */
  prune(userId: string, goneIds: ReadonlySet<string>): Promise<void> {
    return this.change(userId, (sessions) => sessions.filter((listed) => !goneIds.has(listed.id)));
  }

  /** Renews the list's TTL (a session slid forward and may now outlive it). */
  touch(userId: string): Promise<void> {
    return this.change(userId, (sessions) => sessions);
  }

  private async change(userId: string, next: (sessions: IndexedSession[]) => IndexedSession[]): Promise<void> {
    const locked = await this.lock(userId);
    try {
      const sessions = next(await this.list(userId));
      if (sessions.length === 0) await this.storage.delete(indexKey(userId));
      else await this.storage.set(indexKey(userId), JSON.stringify(sessions), this.ttlSeconds);
    } finally {
      if (locked) await this.storage.delete(lockKey(userId));
    }
  }

  /** Takes the user's lock; after ~2 s of waiting goes on without it (a lost entry beats a failed sign-in). */
  private async lock(userId: string): Promise<boolean> {
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      if ((await this.storage.increment(lockKey(userId), LOCK_TTL_SECONDS)).value === 1) return true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
    }
    return false;
  }
}
