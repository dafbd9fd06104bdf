import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { BaseSession } from '../../../entities/base/base-session';
import type { BaseUser } from '../../../entities/base/base-user';
import type { RouteContext } from '../../http/route';

/** A user with its session, as `onLinkAccount` is given them. */
export interface UserWithSession<U extends object = BaseUser, S extends object = BaseSession> {
  user: U;
  session: S;
}

/**
 * What `onLinkAccount` hears: the anonymous user (with the session the browser carried) that is about to be
 * deleted, and the user that browser just signed in or up as (with its new session). `tx` is the transaction
 * the new session and the deletion are written in: move data through it (`tx.updateUser`,
 * `auth.records(model, tx)`) so it lands with them or not at all; throwing rolls all of it back and fails the
 * sign-in. Do not write through `auth.db` here: on PostgreSQL or MySQL another connection would wait for rows
 * `tx` holds until `tx` ends, which waits for this callback.
 * @example
 * onLinkAccount: async ({ anonymousUser, newUser, tx }) => {
 *   await auth.records(carts, tx).update({ userId: anonymousUser.user.id }, { userId: newUser.user.id });
 * }
 */
export interface LinkAccountEvent<U extends object = BaseUser, S extends object = BaseSession> {
  anonymousUser: UserWithSession<U, S>;
  newUser: UserWithSession<U, S>;
  tx: DatabaseAdapter;
}

/** Options of `AnonymousPlugin`, as better-auth's `anonymous()` takes them. */
export interface AnonymousOptions<U extends object = BaseUser, S extends object = BaseSession> {
  /**
   * The domain of the placeholder addresses (`temp-<id>@<domain>`); default `<id>@anonymous.placeholder.invalid`
   * (RFC 6761 reserves `.invalid`: nothing can ever be delivered there). Every address in it is reserved.
   */
  emailDomainName?: string;
  /** The anonymous user's name (default `Anonymous`); an empty answer falls back to it. */
  generateName?: (ctx: RouteContext) => string | Promise<string>;
  /**
   * Makes the placeholder address instead (its uniqueness is yours to ensure); an invalid one answers 400
   * `INVALID_EMAIL_FORMAT`. Addresses it makes are reserved as long as an anonymous user holds them.
   */
  generateRandomEmail?: () => string | Promise<string>;
  /** Runs when a browser holding an anonymous session signs in or up as someone else, before the anonymous user goes. */
  onLinkAccount?: (event: LinkAccountEvent<U, S>) => void | Promise<void>;
  /** Keeps the anonymous user after a link, and refuses `POST /delete-anonymous-user` (default false). */
  disableDeleteAnonymousUser?: boolean;
}

export interface ResolvedAnonymousOptions<U extends object = BaseUser, S extends object = BaseSession> extends AnonymousOptions<U, S> {
  /** The reserved domain, lower-cased: the configured one or `anonymous.placeholder.invalid`. */
  readonly reservedDomain: string;
  readonly disableDeleteAnonymousUser: boolean;
}

/** better-auth's default placeholder domain (`createPlaceholderEmail`'s `anonymous` namespace). */
export const DEFAULT_PLACEHOLDER_DOMAIN = 'anonymous.placeholder.invalid';

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function resolveAnonymousOptions<U extends object, S extends object>(options: AnonymousOptions<U, S>): ResolvedAnonymousOptions<U, S> {
  const domain = (options.emailDomainName ?? DEFAULT_PLACEHOLDER_DOMAIN).trim().toLowerCase();
  if (!DOMAIN.test(domain)) throw new Error(`AnonymousPlugin: emailDomainName "${options.emailDomainName}" is not a domain name; write it like guests.example.invalid.`);
  return Object.freeze({ ...options, reservedDomain: domain, disableDeleteAnonymousUser: options.disableDeleteAnonymousUser === true });
}
