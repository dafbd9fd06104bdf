import type { ResolvedConfig } from '../config/resolve-config';
import type { CookieSigner } from '../crypto/cookie-signer';
import type { AuthRequest } from '../wire/auth-request';
import { parseCookies, serializeCookie } from '../wire/cookies';

/** Where a request's session token came from: the cookie needs a trusted Origin on writes, a Bearer header does not. */
export type TokenSource = 'bearer' | 'cookie';

export interface PresentedToken {
  token: string;
  source: TokenSource;
}

/**
 * Reads the session token from a request and writes the session cookie: the one place that knows the
 * cookie's name, signature and attributes.
 */
export class SessionCookies {
  constructor(
    private readonly config: ResolvedConfig,
    private readonly signer: CookieSigner,
  ) {}

  /**
   * The token a request presents: `Authorization: Bearer` first, then the signed cookie. A Bearer value may be
   * the raw token or the signed one (`set-auth-token`); a signed value with a bad signature presents nothing.
   */
  read(request: AuthRequest): PresentedToken | null {
    const authorization = request.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const value = match?.[1];
      if (value) {
        const token = value.includes('.') ? this.signer.verify(safeDecode(value)) : value;
        return token ? { token, source: 'bearer' } : null;
      }
    }
    return this.readCookie(request);
  }

  /** Whether the request carries a session cookie at all (signed correctly or not). */
  hasCookie(request: AuthRequest): boolean {
    const cookies = parseCookies(request.header('cookie'));
    return this.config.session.cookieNamesAccepted.some((name) => cookies.has(name));
  }

  private readCookie(request: AuthRequest): PresentedToken | null {
    const header = request.header('cookie');
    if (!header) return null;
    const cookies = parseCookies(header);
    for (const name of this.config.session.cookieNamesAccepted) {
      const signed = cookies.get(name);
      if (signed === undefined) continue;
      const token = this.signer.verify(signed);
      if (token) return { token, source: 'cookie' };
    }
    return null;
  }

  /** The signed form of a token, as the cookie and the `set-auth-token` header carry it. */
  signed(token: string): string {
    return this.signer.sign(token);
  }

  /** `Set-Cookie` for a session; `persistent: false` makes it end with the browser session. */
  setCookie(token: string, expiresAt: Date, persistent = true): string {
    const { session } = this.config;
    const maxAgeSeconds = persistent ? Math.max(0, (expiresAt.getTime() - Date.now()) / 1000) : undefined;
    return serializeCookie(session.cookieName, this.signer.sign(token), {
      maxAgeSeconds,
      domain: session.cookieDomain,
      secure: session.cookieSecure,
      httpOnly: session.cookieHttpOnly,
      sameSite: session.cookieSameSite,
    });
  }

  /** `Set-Cookie` that removes the session cookie. */
  clearCookie(): string {
    const { session } = this.config;
    return serializeCookie(session.cookieName, '', {
      maxAgeSeconds: 0,
      domain: session.cookieDomain,
      secure: session.cookieSecure,
      httpOnly: session.cookieHttpOnly,
      sameSite: session.cookieSameSite,
    });
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
