import { randomBytes } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import type { AuthRequest } from '../../wire/auth-request';
import { siblingCookieName } from '../../http/sibling-cookie';
import { parseCookies, serializeCookie } from '../../wire/cookies';

export const STATE_PURPOSE = 'social:state';

/** What a started sign-in (or link) remembers until its callback; stored server-side, never sent to the provider. */
export interface OAuthFlow {
  readonly providerId: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly callbackURL: string;
  readonly errorURL: string;
  readonly newUserURL?: string;
  /** Set by `link-social`: the user the provider account joins. */
  readonly linkUserId?: string;
}

/**
 * Starts a flow: a random `state` whose digest keys the flow in the verification table (single use, expiring),
 * and the `Set-Cookie` that binds the state to this browser. The cookie holds the state signed, so a callback
 * carrying a state minted in another browser (login CSRF, a victim lured onto an attacker's callback) finds no
 * matching cookie and is refused before anything is redeemed.
 */
export async function startFlow(auth: AuthContext, flow: OAuthFlow, ttlSeconds: number): Promise<{ state: string; cookie: string }> {
  const payload = Object.fromEntries(Object.entries(flow).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const state = await auth.tokens.issue(STATE_PURPOSE, payload, ttlSeconds);
  return { state, cookie: serializeCookie(stateCookieName(auth), auth.signer.sign(state), { ...cookieAttributes(auth), maxAgeSeconds: ttlSeconds }) };
}

/** The state this browser started, or `null` when it carries no cookie of ours. */
export function browserState(auth: AuthContext, request: AuthRequest): string | null {
  const signed = parseCookies(request.header('cookie')).get(stateCookieName(auth));
  return signed ? auth.signer.verify(signed) : null;
}

/** The flow of a state, once: a second callback with the same state (a replay) gets `null`. */
export async function finishFlow(auth: AuthContext, state: string): Promise<OAuthFlow | null> {
  const check = await auth.tokens.consume(STATE_PURPOSE, state);
  return check.ok ? (check.payload as unknown as OAuthFlow) : null;
}

export function clearStateCookie(auth: AuthContext): string {
  return serializeCookie(stateCookieName(auth), '', { ...cookieAttributes(auth), maxAgeSeconds: 0 });
}

/** A fresh PKCE verifier or nonce: 32 random bytes, base64url (43 characters, within RFC 7636's 43–128). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** `<prefix>.oauth_state` next to `<prefix>.session_token`, as better-auth names it. */
const stateCookieName = (auth: AuthContext): string => siblingCookieName(auth, 'oauth_state');

// Lax (never Strict): the provider's redirect back is a cross-site top-level navigation that must carry it.
function cookieAttributes(auth: AuthContext) {
  const { session } = auth.config;
  return { domain: session.cookieDomain, secure: session.cookieSecure, httpOnly: true, sameSite: session.cookieSameSite === 'none' ? ('none' as const) : ('lax' as const) };
}
