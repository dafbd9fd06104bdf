import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { ResolvedConfig } from '../config/resolve-config';
import { digestToken, generateSessionToken, isBrowserSessionToken } from '../crypto/session-token';
import type { ClientInfo } from './client-info';
import { convertRawTokenSession } from './raw-token-sessions';
import type { SessionStore } from './session-store';
import type { SessionWithUser } from '../../adapters/inputs';

/** Whether a found, unexpired session still stands; a plugin's rule (see `SessionService.endWhen`). */
export type SessionEndRule = (found: SessionWithUser<object, object>) => boolean | Promise<boolean>;

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

/** What else a new session carries: fields sign-in steps set (impersonation, the active organization). */
export interface SessionOptions {
  rememberMe?: boolean;
  fields?: Readonly<Record<string, unknown>>;
  /**
   * A lifetime of its own instead of the configured one (an impersonation's hour). Such a session slides
   * only if no `keepLifetime` rule claims it; pair the two for a hard end.
   */
  expiresInMs?: number;
  /**
   * The session expires no later than this (a session handed over from another one never outlives it). Taken
   * against the same clock reading as the expiry, so no time passes between the two.
   */
  notAfter?: Date;
}

/**
 * Creates, finds, refreshes and revokes sessions, through the instance's `SessionStore` (the database unless a
 * plugin installed another). Storage only ever sees a token's SHA-256 digest.
 */
export class SessionService {
  private readonly fixedLifetimeRules: Array<(session: object) => boolean> = [];
  private readonly endRules: SessionEndRule[] = [];

  constructor(
    private readonly config: ResolvedConfig,
    private readonly db: DatabaseAdapter,
    /** Replaced (once, while the instance is built) through `AuthContext.useSessionStore`. */
    public store: SessionStore,
  ) {}

  /**
   * Opens a session for a user and returns it with the raw token, which exists only in this answer. Flows
   * that sign a user in call `AuthContext.signIn.open`, which runs the sign-in steps first; this is for
   * re-issuing a session to a user who already holds one (after a password change).
   */
  async create(
    userId: string,
    client: ClientInfo,
    options: SessionOptions = {},
    db?: DatabaseAdapter,
  ): Promise<{ session: object; token: string }> {
    const browserSession = options.rememberMe === false;
    const token = generateSessionToken({ browserSession });
    const { expiresInMs } = this.config.session;
    const lifetime = options.expiresInMs ?? (browserSession ? Math.min(SHORT_SESSION_MS, expiresInMs) : expiresInMs);
    const now = Date.now();
    const expiresAt = Math.min(now + lifetime, options.notAfter?.getTime() ?? Number.POSITIVE_INFINITY);
    const session = await this.store.create({
      ...options.fields,
      token: digestToken(token),
      userId,
      expiresAt: new Date(expiresAt),
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    }, db);
    return { session, token };
  }

  /**
   * The live session for a raw token, with its user; `null` when unknown or expired (an expired one is
   * deleted on the way). Pushes the expiry forward when the session is older than `updateAge` (sliding).
   */
  async find(token: string, now = Date.now()): Promise<ActiveSession | null> {
    // The raw-token lookup (sessions better-auth stored) costs nothing unless switched on and the digest missed.
    const found = (await this.store.findWithUser(digestToken(token))) ?? (this.config.session.convertRawTokens ? await convertRawTokenSession(this.db, this.store, token) : null);
    if (!found) return null;
    const model = this.db.models.session;
    const expiresAt = model.read(found.session, 'expiresAt').getTime();
    const id = model.read(found.session, 'id');
    if (expiresAt <= now || (this.endRules.length > 0 && (await this.endedByRule(found)))) {
      await this.store.delete(id);
      return null;
    }
    // A "don't remember me" session keeps its short life: sliding would turn it into a persistent one
    // (better-auth does not refresh them either).
    if (isBrowserSessionToken(token)) return { ...found, token, refreshed: false };
    const { expiresInMs, updateAgeMs } = this.config.session;
    const dueForRefresh = expiresAt - expiresInMs + updateAgeMs <= now;
    if (!dueForRefresh || this.hasFixedLifetime(found.session)) return { ...found, token, refreshed: false };
    const updated = await this.store.update(id, { expiresAt: new Date(now + expiresInMs) });
    return updated ? { session: updated, user: found.user, token, refreshed: true } : null;
  }

  /**
   * The live session stored under a token digest, with its user, without sliding it: for a flow that holds
   * only the digest of a session it refers to (a one-time token minted by that session). `null` when unknown,
   * expired or ended by a rule (such a session is deleted on the way, as `find` does).
   * @example
   * const origin = await auth.sessions.findLiveByDigest(payload.sessionDigest);
   */
  async findLiveByDigest(tokenDigest: string, now = Date.now()): Promise<SessionWithUser<object, object> | null> {
    const found = await this.store.findWithUser(tokenDigest);
    if (!found) return null;
    const model = this.db.models.session;
    if (model.read(found.session, 'expiresAt').getTime() <= now || (this.endRules.length > 0 && (await this.endedByRule(found)))) {
      await this.store.delete(model.read(found.session, 'id'));
      return null;
    }
    return found;
  }

  /**
   * The live session for a raw token, with its user, without touching it: no refresh, no deletion of an expired
   * one (`null` then). For looking at the session a request carried while it is being replaced.
   */
  async peek(token: string, now = Date.now()): Promise<SessionWithUser<object, object> | null> {
    const found = await this.store.findWithUser(digestToken(token));
    if (!found || this.db.models.session.read(found.session, 'expiresAt').getTime() <= now) return null;
    return this.endRules.length > 0 && (await this.endedByRule(found)) ? null : found;
  }

  /** False for the token of a session opened with `rememberMe: false`: its cookie ends with the browser session. */
  isRemembered(token: string): boolean {
    return !isBrowserSessionToken(token);
  }

  /** The user's sessions that have not expired, newest first. */
  async listLive(userId: string, now = Date.now()): Promise<object[]> {
    const model = this.db.models.session;
    const sessions = await this.store.listForUser(userId);
    return sessions
      .filter((session) => model.read(session, 'expiresAt').getTime() > now)
      .sort((a, b) => model.read(b, 'createdAt').getTime() - model.read(a, 'createdAt').getTime());
  }

  /**
   * Sessions `rule` picks keep the expiry they were created with: `find` never pushes it forward. Without
   * this a one-hour session would slide to the configured lifetime on its first use. Call from `init`.
   * @example
   * auth.sessions.keepLifetime((session) => auth.models.session.read(session, 'impersonatedBy') != null);
   */
  keepLifetime(rule: (session: object) => boolean): void {
    this.fixedLifetimeRules.push(rule);
  }

  /**
   * Sessions `rule` answers `true` for end on their next lookup: refused and deleted, as an expired one is.
   * For a session whose standing depends on something outside it (an impersonation on its impersonator's
   * rights). Rules run on every lookup: answer synchronously for sessions they do not concern. Call from `init`.
   * @example
   * auth.sessions.endWhen((found) => isImpersonation(found.session) && impersonatorLostTheRight(found));
   */
  endWhen(rule: SessionEndRule): void {
    this.endRules.push(rule);
  }

  private async endedByRule(found: SessionWithUser<object, object>): Promise<boolean> {
    for (const rule of this.endRules) {
      const verdict = rule(found);
      // Awaited only when the rule needed to look something up: most sessions concern no rule.
      if (verdict === true || (verdict !== false && (await verdict))) return true;
    }
    return false;
  }

  private hasFixedLifetime(session: object): boolean {
    return this.fixedLifetimeRules.some((rule) => rule(session));
  }

  revoke(sessionId: string, db?: DatabaseAdapter): Promise<boolean> {
    return this.store.delete(sessionId, db);
  }

  /** Revokes all of a user's sessions, or all but one; returns how many were revoked. */
  revokeAll(userId: string, exceptSessionId?: string, db?: DatabaseAdapter): Promise<number> {
    return this.store.deleteForUser(userId, { exceptSessionId }, db);
  }

  /** All of a user's stored sessions, expired ones included (to tell "not yours" from "gone"). */
  listAll(userId: string): Promise<object[]> {
    return this.store.listForUser(userId);
  }
}
