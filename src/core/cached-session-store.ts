import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { CreateSessionData, SessionWithUser, UpdateSessionData } from '../../adapters/inputs';

import { decodeEntity } from './entity-codec';
import type { Logger } from './logger';
import type { SecondaryStorage } from './secondary-storage';
import type { SessionStore } from './session-store';
import { telemetry } from '../observability/telemetry';
import { SESSION_LOOKUP_ATTRIBUTES as LOOKUP } from './session-lookup-attributes';

export interface CachedSessionStoreOptions {
  /** The longest a session (with its user) stays cached (default 3600 s; never past the session's expiry). */
  cacheTtlSeconds?: number;
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
 */
export class CachedSessionStore implements SessionStore {
  private readonly pendingMarks: Array<() => Promise<void>> = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private storageAway = false;

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
    const [entry, revoked] = cached;
    // A miss is counted by the database store it falls through to.
    if (revoked || entry) telemetry.metrics()?.sessionLookups.add(1, revoked ? LOOKUP.cacheRevoked : LOOKUP.cacheFound);
    if (revoked) return null;
    if (entry) return this.decode(entry);
    const found = await this.database.findWithUser(tokenDigest);
    if (found) await this.fill(tokenDigest, found);
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

  private async fill(digest: string, found: SessionWithUser<object, object>): Promise<void> {
    const expiresIn = this.models.session.read(found.session, 'expiresAt').getTime() - Date.now();
    const ttl = Math.min(this.options.cacheTtlSeconds ?? 3600, Math.floor(expiresIn / 1000));
    if (ttl < 1) return;
    const id = this.idOf(found.session);
    const value = JSON.stringify({ session: this.models.session.toValues(found.session), user: this.models.user.toValues(found.user) });
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
    this.logger.warn('secondary storage reachable again: sessions are served from it');
  }

  private decode(entry: string): SessionWithUser<object, object> {
    const parsed = JSON.parse(entry) as { session: Record<string, unknown>; user: Record<string, unknown> };
    return { session: decodeEntity(this.models.session, parsed.session), user: decodeEntity(this.models.user, parsed.user) };
  }

  private idOf(session: object): string {
    return this.models.session.read(session, 'id');
  }

  private digestOf(session: object): string {
    return this.models.session.read(session, 'token');
  }
}
