import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthError } from '../errors/auth-error';
import { fromNodeRequest } from '../http/node/node-adapter';
import type { AuthRequest, AuthResponse } from '../wire/auth-request';

/**
 * A Fastify request as the engine's `AuthRequest`. Headers, method and URL come from the node request; the
 * body from `request.body`, which the plugin's own content-type parser leaves as the raw text, so the engine
 * parses and validates it itself (with its own error codes) as on every other server.
 */
export function fromFastifyRequest(request: FastifyRequest): AuthRequest {
  const body = typeof request.body === 'string' ? request.body : '';
  return {
    ...fromNodeRequest(request.raw),
    readBody: (limit) => (Buffer.byteLength(body) > limit ? Promise.reject(new AuthError('PAYLOAD_TOO_LARGE')) : Promise.resolve(body)),
  };
}

/** Writes the engine's answer through the reply, so Fastify's own hooks (onSend, logging) still see it. */
export function sendFastifyReply(response: AuthResponse, reply: FastifyReply): FastifyReply {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return reply.code(response.status).headers(headers).send(response.body ?? undefined);
}
