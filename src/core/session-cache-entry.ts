import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { SessionWithUser } from '../../adapters/inputs';
import { decodeEntity } from './entity-codec';

/**
 * A session with its user as the secondary storage caches it, stamped with when the database was read for it.
 *
 * Why the stamp: a revocation deletes the database row before it answers, but its mark in the storage can be
 * lost (the revoking process cannot reach Redis, or dies before it replays the mark). A copy is therefore
 * trusted only for a bounded time after the database was last asked, so every revocation that answered binds
 * every process within that bound, whatever happened to its mark.
 */
export interface SessionCacheEntry {
  found: SessionWithUser<object, object>;
  /** Epoch milliseconds taken just before the database read (so never later than what the read saw). */
  checkedAt: number;
}

export function encodeSessionCacheEntry(models: DatabaseAdapter['models'], found: SessionWithUser<object, object>, checkedAt: number): string {
  return JSON.stringify({ session: models.session.toValues(found.session), user: models.user.toValues(found.user), checkedAt });
}

/** The cached entry; `checkedAt` is 0 for entries written before the stamp existed (so they are re-checked). */
export function decodeSessionCacheEntry(models: DatabaseAdapter['models'], raw: string): SessionCacheEntry {
  const parsed = JSON.parse(raw) as { session: Record<string, unknown>; user: Record<string, unknown>; checkedAt?: number };
  return {
    found: { session: decodeEntity(models.session, parsed.session), user: decodeEntity(models.user, parsed.user) },
    checkedAt: typeof parsed.checkedAt === 'number' ? parsed.checkedAt : 0,
  };
}

/**
 * Whether a cached copy may be served without asking the database: it was checked less than `recheckAfterMs`
 * ago, and after `trustedSince` (the moment this process last got the storage back: revocations made while it
 * was away may have left no mark). Strictly after: a copy checked in that same millisecond may predate it.
 */
export function isTrusted(entry: SessionCacheEntry, now: number, recheckAfterMs: number, trustedSince: number): boolean {
  return entry.checkedAt > trustedSince && now - entry.checkedAt < recheckAfterMs;
}
