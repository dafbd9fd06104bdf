import type { AuthContext } from '../core/auth-context';

/**
 * The public URL of an auth route, for links in emails: base URL + base path + `path`, with `query`
 * appended (values URL-encoded).
 * @example
 * authURL(auth, '/verify-email', { token, callbackURL: '/welcome' }); // http://localhost:3000/api/auth/verify-email?token=…&callbackURL=%2Fwelcome
 */
export function authURL(auth: AuthContext, path: string, query: Record<string, string | null | undefined> = {}): string {
  const base = auth.config.baseURL.href.replace(/\/+$/, '');
  const url = new URL(`${base}${auth.config.basePath}${path}`);
  for (const [name, value] of Object.entries(query)) if (value != null) url.searchParams.set(name, value);
  return url.href;
}
