import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Auth } from '../auth';
import { AuthError } from '../errors/auth-error';
import { errorResponse } from '../http/error-response';
import { fromNodeRequest, sendNodeResponse } from '../http/node/node-adapter';
import { appRouteSession } from '../http/app-route-session';
import type { OptionalSessionLocals, RequiredSessionLocals } from './session-locals';
import type { ParamsDictionary } from 'express-serve-static-core';
import type { ParsedQs } from 'qs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Express's own constraint on LocalsObj
type Handler<Locals extends Record<string, any>> = RequestHandler<ParamsDictionary, unknown, unknown, ParsedQs, Locals>;

/** Options of `requireSession` and `optionalSession`. */
export interface SessionMiddlewareOptions {
  /**
   * Refuse (403 `INVALID_ORIGIN`) a POST, PUT, PATCH or DELETE that the session cookie authenticates unless
   * its Origin (or Referer) is trusted, as the auth routes do (default true). SameSite alone leaves sibling
   * subdomains and old browsers able to forge such requests. Turn off only for routes that must take
   * cookie-authenticated writes from anywhere; Bearer requests are never checked (no page can forge them).
   */
  checkOrigin?: boolean;
}

/**
 * Lets a request through only with a live session, which it puts on `req.auth` and `res.locals.auth`, typed
 * with the app's own classes; answers 401 `{ code: 'UNAUTHORIZED' }` otherwise.
 * @example
 * app.get('/api/profile', requireSession(auth), (req, res) => res.json({ plan: req.auth.user.plan }));
 */
export function requireSession<U extends object, S extends object>(auth: Auth<U, S>, options: SessionMiddlewareOptions = {}): Handler<RequiredSessionLocals<U, S>> {
  return sessionMiddleware(auth, true, options) as unknown as Handler<RequiredSessionLocals<U, S>>;
}

/**
 * Puts the session on `req.auth` / `res.locals.auth` when there is one, `null` otherwise; refuses only a
 * cookie-authenticated write from an untrusted origin (see `SessionMiddlewareOptions.checkOrigin`).
 * @example
 * app.get('/', optionalSession(auth), (req, res) => res.json({ signedIn: req.auth !== null }));
 */
export function optionalSession<U extends object, S extends object>(auth: Auth<U, S>, options: SessionMiddlewareOptions = {}): Handler<OptionalSessionLocals<U, S>> {
  return sessionMiddleware(auth, false, options) as unknown as Handler<OptionalSessionLocals<U, S>>;
}

function sessionMiddleware<U extends object, S extends object>(auth: Auth<U, S>, required: boolean, options: SessionMiddlewareOptions) {
  const checkOrigin = options.checkOrigin ?? true;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const resolved = await appRouteSession(auth, fromNodeRequest(request), checkOrigin);
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
