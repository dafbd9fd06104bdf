import type { AuthContext } from '../../core/auth-context';
import type { SignInStep } from '../../core/sign-in-pipeline';
import { openChallenge } from './challenge';
import { clearCookie, setSignedCookie } from './cookies';
import type { ResolvedTwoFactorOptions } from './options';
import { hasTrustCookie, redeemTrustedDevice } from './trusted-devices';
import { findTwoFactorRow } from './two-factor-rows';

/** The factors a user can answer with now: `totp` once an authenticator was verified, `otp` when it is configured. */
export async function availableMethods(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string): Promise<string[]> {
  const methods: string[] = [];
  if (options.totp.enabled && (await findTwoFactorRow(auth, userId))?.verified) methods.push('totp');
  if (options.otp.enabled) methods.push('otp');
  return methods;
}

/**
 * The sign-in step: for a user with two-factor on, every way of signing in (password, username, social, magic
 * link, …) ends here with `{ twoFactorRedirect: true, twoFactorMethods }` and a signed `two_factor` cookie
 * instead of a session, unless the request comes from a device the user trusted (its trust is renewed) or the
 * proof was two factors already (`multiFactor`: a user-verified passkey). The
 * session itself is opened by a verification route, which signs in `via: 'two-factor'` and so passes.
 */
export function twoFactorStep(auth: AuthContext, options: ResolvedTwoFactorOptions): SignInStep {
  return {
    id: 'two-factor',
    run: async (attempt) => {
      if (attempt.via === 'two-factor' || attempt.via === 'sign-up' || attempt.multiFactor) return undefined;
      if (auth.models.user.read(attempt.user, 'twoFactorEnabled') !== true) return undefined;
      const request = attempt.response?.request;
      const renewedTrust = await redeemTrustedDevice(auth, request, attempt.userId, options.trustDeviceMaxAgeSeconds);
      if (renewedTrust) {
        attempt.response?.headers.push(['set-cookie', renewedTrust]);
        return undefined;
      }
      // A trust cookie that no longer counts (revoked, expired, spent) goes, so the browser stops sending it.
      if (hasTrustCookie(auth, request)) attempt.response?.headers.push(['set-cookie', clearCookie(auth, 'trust_device')]);
      const token = await openChallenge(auth, attempt.userId, attempt.rememberMe, options.challengeMaxAgeSeconds);
      attempt.response?.headers.push(['set-cookie', setSignedCookie(auth, 'two_factor', token, options.challengeMaxAgeSeconds)]);
      return { answer: { twoFactorRedirect: true, twoFactorMethods: await availableMethods(auth, options, attempt.userId) } };
    },
  };
}
