import type { AuthContext } from '../../core/auth-context';
import { clearSiblingCookie, readSiblingCookie, setSiblingCookie, siblingCookieName } from '../../http/sibling-cookie';
import type { AuthRequest } from '../../wire/auth-request';

/** The plugin's two cookies, named as better-auth names them next to its session cookie. */
export type TwoFactorCookie = 'two_factor' | 'trust_device';

export const cookieName = (auth: AuthContext, cookie: TwoFactorCookie): string => siblingCookieName(auth, cookie);

export const setSignedCookie = (auth: AuthContext, cookie: TwoFactorCookie, value: string, maxAgeSeconds: number): string =>
  setSiblingCookie(auth, cookie, value, maxAgeSeconds);

export const clearCookie = (auth: AuthContext, cookie: TwoFactorCookie): string => clearSiblingCookie(auth, cookie);

export const readSignedCookie = (auth: AuthContext, request: AuthRequest | undefined, cookie: TwoFactorCookie): string | null =>
  readSiblingCookie(auth, request, cookie);
