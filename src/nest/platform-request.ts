import type { IncomingMessage } from 'node:http';
import { fromNodeRequest } from '../http/node/node-adapter';
import type { AuthRequest } from '../wire/auth-request';

/**
 * The request and response objects a Nest guard sees differ by platform: Express hands its own `req`/`res`
 * (which are `node:http` objects), Fastify its `FastifyRequest`/`FastifyReply` wrapping them in `.raw`.
 * The guard only needs headers, method and URL, which both carry on the node request.
 */
interface PlatformRequest {
  raw?: IncomingMessage;
}

/** The request as the engine's `AuthRequest`, on either platform. */
export function authRequestOf(request: object): AuthRequest {
  const node = (request as PlatformRequest).raw ?? (request as IncomingMessage);
  return fromNodeRequest(node);
}

interface ExpressLikeResponse {
  append(name: string, value: string): unknown;
}
interface FastifyLikeReply {
  header(name: string, value: string): unknown;
}

/** Adds a `Set-Cookie` to the answer without dropping one the route sets later. */
export function appendSetCookie(response: object, cookie: string): void {
  // Express's `append` adds to a list; Fastify's `reply.header` appends to `set-cookie` on its own.
  if (typeof (response as ExpressLikeResponse).append === 'function') (response as ExpressLikeResponse).append('set-cookie', cookie);
  else (response as FastifyLikeReply).header('set-cookie', cookie);
}
