import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthRequest, AuthResponse } from '../../wire/auth-request';
import { fromNodeRequest, sendNodeResponse } from './node-adapter';

/** What serves the auth routes: a built `Auth` (named structurally, so this layer never reaches up to it). */
export interface AuthRequestHandler {
  handle(request: AuthRequest): Promise<AuthResponse>;
}

/**
 * A `node:http` request listener serving the auth routes.
 * @example
 * http.createServer(toNodeHandler(auth)).listen(3000);
 */
export function toNodeHandler(auth: AuthRequestHandler): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    sendNodeResponse(await auth.handle(fromNodeRequest(request)), response);
  };
}
