import type { SessionAndUser } from '../api/auth-api';

/**
 * What `requireSession` / `optionalSession` put on `res.locals` (and on `req.auth`). Express infers a route's
 * `LocalsObj` type from its handlers, so the handler after the middleware sees the app's own classes.
 */
export type RequiredSessionLocals<U, S> = { auth: SessionAndUser<U, S> };

export type OptionalSessionLocals<U, S> = { auth: SessionAndUser<U, S> | null };

/**
 * `req.auth`, typed from the route's locals: the session pair after `requireSession`, the pair or `null` after
 * `optionalSession`, and `unknown` on routes with neither, so using it there is caught by the compiler.
 */
export type RequestAuth<LocalsObj> = string extends keyof LocalsObj
  ? unknown
  : LocalsObj extends { auth: infer A }
    ? A
    : unknown;
