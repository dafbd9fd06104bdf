import type { AuthRequest } from '../wire/auth-request';

/** Request headers as apps hold them: Web `Headers`, or Node's `req.headers`. */
export type HeadersInput = Headers | Record<string, string | string[] | undefined>;

/** An `AuthRequest` made of headers alone, for in-process calls such as `auth.api.getSession({ headers })`. */
export function requestFromHeaders(headers: HeadersInput): AuthRequest {
  const read =
    headers instanceof Headers
      ? (name: string) => headers.get(name) ?? undefined
      : (name: string) => {
          const value = headers[name] ?? headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
        };
  return {
    method: 'GET',
    path: '/',
    query: new URLSearchParams(),
    header: read,
    readBody: async () => '',
    remoteAddress: null,
  };
}
