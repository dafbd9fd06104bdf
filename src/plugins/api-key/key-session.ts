import type { AuthContext } from '../../core/auth-context';
import { clientInfo } from '../../core/client-info';
import type { HeaderCredential } from '../../core/header-credentials';
import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';
import type { AuthRequest } from '../../wire/auth-request';
import { API_KEY_ERRORS, MALFORMED_API_KEY } from './error-codes';
import type { ApiKeyDigest } from './key-material';
import type { ResolvedApiKeyOptions } from './options';
import type { ApiKeyRow } from './schema';
import { verifyApiKey } from './verify-key';

/**
 * The sessions this plugin built from keys, so its own routes can tell a key-authenticated request from a
 * signed-in one (a leaked key must not mint or change keys). Weak: they live as long as their request.
 */
const keySessions = new WeakSet<object>();

/** Whether a session was built from an API key (by the header credential below). */
export const isKeySession = (session: object): boolean => keySessions.has(session);

function bannedNow(auth: AuthContext, user: object, now: number): boolean {
  const model = auth.models.user;
  if (!model.has('banned') || model.readUnchecked(user, 'banned') !== true) return false;
  const until = model.readUnchecked(user, 'banExpires');
  return !(until instanceof Date) || until.getTime() > now;
}

/**
 * The session a key stands for: its owner, for this request only (never stored, so nothing to revoke or
 * refresh, and no cookie). It does not echo the key: its `token` is empty, its `id` the key's id. It expires
 * when the key does, or after the configured session lifetime, whichever comes first; it was created when
 * the key was, so routes that want a recent sign-in (`freshAge`) do not take an old key for one. A banned
 * owner's key is refused (401 `USER_BANNED`), as sign-in refuses them.
 */
export async function keySession(auth: AuthContext, row: ApiKeyRow, request: AuthRequest): Promise<ActiveSession> {
  const user = await auth.db.getUserById(row.referenceId);
  if (!user) throw new AuthError(API_KEY_ERRORS.INVALID_REFERENCE_ID_FROM_API_KEY);
  const now = Date.now();
  if (bannedNow(auth, user, now)) throw new AuthError(API_KEY_ERRORS.USER_BANNED);
  const lifetimeEnd = now + auth.config.session.expiresInMs;
  const client = clientInfo(request, auth.config.proxyTrust);
  const session = auth.models.session.create({
    id: row.id,
    token: '',
    userId: row.referenceId,
    expiresAt: new Date(row.expiresAt ? Math.min(row.expiresAt.getTime(), lifetimeEnd) : lifetimeEnd),
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
    createdAt: row.createdAt,
    updatedAt: new Date(now),
  });
  keySessions.add(session);
  return { session, user, token: '', refreshed: false };
}

/** The `x-api-key` credential (`enableSessionForAPIKeys`): any route runs as the key's owner. */
export function apiKeyCredential(auth: AuthContext, options: ResolvedApiKeyOptions, digests: ApiKeyDigest): HeaderCredential {
  return {
    headers: options.headers,
    authenticate: async (key, request) => {
      // Shorter than any key this server makes: refused before a lookup, as better-auth does (403).
      if (key.length < options.defaultKeyLength) throw new AuthError(MALFORMED_API_KEY);
      const row = await verifyApiKey(auth, options, digests, key);
      return keySession(auth, row, request);
    },
  };
}
