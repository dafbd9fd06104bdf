import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth } from '../../auth';
import { fromNodeRequest, sendNodeResponse } from './node-adapter';

/**
 * A `node:http` request listener serving the auth routes.
 * @example
 * http.createServer(toNodeHandler(auth)).listen(3000);
 */
export function toNodeHandler<U extends object, S extends object>(auth: Auth<U, S>): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    sendNodeResponse(await auth.handle(fromNodeRequest(request)), response);
  };
}
