import type { NextFunction, Request, Response } from 'express';
import type { Auth } from '../auth';
import { fromNodeRequest, sendNodeResponse } from '../http/node/node-adapter';

/**
 * Express middleware serving every auth route. Mount it where the client expects the API; the mount path
 * replaces the configured base path, so `app.use('/auth', authRouter(auth))` works as well as `/api/auth`.
 * Mount it before `express.json()`, or after: a body that parser already read is used as is.
 * @example
 * app.use('/api/auth', authRouter(auth));
 */
export function authRouter<U extends object, S extends object>(auth: Auth<U, S>) {
  const basePath = auth.context.config.basePath;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const authRequest = fromNodeRequest(request);
      // Mounted under a path: Express strips it from req.url; serve the rest below our own base path.
      const path = request.baseUrl ? basePath + (request.path === '/' ? '' : request.path) : authRequest.path;
      sendNodeResponse(await auth.handle({ ...authRequest, path }), response);
    } catch (error) {
      next(error);
    }
  };
}
