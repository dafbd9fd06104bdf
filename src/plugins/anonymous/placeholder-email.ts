import { randomBytes } from 'node:crypto';
import { isEmail } from 'class-validator';
import type { AuthContext } from '../../core/auth-context';
import { normaliseEmail } from '../../core/normalise-email';
import { AuthError } from '../../errors/auth-error';
import { ANONYMOUS_ERRORS } from './error-codes';
import type { ResolvedAnonymousOptions } from './options';
import { isAnonymousUser } from './anonymous-user';

/**
 * The address a new anonymous user is stored with, as better-auth makes it: the app's generator when it
 * gives one (checked: 400 `INVALID_EMAIL_FORMAT`), else `temp-<id>@<emailDomainName>`, else
 * `<id>@anonymous.placeholder.invalid`. The id is 128 random bits, so two never collide in practice.
 * @example
 * await placeholderEmail(resolveAnonymousOptions({})); // '3f9c…@anonymous.placeholder.invalid'
 */
export async function placeholderEmail(options: ResolvedAnonymousOptions<object, object>): Promise<string> {
  const custom = await options.generateRandomEmail?.();
  if (custom) {
    if (typeof custom !== 'string' || !isEmail(custom)) throw new AuthError(ANONYMOUS_ERRORS.INVALID_EMAIL_FORMAT);
    return normaliseEmail(custom);
  }
  const id = randomBytes(16).toString('hex');
  return options.emailDomainName === undefined ? `${id}@${options.reservedDomain}` : `temp-${id}@${options.reservedDomain}`;
}

/**
 * The plugin's reservation (see `auth.hooks.reserveAddresses`): every address under the placeholder domain, and
 * any address an anonymous user holds (what a custom `generateRandomEmail` made). Anonymous users cannot change
 * their address, so the second rule never reserves a real person's mailbox.
 * @example
 * auth.hooks.reserveAddresses(reservedAddress(auth, options));
 */
export function reservedAddress(auth: AuthContext, options: ResolvedAnonymousOptions<object, object>): (email: string) => Promise<boolean> {
  const suffix = `@${options.reservedDomain}`;
  return async (email) => {
    const address = normaliseEmail(email);
    if (address.endsWith(suffix)) return true;
    if (!options.generateRandomEmail) return false;
    const holder = await auth.db.getUserByEmail(address);
    return holder !== null && isAnonymousUser(auth, holder);
  };
}
