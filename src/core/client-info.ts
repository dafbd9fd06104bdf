import type { AuthRequest } from '../wire/auth-request';

/** What a session records about the device that opened it. */
export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

// Long enough for any real browser; stops a client from parking kilobytes in every session row.
const MAX_USER_AGENT = 512;

/** The client's address and user agent; `X-Forwarded-For` is believed only when the app says a proxy sets it. */
export function clientInfo(request: AuthRequest, trustProxyHeaders: boolean): ClientInfo {
  const forwarded = trustProxyHeaders ? request.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  const userAgent = request.header('user-agent');
  return {
    ipAddress: forwarded || request.remoteAddress || null,
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
  };
}
