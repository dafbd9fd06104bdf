import { AuthError } from '../../errors/auth-error';
import type { AuthRequest, AuthResponse } from '../../wire/auth-request';

/** A Web `Request` as the engine's `AuthRequest`. */
export function fromWebRequest(request: Request, remoteAddress: string | null = null): AuthRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (limit) => readLimited(request, limit),
    remoteAddress,
  };
}

/** The engine's answer as a Web `Response` (each cookie its own `Set-Cookie` header). */
export function toWebResponse(response: AuthResponse): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  return new Response(response.body, { status: response.status, headers });
}

/** Reads the body chunk by chunk and stops as soon as it passes the limit, so a huge body is never buffered. */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AuthError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
