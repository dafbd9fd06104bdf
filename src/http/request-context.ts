import type { AuthContext } from '../core/auth-context';
import { clientInfo, type ClientInfo } from '../core/client-info';
import type { ActiveSession } from '../core/session-service';
import type { PresentedToken } from '../core/session-cookies';
import { AuthError } from '../errors/auth-error';
import type { AuthRequest } from '../wire/auth-request';
import type { RequestHookContext } from './request-hooks';
import type { ResponseDraft, RouteDefinition } from './route';
import type { RouteParams } from './router';

/**
 * The per-request state behind `RouteContext`: the session is looked up at most once, and the cookie is
 * re-sent or cleared here, so no route has to remember to.
 */
export class RequestContext implements RequestHookContext {
  readonly response: ResponseDraft;
  private localValues: Map<string, unknown> | undefined;
  private lookup: Promise<ActiveSession | null> | undefined;
  private presented: PresentedToken | null = null;
  private clientInfoCache: ClientInfo | undefined;
  private settled: ActiveSession | null = null;

  constructor(
    readonly request: AuthRequest,
    readonly auth: AuthContext,
    readonly body: Record<string, unknown>,
    readonly params: RouteParams,
    readonly route: RouteDefinition,
  ) {
    this.response = { status: 200, headers: [], request };
  }

  get path(): string {
    return this.route.path;
  }

  // Made on first use: only requests with hooks need it.
  get locals(): Map<string, unknown> {
    this.localValues ??= new Map();
    return this.localValues;
  }

  get client(): ClientInfo {
    this.clientInfoCache ??= clientInfo(this.request, this.auth.config.proxyTrust);
    return this.clientInfoCache;
  }

  session(): Promise<ActiveSession | null> {
    this.lookup ??= this.lookUpSession();
    return this.lookup;
  }

  async requireSession(): Promise<ActiveSession> {
    const session = await this.session();
    if (!session) throw new AuthError('UNAUTHORIZED');
    return session;
  }

  /**
   * The session once a lookup has finished, without starting one: database hooks read it, and a hook run by
   * the lookup's own refresh write must not wait for the lookup it is part of.
   */
  settledSession(): ActiveSession | null {
    return this.settled;
  }

  endSession(): void {
    this.lookup = Promise.resolve(null);
    this.settled = null;
    this.response.headers.push(['set-cookie', this.auth.cookies.clearCookie()]);
  }

  private async lookUpSession(): Promise<ActiveSession | null> {
    // A header credential (an API key) stands for a session of its own, never stored and never sent as a cookie.
    const byHeader = this.auth.headerCredentials.registered ? this.auth.headerCredentials.resolve(this.request) : undefined;
    if (byHeader) {
      this.settled = await byHeader;
      return this.settled;
    }
    this.presented = this.auth.cookies.read(this.request);
    if (!this.presented) {
      if (this.auth.cookies.hasCookie(this.request)) this.response.headers.push(['set-cookie', this.auth.cookies.clearCookie()]);
      return null;
    }
    const active = await this.auth.sessions.find(this.presented.token);
    if (this.presented.source === 'cookie') {
      if (!active) this.response.headers.push(['set-cookie', this.auth.cookies.clearCookie()]);
      else if (active.refreshed) {
        const expiresAt = this.auth.models.session.read(active.session, 'expiresAt');
        this.response.headers.push(['set-cookie', this.auth.cookies.setCookie(active.token, expiresAt)]);
      }
    }
    this.settled = active;
    return active;
  }
}
