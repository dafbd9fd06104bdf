import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthError } from '../../errors/auth-error';
import type { AuthRequest, AuthResponse } from '../../wire/auth-request';

/** A request a framework may already have read: Express's `json()` leaves the parsed body on `req.body`. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * A `node:http` request as the engine's `AuthRequest`, without building Web `Request` objects (they cost more
 * than the whole session check). `originalUrl` is preferred so the base path survives Express mounting.
 */
export function fromNodeRequest(request: NodeRequest): AuthRequest {
  const rawUrl = request.originalUrl ?? request.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    path,
    query: new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)),
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
    },
    readBody: (limit) => readNodeBody(request, limit),
    remoteAddress: request.socket?.remoteAddress ?? null,
  };
}

/** Writes the engine's answer to a Node response. */
export function sendNodeResponse(response: AuthResponse, reply: ServerResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  // A known length lets Node send headers and body in one write, instead of chunked framing in several.
  if (response.body !== null && response.body !== undefined) headers['content-length'] = String(Buffer.byteLength(response.body));
  reply.writeHead(response.status, headers);
  reply.end(response.body ?? undefined);
}

function readNodeBody(request: NodeRequest, limit: number): Promise<string> {
  // A body parser mounted before us already consumed the stream: serve what it parsed.
  if (request.readableEnded || request.body !== undefined) {
    const parsed = request.body;
    if (parsed === undefined || parsed === null) return Promise.resolve('');
    const text = typeof parsed === 'string' ? parsed : Buffer.isBuffer(parsed) ? parsed.toString('utf8') : JSON.stringify(parsed);
    return Buffer.byteLength(text) > limit ? Promise.reject(new AuthError('PAYLOAD_TOO_LARGE')) : Promise.resolve(text);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.resume(); // drain the rest without keeping it
        reject(new AuthError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}
