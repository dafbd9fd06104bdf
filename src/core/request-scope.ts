import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthRequest } from '../wire/auth-request';
import type { ClientInfo } from './client-info';
import type { ActiveSession } from './session-service';

/**
 * The request a database write happens for, reachable from the hooked adapter without threading it through
 * every service and adapter call.
 *
 * Why AsyncLocalStorage: the adapter contract has no request parameter, and adding one to ~40 methods and all
 * their callers would couple storage to HTTP. The scope follows the request's async chain (also through the
 * adapter's transactions) and is gone when it ends, so concurrent requests never see each other's scope.
 * Why only with hooks or an app's own logger configured: an active AsyncLocalStorage makes Node track every
 * promise, a cost the hot path should not pay for a feature it does not use (see `AuthHandler.dispatch`).
 * With a logger of its own the app asked for lines that carry the request id, wherever they are written.
 */
export interface RequestScope {
  readonly request: AuthRequest;
  /** Set once the handler has built the request's context (after body parsing). */
  context?: {
    readonly client: ClientInfo;
    /** The session already looked up for this request, without starting a lookup. */
    settledSession(): ActiveSession | null;
  };
  /** The id log lines carry: the caller's `x-request-id`, or one made up on first use (`requestIdOf`). */
  requestId?: string;
  /** The request's span, when it is traced: log lines carry its ids even without an OpenTelemetry context manager. */
  trace?: { traceId: string; spanId: string };
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with `scope` as the current request scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

/** The scope of the request being served, or `undefined` outside one. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
