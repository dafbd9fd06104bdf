import type { AuthRequest } from '../wire/auth-request';
import type { ActiveSession } from './session-service';

/**
 * A credential a request carries in a header of its own, beside the session token (an API key in `x-api-key`).
 * When one of `headers` is present the request is authenticated by it instead of by a cookie or bearer token.
 * @example
 * const credential: HeaderCredential = { headers: ['x-api-key'], authenticate: async (key) => sessionForKey(key) };
 */
export interface HeaderCredential {
  /** Lower-case header names that carry the credential; the first one present is used. */
  readonly headers: readonly string[];
  /**
   * The session the credential stands for, built for this request only (never stored), or `null` when it
   * stands for none; throw an `AuthError` to refuse the request with the credential's own code.
   */
  authenticate(value: string, request: AuthRequest): Promise<ActiveSession | null>;
}

/**
 * The header credentials plugins registered (`auth.headerCredentials.add` in `init`). Every session lookup asks
 * here first; with none registered that is one length check, and with some, one header read per name: a
 * request without those headers pays nothing else and falls through to the session token.
 * @example
 * init(auth) { auth.headerCredentials.add({ headers: ['x-api-key'], authenticate: (key, request) => sessionOfKey(auth, key, request) }); }
 */
export class HeaderCredentials {
  private readonly credentials: HeaderCredential[] = [];

  add(credential: HeaderCredential): void {
    if (credential.headers.some((name) => name !== name.toLowerCase() || name.length === 0)) {
      throw new TypeError(`Header credentials are named in lower case: ${credential.headers.join(', ')}`);
    }
    this.credentials.push(credential);
  }

  /** Whether any plugin registered one (call sites skip the lookup entirely otherwise). */
  get registered(): boolean {
    return this.credentials.length > 0;
  }

  /**
   * The session of the first credential the request carries, or `undefined` when it carries none (the caller
   * then reads the session token as usual).
   */
  resolve(request: AuthRequest): Promise<ActiveSession | null> | undefined {
    for (const credential of this.credentials) {
      for (const name of credential.headers) {
        const value = request.header(name);
        if (value) return credential.authenticate(value, request);
      }
    }
    return undefined;
  }
}
