import type { AuthContext } from '../core/auth-context';
import type { ClientInfo } from '../core/client-info';
import type { ActiveSession } from '../core/session-service';
import type { DeclaredError } from '../errors/declared-error';
import type { ErrorCode } from '../errors/error-codes';
import type { EntitySchemaName } from '../openapi/json-schema';
import type { AuthRequest } from '../wire/auth-request';
import type { RouteParams } from './router';
import type { DtoClass } from './validate-dto';

/** The status and headers a route adds to its answer; the body is what `handle` returns. */
export interface ResponseDraft {
  status: number;
  readonly headers: Array<[string, string]>;
  /** The request this answer is for (sign-in steps read their own cookies from it). */
  readonly request?: AuthRequest;
  /** The session this request handed to the client, whatever the way of signing in (for `after` hooks). */
  openedSession?: object;
  /**
   * The raw token of `openedSession`, for an `after` hook that keeps a cookie of its own per session
   * (multi-session). A credential: never log it.
   */
  openedToken?: string;
}

/** What a route handler gets for one request. */
export interface RouteContext {
  readonly request: AuthRequest;
  readonly auth: AuthContext;
  /** The parsed JSON body (`{}` for GET); custom entity fields are read from here. */
  readonly body: Record<string, unknown>;
  /** The path parameters (`/reset-password/:token` → `{ token }`), URL-decoded. */
  readonly params: RouteParams;
  readonly client: ClientInfo;
  readonly response: ResponseDraft;
  /** The caller's live session, looked up once per request; `null` when there is none. */
  session(): Promise<ActiveSession | null>;
  /** The caller's session, or a 401 `UNAUTHORIZED` answer. */
  requireSession(): Promise<ActiveSession>;
  /**
   * After the route ended the caller's own session: later reads in this request see none, and the answer
   * clears the session cookie.
   */
  endSession(): void;
}

/**
 * What a successful answer looks like, for the API reference: a JSON body described by a class with
 * class-validator decorators (the same way bodies are), or a redirect.
 */
export interface RouteResponse {
  /** The class describing the 200 body, or an entity schema by name; with `array`, the body is a list of them. */
  readonly body?: DtoClass | EntitySchemaName;
  readonly array?: boolean;
  /** The answer may be `null` instead (get-session without a session, when configured so). */
  readonly nullable?: boolean;
  /** The route answers with a 302 redirect (when a callback URL was given). */
  readonly redirect?: boolean;
  readonly description?: string;
}

/** One endpoint: method, path below the base path, body and query DTOs, and the handler. */
export interface RouteDefinition<D extends object = object, Q extends object = object> {
  readonly method: 'GET' | 'POST';
  /** Path below the base path, e.g. `/sign-in/email`; `:name` segments are parameters (`/reset-password/:token`). */
  readonly path: string;
  /** One line for the API reference. */
  readonly summary: string;
  /** The class-validator DTO the body must satisfy. */
  readonly body?: DtoClass<D>;
  /**
   * The entity whose custom input fields ride in the body beside the DTO's (sign-up: `'user'`): the API
   * reference lists them from the app's class. The route itself reads them with `customInput`.
   */
  readonly customInputOf?: 'user' | 'organization';
  /** The body property that holds those fields when they are not at its top (`data` in admin create/update-user, organization update). */
  readonly customInputUnder?: string;
  /** The class-validator DTO the query string must satisfy (values arrive as strings). */
  readonly query?: DtoClass<Q>;
  /** The successful answer, for the API reference. */
  readonly response?: RouteResponse;
  /** The error codes this route answers with besides the generic ones, for the API reference: engine codes by name, plugin codes as declared. */
  readonly errors?: ReadonlyArray<ErrorCode | DeclaredError>;
  /**
   * How the route uses the caller's session: `required` answers 401 before the handler runs when there is
   * none; `optional` reads it when present; absent means the route never looks at it (sign-up, health).
   */
  readonly session?: 'required' | 'optional';
  /**
   * Another site posts an HTML form here (an OAuth provider's `response_mode=form_post`): the body may be
   * `application/x-www-form-urlencoded` as well as JSON, and no trusted Origin is asked for. Only for routes
   * that change nothing themselves (the OAuth callback answers such a post with a redirect to its GET twin).
   */
  readonly crossSiteForm?: boolean;
  /** Returns the JSON body of a 2xx answer, or a `Redirect`; throws `AuthError` for anything else. */
  handle(context: RouteContext, dto: D, query: Q): Promise<unknown>;
}

/**
 * Declares a route with its DTO type inferred from `body`, so the handler's `dto` is typed.
 * @example
 * defineRoute({ method: 'POST', path: '/sign-in/email', summary: 'Sign in', body: SignInEmailDto,
 *   handle: async (ctx, dto) => ({ email: dto.email }) });
 */
export function defineRoute<D extends object, Q extends object = object>(route: RouteDefinition<D, Q>): RouteDefinition {
  return route as unknown as RouteDefinition;
}
