import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { SessionWithUser } from '../../adapters/inputs';
import type { AuthError } from '../errors/auth-error';
import type { AuthRequest } from '../wire/auth-request';
import type { ClientInfo } from './client-info';
import type { SessionService } from './session-service';
import { recordSignIn } from './sign-in-metrics';

/**
 * How the user proved who they are. Every way of signing in names itself here and ends in the same
 * pipeline, so a step (a ban, a second factor) applies to all of them without each route knowing.
 */
export type SignInMethod =
  | 'sign-up'
  | 'email'
  | 'username'
  | 'social'
  | 'passkey'
  | 'magic-link'
  | 'email-otp'
  | 'email-verification'
  | 'two-factor'
  | (string & {});

/** The status and headers of the answer being built, when the sign-in came over HTTP. */
export interface AnswerDraft {
  status: number;
  readonly headers: Array<[string, string]>;
  /** The request being answered, for a step that reads a cookie of its own (a trusted device). */
  readonly request?: AuthRequest;
}

/** One sign-in as the steps see it. Steps may set `sessionFields` and `rememberMe`; the rest is fixed. */
export interface SignInAttempt {
  readonly user: object;
  readonly userId: string;
  readonly via: SignInMethod;
  readonly client: ClientInfo;
  /** Whether the session outlives the browser session (`rememberMe: false` on sign-in makes it a one-day one). */
  rememberMe: boolean;
  /** Standard or custom session fields the new session is created with (`impersonatedBy`, `activeOrganizationId`). */
  readonly sessionFields: Record<string, unknown>;
  /** The answer being built (to set a cookie of the step's own); absent for `auth.api` calls. */
  readonly response?: AnswerDraft;
  /** The way of signing in proved two factors at once (see `SignInRequest.multiFactor`). */
  readonly multiFactor: boolean;
}

/** What a step decides: go on (nothing), refuse with an error, or answer instead of opening a session. */
export type SignInStepResult = void | undefined | { refuse: AuthError } | { answer: Record<string, unknown> };

/**
 * A plugin's part in every sign-in, run in the order steps were added, after the user proved who they are
 * and before any session exists.
 * @example
 * auth.signIn.addStep({
 *   id: 'admin:ban',
 *   run: (attempt) => (isBanned(attempt.user) ? { refuse: new AuthError(ADMIN_ERRORS.BANNED_USER) } : undefined),
 * });
 * auth.signIn.addStep({ id: 'two-factor', run: (attempt) => ({ answer: { twoFactorRedirect: true } }) });
 */
export interface SignInStep {
  /** For error messages and ordering questions: `<plugin id>` or `<plugin id>:<what>`. */
  readonly id: string;
  run(attempt: SignInAttempt): SignInStepResult | Promise<SignInStepResult>;
}

/**
 * How a sign-in ended: a session, an answer a step gave instead (the route sends it as is), or a step's
 * refusal (sign-in answers with it; sign-up keeps the new user without a session).
 */
export type SignInOutcome =
  | { readonly kind: 'session'; readonly user: object; readonly session: object; readonly token: string; readonly rememberMe: boolean }
  | { readonly kind: 'answer'; readonly user: object; readonly body: Record<string, unknown> }
  | { readonly kind: 'refused'; readonly user: object; readonly error: AuthError };

/** A sign-in that nobody refused: a session, or the answer a step gave instead (a second factor to ask for). */
export type SignInSuccess = Exclude<SignInOutcome, { kind: 'refused' }>;

/** What a flow passes when it has proven who the user is. */
export interface SignInRequest {
  via: SignInMethod;
  client: ClientInfo;
  rememberMe?: boolean;
  response?: AnswerDraft;
  /** Where the session is written, when the flow runs in a transaction. */
  db?: DatabaseAdapter;
  /**
   * The proof was two factors in one (a passkey unlocked by the authenticator's PIN or biometric: something
   * the user has and something they know or are), so a second-factor step has nothing left to ask for.
   */
  multiFactor?: boolean;
}

/**
 * What a session-switch listener hears: a request that carried a live session (`previous`, from its cookie or
 * Bearer header) was just given a new one, through any way of signing in. `tx` is the transaction the new
 * session was written in: what a listener writes through it lands with the new session or not at all.
 */
export interface SessionSwitchEvent {
  readonly previous: SessionWithUser<object, object>;
  readonly user: object;
  readonly session: object;
  readonly via: SignInMethod;
  readonly tx: DatabaseAdapter;
}

/** A plugin's part in a session switch; its error rolls the new session back and fails the sign-in. */
export type SessionSwitchListener = (event: SessionSwitchEvent) => void | Promise<void>;

/** Finds the live session a request presents, without refreshing or deleting anything (`null` when none). */
export type PresentedSessionLookup = (request: AuthRequest) => Promise<SessionWithUser<object, object> | null>;

/**
 * The one way a session is opened for a user who just proved who they are. Runs every step, then creates
 * the session with the fields the steps set. A refusal or an answer stops it before any session exists.
 * @example
 * const outcome = await auth.signIn.open(user, { via: 'email', client: ctx.client, rememberMe, response: ctx.response });
 * if (outcome.kind === 'refused') throw outcome.error;
 * if (outcome.kind === 'answer') return outcome.body;
 */
export class SignInPipeline {
  private readonly steps: SignInStep[] = [];
  private readonly switchListeners: SessionSwitchListener[] = [];

  constructor(
    private readonly sessions: SessionService,
    private readonly userId: (user: object) => string,
    private readonly db?: DatabaseAdapter,
    private readonly presentedSession?: PresentedSessionLookup,
  ) {}

  /**
   * Runs `listener` whenever a sign-in (of any kind) opens a session for a request that already carried a live
   * one, in one transaction with the new session's write. Call from a plugin's `init`. Requests without a
   * session, and `auth.api` calls (no request), never reach it, and without listeners nothing is looked up.
   * @example
   * auth.signIn.onSessionSwitch(async ({ previous, user, tx }) => {
   *   if (isGuest(previous.user)) await moveCart(previous.user, user, tx);
   * });
   */
  onSessionSwitch(listener: SessionSwitchListener): void {
    this.switchListeners.push(listener);
  }

  /** Adds a step; call from a plugin's `init`. */
  addStep(step: SignInStep): void {
    if (this.steps.some((existing) => existing.id === step.id)) throw new TypeError(`The sign-in step "${step.id}" was added twice.`);
    this.steps.push(step);
  }

  async open(user: object, request: SignInRequest): Promise<SignInOutcome> {
    const attempt: SignInAttempt = {
      user,
      userId: this.userId(user),
      via: request.via,
      client: request.client,
      rememberMe: request.rememberMe !== false,
      sessionFields: {},
      response: request.response,
      multiFactor: request.multiFactor === true,
    };
    for (const step of this.steps) {
      const result = await step.run(attempt);
      if (!result) continue;
      if ('refuse' in result) {
        recordSignIn(request.via, 'refused', result.refuse.code);
        return { kind: 'refused', user, error: result.refuse };
      }
      recordSignIn(request.via, 'two_factor');
      return { kind: 'answer', user, body: result.answer };
    }
    const create = (db: DatabaseAdapter | undefined) =>
      this.sessions.create(attempt.userId, attempt.client, { rememberMe: attempt.rememberMe, fields: attempt.sessionFields }, db);
    const previous = await this.previousSession(request);
    const { session, token } = previous ? await this.switchSession(previous, attempt, request, create) : await create(request.db);
    recordSignIn(request.via, 'success');
    return { kind: 'session', user, session, token, rememberMe: attempt.rememberMe };
  }

  /** The live session the request carried, looked up only when someone listens for switches. */
  private async previousSession(request: SignInRequest): Promise<SessionWithUser<object, object> | null> {
    const carried = request.response?.request;
    if (this.switchListeners.length === 0 || !carried || !this.presentedSession) return null;
    return this.presentedSession(carried);
  }

  /**
   * The new session and every listener's writes in one transaction (a savepoint of the flow's own, when it
   * runs in one): a listener that fails, or a database fault between, leaves neither the new session nor any
   * listener's change behind.
   */
  private async switchSession(
    previous: SessionWithUser<object, object>,
    attempt: SignInAttempt,
    request: SignInRequest,
    create: (db: DatabaseAdapter) => Promise<{ session: object; token: string }>,
  ): Promise<{ session: object; token: string }> {
    const db = request.db ?? this.db;
    if (!db) throw new Error('SignInPipeline: a session switch needs the database to run its transaction in.');
    return db.transaction(async (tx) => {
      const opened = await create(tx);
      for (const listener of this.switchListeners) {
        await listener({ previous, user: attempt.user, session: opened.session, via: attempt.via, tx });
      }
      return opened;
    });
  }
}
