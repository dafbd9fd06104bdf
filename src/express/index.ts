import './augment-request';

export { authRouter } from './auth-router';
export { authErrorHandler } from './error-handler';
export { requireSession, optionalSession, type SessionMiddlewareOptions } from './session-middleware';
export type { RequiredSessionLocals, OptionalSessionLocals, RequestAuth } from './session-locals';
