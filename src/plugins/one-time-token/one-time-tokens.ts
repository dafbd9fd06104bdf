import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { digestToken } from '../../crypto/session-token';
import { AuthError } from '../../errors/auth-error';
import { ONE_TIME_TOKEN_ERRORS } from './error-codes';

/** The verification purpose of one-time tokens: part of the stored identifier, beside the token's digest. */
export const ONE_TIME_TOKEN_PURPOSE = 'one-time-token:session';

/**
 * Session fields the redeeming device's session carries over from the one that minted the token: whose
 * impersonation it is (so the admin plugin's rules still bind it) and which organization is active.
 */
const CARRIED_FIELDS = ['impersonatedBy', 'activeOrganizationId'] as const;

/**
 * A session opened by redeeming a one-time token: the raw token exists only in this value.
 * @example
 * const { token } = await auth.api.oneTimeToken.verify({ token: oneTimeToken }); // hand `token` to the device as its Bearer
 */
export interface RedeemedSession {
  readonly session: object;
  readonly user: object;
  readonly token: string;
}

/**
 * Mints a one-time token for the session whose raw token is `sessionToken`. The verification store keeps only
 * the token's digest, with the user's id and the *digest* of the minting session's token (never a raw one), so
 * neither a leaked row nor the payload is a credential.
 * @example
 * const token = await issueOneTimeToken(auth, active.token, userId, 180);
 */
export function issueOneTimeToken(auth: AuthContext, sessionToken: string, userId: string, expiresInSeconds: number): Promise<string> {
  return auth.tokens.issue(ONE_TIME_TOKEN_PURPOSE, { userId, session: digestToken(sessionToken) }, expiresInSeconds);
}

/**
 * Uses a one-time token up and opens a **new** session of its user for the redeeming device, so each device
 * ends on its own (better-auth hands the minting session itself over). The token is consumed first, atomically:
 * of any number of concurrent redemptions one gets past this line. The minting session must still be live;
 * the new one never outlives it at the moment of redemption and keeps its impersonation, if any. No sign-in
 * step runs again: the minting session already passed them (a second factor would otherwise be asked twice).
 * @example
 * const { session, user, token } = await redeemOneTimeToken(auth, dto.token, ctx.client);
 */
export async function redeemOneTimeToken(auth: AuthContext, oneTimeToken: string, client: ClientInfo): Promise<RedeemedSession> {
  const check = await auth.tokens.consume(ONE_TIME_TOKEN_PURPOSE, oneTimeToken);
  if (!check.ok || !check.payload.session || !check.payload.userId) throw new AuthError('INVALID_TOKEN');
  const origin = await auth.sessions.findLiveByDigest(check.payload.session);
  const model = auth.models.session;
  if (!origin || model.read(origin.session, 'userId') !== check.payload.userId) throw new AuthError(ONE_TIME_TOKEN_ERRORS.ORIGIN_SESSION_ENDED);

  const opened = await auth.sessions.create(check.payload.userId, client, {
    notAfter: model.read(origin.session, 'expiresAt'),
    fields: carriedFields(auth, origin.session),
  });
  return { session: opened.session, user: origin.user, token: opened.token };
}

function carriedFields(auth: AuthContext, session: object): Record<string, unknown> {
  const model = auth.models.session;
  const fields: Record<string, unknown> = {};
  for (const field of CARRIED_FIELDS) {
    if (!model.has(field)) continue;
    const value = model.read(session, field);
    if (value != null) fields[field] = value;
  }
  return fields;
}
