import type { ErrorRequestHandler } from 'express';
import { AuthError } from '../errors/auth-error';
import { authErrorResponse } from '../http/error-response';
import { sendNodeResponse } from '../http/node/node-adapter';

/**
 * Answers an `AuthError` thrown by the app's own routes (or passed to `next`) with its status and
 * `{ code, message }` JSON, as the auth routes do; any other error goes on to the app's next error handler.
 * Register it after the routes.
 * @example
 * app.get('/api/reports', requireSession(auth), (req) => { if (req.auth.user.plan !== 'pro') throw new AuthError('FORBIDDEN'); … });
 * app.use(authErrorHandler());
 */
export function authErrorHandler(): ErrorRequestHandler {
  return (error, _request, response, next) => {
    if (!(error instanceof AuthError) || response.headersSent) return next(error);
    sendNodeResponse(authErrorResponse(error), response);
  };
}
