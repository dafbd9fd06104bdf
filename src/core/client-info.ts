import type { AuthRequest } from '../wire/auth-request';
import { forwardedClientAddress, type ProxyTrust } from './proxy-trust';

/** What a session records about the device that opened it. */
export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

// Long enough for any real browser; stops a client from parking kilobytes in every session row.
const MAX_USER_AGENT = 512;

/**
 * The client's address and user agent; `X-Forwarded-For` is read only when the app says which proxies set it
 * (`proxyTrust`), and then only the entries those proxies added.
 */
export function clientInfo(request: AuthRequest, proxyTrust: ProxyTrust | null): ClientInfo {
  const address = proxyTrust ? forwardedClientAddress(proxyTrust, request.remoteAddress, request.header('x-forwarded-for')) : request.remoteAddress;
  const userAgent = request.header('user-agent');
  return {
    ipAddress: address || null,
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
  };
}
