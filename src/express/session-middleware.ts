import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Auth } from '../auth';
import { AuthError } from '../errors/auth-error';
import { errorResponse } from '../http/error-response';
import { fromNodeRequest, sendNodeResponse } from '../http/node/node-adapter';
import type { OptionalSessionLocals, RequiredSessionLocals } from './session-locals';
import type { ParamsDictionary } from 'express-serve-static-core';
import type { ParsedQs } from 'qs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Express's own constraint on LocalsObj
type Handler<Locals extends Record<string, any>> = RequestHandler<ParamsDictionary, unknown, unknown, ParsedQs, Locals>;

/**
 * Lets a request through only with a live session, which it puts on `req.auth` and `res.locals.auth`, typed
 * with the app's own classes; answers 401 `{ code: 'UNAUTHORIZED' }` otherwise.
 * @example
 * app.get('/api/profile', requireSession(auth), (req, res) => res.json({ plan: req.auth.user.plan }));
 */
export function requireSession<U extends object, S extends object>(auth: Auth<U, S>): Handler<RequiredSessionLocals<U, S>> {
  return sessionMiddleware(auth, true) as unknown as Handler<RequiredSessionLocals<U, S>>;
}

/**
 * Puts the session on `req.auth` / `res.locals.auth` when there is one, `null` otherwise; never refuses.
 * @example
 * app.get('/', optionalSession(auth), (req, res) => res.json({ signedIn: req.auth !== null }));
 */
export function optionalSession<U extends object, S extends object>(auth: Auth<U, S>): Handler<OptionalSessionLocals<U, S>> {
  return sessionMiddleware(auth, false) as unknown as Handler<OptionalSessionLocals<U, S>>;
}

function sessionMiddleware<U extends object, S extends object>(auth: Auth<U, S>, required: boolean) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const resolved = await auth.resolveSession(fromNodeRequest(request));
      if (resolved?.refreshedCookie) response.append('set-cookie', resolved.refreshedCookie);
      if (!resolved && required) throw new AuthError('UNAUTHORIZED');
      const value = resolved ? { user: resolved.user, session: resolved.session } : null;
      request.auth = value;
      response.locals.auth = value;
      next();
    } catch (error) {
      sendNodeResponse(errorResponse(error, auth.context.config.logger), response);
    }
  };
}
