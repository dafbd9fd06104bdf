import { BetterAuth } from 'better-auth-entities';
import { AdminPlugin, EmailPasswordPlugin, MagicLinkPlugin, MemoryEmailSender, PasskeyPlugin, SessionManagementPlugin, TwoFactorPlugin, type PasskeyOptions } from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { Browser } from '../support/browser';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/**
 * Passkeys beside email/password, sessions and magic links (for the address claim), on `database`; with
 * `pipeline`, bans and two-factor too (their fields are on the built-in entity classes, not the example app's).
 */
export function makePasskeyAuth(database: AppDatabase, passkey: PasskeyOptions = {}, pipeline = false) {
  const mail = new MemoryEmailSender();
  const builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new MagicLinkPlugin());
  if (pipeline) builder.plugin(new AdminPlugin()).plugin(new TwoFactorPlugin());
  const auth = builder.plugin(new PasskeyPlugin(passkey)).build();
  const passkeys = () => auth.context.records('passkey');
  return { auth, database, mail, passkeys, settle: () => auth.context.tasks.drain() };
}

export type PasskeySetup = ReturnType<typeof makePasskeyAuth>;

/** A browser signed up (and so signed in) with a fresh address, and the new user's id. */
export async function signedUpBrowser(s: PasskeySetup, email = uniqueEmail('pk')) {
  const browser = new Browser(s.auth.handler);
  const answer = await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Pat' });
  expect(answer.status).toBe(200);
  return { browser, email, userId: String(answer.json.user.id) };
}

/** Registers a passkey of `authenticator` from `browser` and returns the answer. */
export async function registerPasskey(browser: Browser, authenticator: SoftwareAuthenticator, name?: string) {
  const options = await browser.get(`/passkey/generate-register-options${name ? `?name=${encodeURIComponent(name)}` : ''}`);
  expect(options.status).toBe(200);
  return browser.post('/passkey/verify-registration', { response: authenticator.register(options.json), ...(name ? { name } : {}) });
}

/** Runs the sign-in ceremony from `browser` (its cookies decide signed in or out). */
export async function signInWithPasskey(browser: Browser, authenticator: SoftwareAuthenticator, tweaks: Parameters<SoftwareAuthenticator['authenticate']>[1] = {}) {
  const options = await browser.get('/passkey/generate-authenticate-options');
  expect(options.status).toBe(200);
  return browser.post('/passkey/verify-authentication', { response: authenticator.authenticate(options.json, tweaks) });
}

export const newAuthenticator = () => new SoftwareAuthenticator(ORIGIN, new URL(ORIGIN).hostname);
