import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { CreateSessionData, SessionWithUser, UpdateSessionData } from '../../adapters/inputs';

import type { Logger } from './logger';
import type { SecondaryStorage } from './secondary-storage';
import { decodeSessionCacheEntry, encodeSessionCacheEntry, isTrusted } from './session-cache-entry';
import type { SessionStore } from './session-store';
import { telemetry } from '../observability/telemetry';
import { SESSION_LOOKUP_ATTRIBUTES as LOOKUP } from './session-lookup-attributes';

export interface CachedSessionStoreOptions {
  /**
   * How long a cached session (with its user) is served before the database is asked again (default 5000 ms;
   * never past the session's expiry): the bound on a revocation whose mark never reached the storage.
   */
  recheckAfterMs?: number;
  /** How long revocation marks are kept: at least the longest session lifetime (seconds). */
  revocationTtlSeconds: number;
  /** How often writes that failed while the storage was away are retried (default 200 ms). */
  retryEveryMs?: number;
}

// Keys: s:<digest> the cached session and user; t:<digest> a revocation mark; i:<id> the digest of a cached
// session id; d:<id> a "deleted" mark by id.
const key = { entry: (digest: string) => `s:${digest}`, revoked: (digest: string) => `t:${digest}`, digestOf: (id: string) => `i:${id}`, deleted: (id: string) => `d:${id}` };

/**
 * Sessions served from a secondary storage (Redis), with the database as the system of record. Reads ask the
 * storage for the entry and its revocation mark in one round trip and go to the database on a miss; every
 * write goes to the database first.
 *
 * Why a revoked session can never be served from the cache:
 * - Revoking writes a mark (`t:<digest>`) that reads check, so an entry written by a lookup racing the
 *   revocation is ignored.
 * - A revocation by id does not know the digest; it writes `d:<id>` and then reads `i:<id>`, while a lookup
 *   that fills the cache writes `i:<id>` and then reads `d:<id>`. Of two such write-then-read pairs on one
 *   store, at least one sees the other's write, so one of them always marks the digest revoked.
 * - When the storage is away, reads fall back to the database, and marks that could not be written are kept
 *   and retried; until they are written this process does not read from the storage at all.
 *
 * Marks can still be lost: a process that cannot reach the storage while others can, or one that dies with
 * marks unsent. The database row is gone all the same, so a cached copy is trusted only `recheckAfterMs`
 * after the database was read for it (see `session-cache-entry.ts`), and a process that got the storage back
 * re-checks every copy made before that moment. A revocation that answered thus binds every process within
 * `recheckAfterMs`, and at once whenever its mark was written.
 */
export class CachedSessionStore implements SessionStore {
  private readonly pendingMarks: Array<() => Promise<void>> = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private storageAway = false;
  /** Copies checked before this moment are re-checked: revocations made while we were away may have no mark. */
  private trustedSince = 0;

  constructor(
    private readonly database: SessionStore,
    private readonly storage: SecondaryStorage,
    private readonly models: DatabaseAdapter['models'],
    private readonly logger: Logger,
    private readonly options: CachedSessionStoreOptions,
  ) {}

  create(data: CreateSessionData<object>, db?: DatabaseAdapter): Promise<object> {
    // Not cached here: the first lookup fills the cache, through the one path that guards against revocation.
    return this.database.create(data, db);
  }

  async findWithUser(tokenDigest: string): Promise<SessionWithUser<object, object> | null> {
    if (this.pendingMarks.length > 0) return this.database.findWithUser(tokenDigest);
    let cached: Array<string | null>;
    try {
      cached = await this.storage.getMany([key.entry(tokenDigest), key.revoked(tokenDigest)]);
      this.recovered();
    } catch (error) {
      this.away(error);
      return this.database.findWithUser(tokenDigest);
    }
    const [raw, revoked] = cached;
    if (revoked) {
      telemetry.metrics()?.sessionLookups.add(1, LOOKUP.cacheRevoked);
      return null;
    }
    const entry = raw ? decodeSessionCacheEntry(this.models, raw) : null;
    if (entry && isTrusted(entry, Date.now(), this.recheckAfterMs, this.trustedSince)) {
      telemetry.metrics()?.sessionLookups.add(1, LOOKUP.cacheFound);
      return entry.found;
    }
    // A miss or a copy too old to trust is counted by the database store it falls through to.
    // Stamped before the read: the copy then never claims to be newer than what the database told us.
    const checkedAt = Date.now();
    const found = await this.database.findWithUser(tokenDigest);
    if (found) await this.fill(tokenDigest, found, checkedAt);
    return found;
  }

  async update(id: string, data: UpdateSessionData<object>, db?: DatabaseAdapter): Promise<object | null> {
    const updated = await this.database.update(id, data, db);
    // Dropped rather than rewritten: the next lookup fills it again through the guarded path.
    if (updated) await this.forget(this.digestOf(updated));
    return updated;
  }

  async delete(id: string, db?: DatabaseAdapter): Promise<boolean> {
    const deleted = await this.database.delete(id, db);
    await this.markDeleted(id);
    return deleted;
  }

  async deleteForUser(userId: string, options: { exceptSessionId?: string } = {}, db?: DatabaseAdapter): Promise<number> {
    // Listed first, then deleted one by one: each deleted session is marked by its digest. A session opened
    // after the list survives, as one opened just after the request would.
    const sessions = (await this.database.listForUser(userId)).filter((session) => this.idOf(session) !== options.exceptSessionId);
    let deleted = 0;
    for (const session of sessions) if (await this.database.delete(this.idOf(session), db)) deleted += 1;
    for (const session of sessions) await this.markRevoked(this.digestOf(session));
    return deleted;
  }

  listForUser(userId: string): Promise<object[]> {
    return this.database.listForUser(userId);
  }

  /** Drops the cached copies of a user's sessions, so the next lookups read the changed user. */
  async userChanged(userId: string): Promise<void> {
    for (const session of await this.database.listForUser(userId)) await this.forget(this.digestOf(session));
  }

  /** Stops the retry timer (the auth instance's `close()`). */
  close(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = undefined;
  }

  private get recheckAfterMs(): number {
    return this.options.recheckAfterMs ?? 5000;
  }

  private async fill(digest: string, found: SessionWithUser<object, object>, checkedAt: number): Promise<void> {
    const expiresIn = this.models.session.read(found.session, 'expiresAt').getTime() - Date.now();
    // The key lives about as long as it is trusted; readers check the stamp, so the rounding up is harmless.
    const ttl = Math.min(Math.ceil(this.recheckAfterMs / 1000), Math.floor(expiresIn / 1000));
    if (ttl < 1) return;
    const id = this.idOf(found.session);
    const value = encodeSessionCacheEntry(this.models, found, checkedAt);
    try {
      await this.storage.set(key.digestOf(id), digest, ttl);
      await this.storage.set(key.entry(digest), value, ttl);
      // Write, then read: see the class comment. A delete that ran meanwhile left its mark by id.
      if (await this.storage.get(key.deleted(id))) await this.storage.set(key.revoked(digest), '1', this.options.revocationTtlSeconds);
    } catch (error) {
      this.away(error);
      // The entry may have been written without the check: drop it before anyone reads it.
      this.remember(() => this.storage.delete(key.entry(digest)));
    }
  }

  private async markDeleted(id: string): Promise<void> {
    const mark = async () => {
      await this.storage.set(key.deleted(id), '1', this.options.revocationTtlSeconds);
      const digest = await this.storage.get(key.digestOf(id));
      if (digest) await this.markRevokedNow(digest);
    };
    await this.attempt(mark);
  }

  private async markRevoked(digest: string): Promise<void> {
    await this.attempt(() => this.markRevokedNow(digest));
  }

  private async markRevokedNow(digest: string): Promise<void> {
    await this.storage.set(key.revoked(digest), '1', this.options.revocationTtlSeconds);
    await this.storage.delete(key.entry(digest));
  }

  private async forget(digest: string): Promise<void> {
    await this.attempt(() => this.storage.delete(key.entry(digest)));
  }

  /** Runs a write the cache's correctness depends on; when the storage is away, keeps it for the retries. */
  private async attempt(write: () => Promise<void>): Promise<void> {
    try {
      await write();
      this.recovered();
    } catch (error) {
      this.away(error);
      this.remember(write);
    }
  }

  private remember(write: () => Promise<void>): void {
    this.pendingMarks.push(write);
    this.retryTimer ??= setInterval(() => void this.retry(), this.options.retryEveryMs ?? 200);
    this.retryTimer.unref();
  }

  private async retry(): Promise<void> {
    while (this.pendingMarks.length > 0) {
      try {
        await this.pendingMarks[0]();
      } catch {
        return; // still away; the next tick tries again
      }
      this.pendingMarks.shift();
    }
    this.close();
    this.recovered();
  }

  private away(error: unknown): void {
    if (this.storageAway) return;
    this.storageAway = true;
    this.logger.error(`secondary storage unreachable, sessions are read from the database: ${error instanceof Error ? error.message : String(error)}`);
  }

  private recovered(): void {
    if (!this.storageAway || this.pendingMarks.length > 0) return;
    this.storageAway = false;
    this.trustedSince = Date.now();
    this.logger.warn('secondary storage reachable again: sessions are served from it');
  }

  private idOf(session: object): string {
    return this.models.session.read(session, 'id');
  }

  private digestOf(session: object): string {
    return this.models.session.read(session, 'token');
  }
}
