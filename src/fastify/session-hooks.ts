import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../auth';
import { AuthError } from '../errors/auth-error';
import { appRouteSession } from '../http/app-route-session';
import { errorResponse } from '../http/error-response';
import type { RegisteredSession } from './registered-auth';
import { fromFastifyRequest, sendFastifyReply } from './fastify-adapter';

/** Options of `requireSession` and `optionalSession`. */
export interface SessionHookOptions {
  /** Refuse a cookie-authenticated write from an untrusted Origin (403 `INVALID_ORIGIN`), as the auth routes do (default true). */
  checkOrigin?: boolean;
}

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * A `preHandler` letting a request through only with a live session, which it puts on `request.auth`;
 * answers 401 `{ code: 'UNAUTHORIZED' }` otherwise.
 * @example
 * app.get('/api/profile', { preHandler: requireSession(auth) }, async (request) => ({ plan: request.auth!.user.plan }));
 */
export function requireSession<U extends object, S extends object>(auth: Auth<U, S>, options: SessionHookOptions = {}): PreHandler {
  return sessionHook(auth, true, options);
}

/** A `preHandler` putting the session on `request.auth` when there is one, `null` otherwise. */
export function optionalSession<U extends object, S extends object>(auth: Auth<U, S>, options: SessionHookOptions = {}): PreHandler {
  return sessionHook(auth, false, options);
}

function sessionHook<U extends object, S extends object>(auth: Auth<U, S>, required: boolean, options: SessionHookOptions): PreHandler {
  return async (request, reply) => {
    try {
      const resolved = await appRouteSession(auth, fromFastifyRequest(request), options.checkOrigin ?? true);
      if (resolved?.refreshedCookie) reply.header('set-cookie', resolved.refreshedCookie);
      if (!resolved && required) throw new AuthError('UNAUTHORIZED');
      request.auth = resolved ? ({ user: resolved.user, session: resolved.session } as RegisteredSession) : null;
      return undefined;
    } catch (error) {
      return sendFastifyReply(errorResponse(error, auth.context.config.logger), reply);
    }
  };
}
