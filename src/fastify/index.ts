import './registered-auth';

export { authPlugin } from './auth-plugin';
export { requireSession, optionalSession, type SessionHookOptions } from './session-hooks';
export type { RegisteredAuth, RegisteredSession } from './registered-auth';
