import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { CreateSessionData, SessionWithUser, UpdateSessionData } from '../../adapters/inputs';
import { telemetry } from '../observability/telemetry';
import { SESSION_LOOKUP_ATTRIBUTES as LOOKUP } from './session-lookup-attributes';

/**
 * Where the engine keeps sessions: the one seam between the session flows and storage. Every route reads and
 * writes sessions through `SessionService`, which calls only this, so a secondary storage (Redis in front of
 * the database) takes over by installing its own store in a plugin's `init`, with no route changed.
 *
 * Methods that write take an optional `db`: a flow that changes sessions inside a database transaction
 * passes the transaction's adapter. A caching store still drops what it cached for those sessions
 * (dropping is safe even if the transaction then rolls back: the next read falls through to the database).
 * Tokens are the SHA-256 digests the database stores, never the raw tokens clients hold.
 * @example
 * init(auth) { auth.useSessionStore((database) => new CachedSessionStore(database, redis)); }
 */
export interface SessionStore {
  create(data: CreateSessionData<object>, db?: DatabaseAdapter): Promise<object>;
  /** The session stored under a token digest, with its user; `null` when unknown. */
  findWithUser(tokenDigest: string): Promise<SessionWithUser<object, object> | null>;
  update(id: string, data: UpdateSessionData<object>, db?: DatabaseAdapter): Promise<object | null>;
  delete(id: string, db?: DatabaseAdapter): Promise<boolean>;
  /** Deletes a user's sessions, or all but one; returns how many went. */
  deleteForUser(userId: string, options?: { exceptSessionId?: string }, db?: DatabaseAdapter): Promise<number>;
  listForUser(userId: string): Promise<object[]>;
}

/** The default store: the database adapter itself, the system of record. */
export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly db: DatabaseAdapter) {}

  create(data: CreateSessionData<object>, db: DatabaseAdapter = this.db): Promise<object> {
    return db.createSession(data);
  }

  findWithUser(tokenDigest: string): Promise<SessionWithUser<object, object> | null> {
    const instruments = telemetry.metrics();
    // No metrics registered: the lookup's own promise, nothing chained (get-session is the hot path).
    if (!instruments) return this.db.getSessionWithUser(tokenDigest);
    return this.db.getSessionWithUser(tokenDigest).then((found) => {
      instruments.sessionLookups.add(1, found ? LOOKUP.databaseFound : LOOKUP.databaseMissing);
      return found;
    });
  }

  update(id: string, data: UpdateSessionData<object>, db: DatabaseAdapter = this.db): Promise<object | null> {
    return db.updateSession(id, data);
  }

  delete(id: string, db: DatabaseAdapter = this.db): Promise<boolean> {
    return db.deleteSession(id);
  }

  deleteForUser(userId: string, options: { exceptSessionId?: string } = {}, db: DatabaseAdapter = this.db): Promise<number> {
    return db.deleteSessionsForUser(userId, options);
  }

  listForUser(userId: string): Promise<object[]> {
    return this.db.listSessionsForUser(userId);
  }
}
