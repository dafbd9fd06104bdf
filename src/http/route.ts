import type { AuthContext } from '../core/auth-context';
import type { ClientInfo } from '../core/client-info';
import type { ActiveSession } from '../core/session-service';
import type { AuthRequest } from './auth-request';
import type { DtoClass } from './validate-dto';

/** The status and headers a route adds to its answer; the body is what `handle` returns. */
export interface ResponseDraft {
  status: number;
  readonly headers: Array<[string, string]>;
}

/** What a route handler gets for one request. */
export interface RouteContext {
  readonly request: AuthRequest;
  readonly auth: AuthContext;
  /** The parsed JSON body (`{}` for GET); custom entity fields are read from here. */
  readonly body: Record<string, unknown>;
  readonly client: ClientInfo;
  readonly response: ResponseDraft;
  /** The caller's live session, looked up once per request; `null` when there is none. */
  session(): Promise<ActiveSession | null>;
  /** The caller's session, or a 401 `UNAUTHORIZED` answer. */
  requireSession(): Promise<ActiveSession>;
  /** Forgets the looked-up session after the route ended it, so later reads in this request see none. */
  forgetSession(): void;
}

/** One endpoint: method, path below the base path, body DTO, and the handler. */
export interface RouteDefinition<D extends object = object> {
  readonly method: 'GET' | 'POST';
  /** Path below the base path, e.g. `/sign-in/email`. */
  readonly path: string;
  /** One line for the API reference. */
  readonly summary: string;
  /** The class-validator DTO the body must satisfy. */
  readonly body?: DtoClass<D>;
  /**
   * How the route uses the caller's session: `required` answers 401 before the handler runs when there is
   * none; `optional` reads it when present; absent means the route never looks at it (sign-up, health).
   */
  readonly session?: 'required' | 'optional';
  /** Returns the JSON body of a 2xx answer; throws `AuthError` for anything else. */
  handle(context: RouteContext, dto: D): Promise<unknown>;
}

/**
 * Declares a route with its DTO type inferred from `body`, so the handler's `dto` is typed.
 * @example
 * defineRoute({ method: 'POST', path: '/sign-in/email', summary: 'Sign in', body: SignInEmailDto,
 *   handle: async (ctx, dto) => ({ email: dto.email }) });
 */
export function defineRoute<D extends object>(route: RouteDefinition<D>): RouteDefinition {
  return route as unknown as RouteDefinition;
}
