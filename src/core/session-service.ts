import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { ResolvedConfig } from '../config/resolve-config';
import { digestToken, generateSessionToken, isBrowserSessionToken } from '../crypto/session-token';
import type { ClientInfo } from './client-info';

/** A session as the engine holds it after a successful lookup. */
export interface ActiveSession<S extends object = object, U extends object = object> {
  session: S;
  user: U;
  /** The raw token the client presented (or was just given). */
  token: string;
  /** True when this lookup pushed the expiry forward, so the cookie should be re-sent. */
  refreshed: boolean;
}

/** Sessions of "don't remember me" sign-ins last a day, as in better-auth. */
const SHORT_SESSION_MS = 24 * 60 * 60 * 1000;

/**
 * Creates, finds, refreshes and revokes sessions. The database only ever sees a token's SHA-256 digest.
 */
export class SessionService {
  constructor(
    private readonly config: ResolvedConfig,
    private readonly db: DatabaseAdapter,
  ) {}

  /** Opens a session for a user and returns it with the raw token, which exists only in this answer. */
  async create(
    userId: string,
    client: ClientInfo,
    options: { rememberMe?: boolean } = {},
    db: DatabaseAdapter = this.db,
  ): Promise<{ session: object; token: string }> {
    const browserSession = options.rememberMe === false;
    const token = generateSessionToken({ browserSession });
    const { expiresInMs } = this.config.session;
    const lifetime = browserSession ? Math.min(SHORT_SESSION_MS, expiresInMs) : expiresInMs;
    const now = Date.now();
    const session = await db.createSession({
      token: digestToken(token),
      userId,
      expiresAt: new Date(now + lifetime),
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    });
    return { session, token };
  }

  /**
   * The live session for a raw token, with its user; `null` when unknown or expired (an expired one is
   * deleted on the way). Pushes the expiry forward when the session is older than `updateAge` (sliding).
   */
  async find(token: string, now = Date.now()): Promise<ActiveSession | null> {
    const found = await this.db.getSessionWithUser(digestToken(token));
    if (!found) return null;
    const model = this.db.models.session;
    const expiresAt = (model.read(found.session, 'expiresAt') as Date).getTime();
    const id = model.read(found.session, 'id') as string;
    if (expiresAt <= now) {
      await this.db.deleteSession(id);
      return null;
    }
    // A "don't remember me" session keeps its short life: sliding would turn it into a persistent one
    // (better-auth does not refresh them either).
    if (isBrowserSessionToken(token)) return { ...found, token, refreshed: false };
    const { expiresInMs, updateAgeMs } = this.config.session;
    const dueForRefresh = expiresAt - expiresInMs + updateAgeMs <= now;
    if (!dueForRefresh) return { ...found, token, refreshed: false };
    const updated = await this.db.updateSession(id, { expiresAt: new Date(now + expiresInMs) });
    return updated ? { session: updated, user: found.user, token, refreshed: true } : null;
  }

  /** False for the token of a session opened with `rememberMe: false`: its cookie ends with the browser session. */
  isRemembered(token: string): boolean {
    return !isBrowserSessionToken(token);
  }

  /** The user's sessions that have not expired, newest first. */
  async listLive(userId: string, now = Date.now()): Promise<object[]> {
    const model = this.db.models.session;
    const sessions = await this.db.listSessionsForUser(userId);
    return sessions
      .filter((session) => (model.read(session, 'expiresAt') as Date).getTime() > now)
      .sort((a, b) => (model.read(b, 'createdAt') as Date).getTime() - (model.read(a, 'createdAt') as Date).getTime());
  }

  revoke(sessionId: string): Promise<boolean> {
    return this.db.deleteSession(sessionId);
  }

  /** Revokes all of a user's sessions, or all but one; returns how many were revoked. */
  revokeAll(userId: string, exceptSessionId?: string): Promise<number> {
    return this.db.deleteSessionsForUser(userId, { exceptSessionId });
  }
}
