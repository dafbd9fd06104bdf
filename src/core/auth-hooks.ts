import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { AuthError } from '../errors/auth-error';
import { telemetry } from '../observability/telemetry';

/** What sign-up tells its listeners: the user it created and the page the client wants to land on. */
export interface SignUpEvent {
  user: object;
  /** The `callbackURL` of the sign-up body, already checked against the trusted origins. */
  callbackURL?: string;
  /** How the account was made (`email`, `social`, …): the `auth.method` of the `auth.sign_up.count` metric. */
  via?: string;
}

/** What a password change tells its listeners: whose password it was (changed, reset, set or set by an admin). */
export interface PasswordChangeEvent {
  userId: string;
}

/**
 * What claiming an address tells its listeners: the user whose never-verified address was just proven by its
 * owner, and the claim's transaction, so what a listener removes goes (or stays) with the rest of the claim.
 */
export interface AddressClaimedEvent {
  readonly userId: string;
  /** The claim's transaction: write through it (`tx.updateUser`, `auth.records(model, tx)`), not `auth.db`. */
  readonly tx: DatabaseAdapter;
}

/**
 * How a change of address is confirmed by email (the email-verification plugin installs one): `start` sends
 * the links, and nothing changes until they are followed. Without one, change-email applies at once.
 */
export interface EmailChangeVerifier {
  start(user: object, newEmail: string, callbackURL?: string): Promise<void>;
}

/** Which request is writing the user: sign-up creates it, update-user changes the caller's own. */
export interface UserInputChange {
  readonly via: 'sign-up' | 'update-user';
  /** The user being changed (update-user only). */
  readonly userId?: string;
}

/**
 * Reads the request body for fields a plugin owns (a username) and returns the standard fields to write, or
 * `{}`; throws an `AuthError` to refuse the request before anything is written. Custom fields of the user
 * class keep flowing through `customInput`; this is for fields that need a plugin's rules.
 */
export type UserInputContributor = (
  body: Readonly<Record<string, unknown>>,
  change: UserInputChange,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/**
 * Says whether an address is reserved (the anonymous plugin's placeholders): `true` when no mail may go to it
 * and no flow may take it as proven or claim it.
 */
export type ReservedAddressCheck = (email: string) => boolean | Promise<boolean>;

/** How a session is about to be opened. */
export type SessionOpening = 'sign-up' | 'sign-in';

/**
 * Decides whether a user may get a session now: `null` lets it through, an `AuthError` is the reason not to
 * (sign-in answers with it; sign-up creates the user but opens no session).
 */
export type SessionGate = (user: object, via: SessionOpening) => AuthError | null | Promise<AuthError | null>;

/**
 * The points where one plugin joins a flow another plugin owns, so the owner never has to know who joins:
 * email verification sends its link after sign-up and keeps unverified users from signing in without the
 * email-password plugin importing it. Plugins register in `init()`; the flows call the hooks.
 * @example
 * init(auth: AuthContext) {
 *   auth.hooks.onSignUp(({ user }) => sendWelcome(user));
 *   auth.hooks.addSessionGate((user) => (isBanned(user) ? new AuthError('FORBIDDEN', 'Banned') : null));
 * }
 */
export class AuthHooks {
  private readonly signUpListeners: Array<(event: SignUpEvent) => void | Promise<void>> = [];
  private readonly gates: SessionGate[] = [];
  private readonly userInputs: UserInputContributor[] = [];
  private readonly passwordListeners: Array<(event: PasswordChangeEvent) => void | Promise<void>> = [];
  private readonly claimListeners: Array<(event: AddressClaimedEvent) => void | Promise<void>> = [];
  private readonly reservedAddressChecks: ReservedAddressCheck[] = [];
  private verifiedEmails = false;
  private emailChanges: EmailChangeVerifier | null = null;

  /**
   * Installs the way email changes are confirmed, from a plugin's `init`; one at most, since two would each
   * send links for the same change. change-email reads it at request time, so plugins initialise in any order.
   * @example
   * init(auth) { auth.hooks.verifyEmailChangesWith({ start: (user, newEmail) => this.sendLinks(user, newEmail) }); }
   */
  verifyEmailChangesWith(verifier: EmailChangeVerifier): void {
    if (this.emailChanges) throw new Error('verifyEmailChangesWith: email changes are verified by another plugin already.');
    this.emailChanges = verifier;
  }

  /** The installed way of confirming email changes, or `null` (the change applies at once). */
  get emailChangeVerifier(): EmailChangeVerifier | null {
    return this.emailChanges;
  }

  /**
   * Declares that signing in needs a verified email (the email-verification plugin with
   * `requireEmailVerification`), so other plugins can default to the same strictness (organizations demand
   * a verified address to accept an invitation). Read it at request time: plugins initialise in any order.
   */
  requireVerifiedEmails(): void {
    this.verifiedEmails = true;
  }

  /** Whether some plugin declared that signing in needs a verified email. */
  get verifiedEmailsRequired(): boolean {
    return this.verifiedEmails;
  }

  /**
   * Reserves addresses no mailbox stands behind (placeholders made up for users who gave none): the engine then
   * sends them no email, the passwordless flows issue no link or code for them, no proof of one claims a user,
   * and change-email refuses to move to one. Call from a plugin's `init`.
   * @example
   * auth.hooks.reserveAddresses((email) => email.endsWith('@guests.invalid'));
   */
  reserveAddresses(check: ReservedAddressCheck): void {
    this.reservedAddressChecks.push(check);
  }

  /** Whether some plugin reserved `email` (see `reserveAddresses`); `false` at once when none reserves any. */
  async isReservedAddress(email: string): Promise<boolean> {
    for (const check of this.reservedAddressChecks) if (await check(email)) return true;
    return false;
  }

  /** Runs after sign-up has stored a user and its credential, before any session is opened. */
  onSignUp(listener: (event: SignUpEvent) => void | Promise<void>): void {
    this.signUpListeners.push(listener);
  }

  /**
   * Runs after a user's password was stored anew, however it happened (change, reset, set, an admin): what
   * was trusted on the strength of the old password (a second factor's trusted devices) can be dropped.
   * @example
   * auth.hooks.onPasswordChange(({ userId }) => forgetTrustedDevices(userId));
   */
  onPasswordChange(listener: (event: PasswordChangeEvent) => void | Promise<void>): void {
    this.passwordListeners.push(listener);
  }

  /** Called by every flow that stores a new password, after it is stored; a listener's error fails the request. */
  async passwordChanged(event: PasswordChangeEvent): Promise<void> {
    for (const listener of this.passwordListeners) await listener(event);
  }

  /**
   * Runs when the owner of an address proves it on a user whose address was never verified (`claimAddress`),
   * inside the claim's transaction, after the core removed every account and session and before the address is
   * marked verified: a plugin removes what a squatter may have set up in its own tables (a second factor), so the
   * owner is neither locked out by it nor shares the account with whoever set it. A listener's error rolls the
   * claim back and fails the request.
   * @example
   * auth.hooks.onAddressClaimed(({ userId, tx }) => auth.records(apiKeys, tx).deleteMany({ userId }));
   */
  onAddressClaimed(listener: (event: AddressClaimedEvent) => void | Promise<void>): void {
    this.claimListeners.push(listener);
  }

  /** Called by `claimAddress` inside its transaction; listeners run in the order they were added. */
  async addressClaimed(event: AddressClaimedEvent): Promise<void> {
    for (const listener of this.claimListeners) await listener(event);
  }

  /** Adds a check every session opened by sign-up or sign-in must pass. */
  addSessionGate(gate: SessionGate): void {
    this.gates.push(gate);
  }

  /**
   * Lets a plugin read its own fields from sign-up and update-user bodies (the username plugin's `username`).
   * @example
   * auth.hooks.addUserInput(async (body) => (typeof body.nickname === 'string' ? { nickname: body.nickname.trim() } : {}));
   */
  addUserInput(contributor: UserInputContributor): void {
    this.userInputs.push(contributor);
  }

  /** What every contributor takes from a body, merged in the order they were added. */
  async userInput(body: Readonly<Record<string, unknown>>, change: UserInputChange): Promise<Record<string, unknown>> {
    if (this.userInputs.length === 0) return {};
    const values: Record<string, unknown> = {};
    for (const contributor of this.userInputs) Object.assign(values, await contributor(body, change));
    return values;
  }

  /** Called by every flow that creates a user (email sign-up, social sign-in); listeners run in order and a listener's error fails the request. */
  async signedUp(event: SignUpEvent): Promise<void> {
    telemetry.metrics()?.signUps.add(1, { 'auth.method': event.via ?? 'other' });
    for (const listener of this.signUpListeners) await listener(event);
  }

  /** The first gate's reason to refuse a session to `user`, or `null` when every gate lets it through. */
  async sessionRefusal(user: object, via: SessionOpening): Promise<AuthError | null> {
    for (const gate of this.gates) {
      const refusal = await gate(user, via);
      if (refusal) return refusal;
    }
    return null;
  }
}
