import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TwoFactorPlugin } from 'better-auth-entities/plugins';
import { URI, type TOTP } from 'otpauth';
import { APP_ORIGIN, Browser } from './browser';
import { signIn } from './flows';
import { makeSocialAuth, person, SocialUser, startProviders, type Providers } from './social-setup';
import { useShiftedClock } from '../support/shifted-clock';

/**
 * A user with two-factor on who signs in with a provider: the callback opens no session, it lands on the
 * callbackURL with the second-factor answer in the query (a redirect has no JSON body) and the challenge
 * cookie set, and verifying a code then opens the session, as after a password sign-in.
 */
let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

const { nextCode } = useShiftedClock();

it('a social sign-in of a user with two-factor on asks for the second factor before any session', async () => {
  const auth = makeSocialAuth(new MemoryDatabaseAdapter({ user: SocialUser }), providers, {}, {}, [new TwoFactorPlugin({ issuer: 'Acme' })]);
  const ada = person('ada-2fa');
  await providers.oidc.control('/__test/accounts', { sub: ada.sub, email: ada.email, email_verified: true, name: 'Ada' });

  // Enrol: a user without a password enables two-factor from a fresh session.
  const first = new Browser(auth.handler);
  await signIn(first, { provider: 'oidc', callbackURL: '/dashboard', loginHint: ada.sub });
  const enabled = await first.api('POST', '/two-factor/enable', {});
  expect(enabled.status).toBe(200);
  const totp = URI.parse(enabled.json.totpURI) as TOTP;
  expect((await first.api('POST', '/two-factor/verify-totp', { code: nextCode(totp) })).status).toBe(200);

  const second = new Browser(auth.handler);
  const landed = await signIn(second, { provider: 'oidc', callbackURL: '/dashboard', loginHint: ada.sub });
  expect(landed.origin + landed.pathname).toBe(`${APP_ORIGIN}/dashboard`);
  expect(landed.searchParams.get('twoFactorRedirect')).toBe('true');
  expect(landed.searchParams.get('twoFactorMethods')).toBe('totp');
  expect((await second.api('GET', '/get-session')).json).toBeNull(); // no session yet

  expect((await second.api('POST', '/two-factor/verify-totp', { code: '000000' })).status).toBe(401);
  const verified = await second.api('POST', '/two-factor/verify-totp', { code: nextCode(totp) });
  expect(verified.status).toBe(200);
  expect((await second.api('GET', '/get-session')).json.user.email).toBe(ada.email);
});
