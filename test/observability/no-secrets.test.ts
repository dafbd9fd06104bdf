import { Writable } from 'node:stream';
import pino from 'pino';
import { URI, TOTP } from 'otpauth';
import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import {
  EmailPasswordPlugin,
  OrganizationPlugin,
  PasswordManagementPlugin,
  SessionManagementPlugin,
  SocialSignInPlugin,
  TwoFactorPlugin,
  UserPlugin,
  oidcProvider,
} from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { Browser as RedirectBrowser } from '../social/browser';
import { signIn } from '../social/flows';
import { OIDC_CLIENT, person, SocialUser, startProviders, type Providers } from '../social/social-setup';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { registerOtelSdk, type OtelSdk } from './otel-harness';
import { useShiftedClock } from '../support/shifted-clock';

/*
 * The flows of the suite (sign-up, sign-in, a wrong password, two-factor, password reset, change of email, an
 * organization invitation, social sign-in) with a pino logger writing into memory and the SDK's in-memory
 * exporters: no log line, span (name, attribute, event, status) or metric attribute may hold a password, a
 * token, a code, a secret or an email address in clear.
 */

const { nextCode } = useShiftedClock();
let sdk: OtelSdk;
let providers: Providers;
beforeAll(async () => {
  sdk = registerOtelSdk();
  providers = await startProviders();
});
afterAll(async () => {
  await sdk.shutdown();
  await providers.oidc.stop();
  await providers.oauth.stop();
});

/** A pino logger whose JSON lines land in `lines`. */
function capturingPino(lines: Array<Record<string, unknown>>) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

/** Everything telemetry recorded, as strings to search. */
async function recordedText(lines: Array<Record<string, unknown>>): Promise<string[]> {
  const spans = sdk.spans().map((span) =>
    JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events.map((event) => [event.name, event.attributes]), status: span.status }),
  );
  const points = (await sdk.points()).map((point) => JSON.stringify(point.attributes));
  return [...lines.map((line) => JSON.stringify(line)), ...spans, ...points];
}

describe('observability leaks nothing secret or personal', () => {
  it('runs the flows with a pino logger and in-memory exporters and finds no token, password, code, secret or clear email anywhere', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const emails = new MemoryEmailSender();
    // The first email fails to send, so the error path writes a line too.
    let failNext = true;
    const sender = {
      send: async (message: Parameters<MemoryEmailSender['send']>[0]) => {
        if (failNext) {
          failNext = false;
          throw new Error(`SMTP refused the message for ${message.to}`);
        }
        return emails.send(message);
      },
    };
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: sender, logger: capturingPino(lines) })
      .database(new MemoryDatabaseAdapter({ user: SocialUser }))
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new PasswordManagementPlugin())
      .plugin(new UserPlugin())
      .plugin(new TwoFactorPlugin({ issuer: 'Acme' }))
      .plugin(new OrganizationPlugin())
      .plugin(new SocialSignInPlugin({ providers: [oidcProvider({ id: 'oidc', issuer: providers.oidc.url, ...OIDC_CLIENT, allowInsecureRequests: true })] }))
      .build();
    const secrets: string[] = [TEST_SECRET, OIDC_CLIENT.clientSecret, PASSWORD];
    const addresses: string[] = [];

    // Sign-up, sign-in, a wrong password.
    const email = uniqueEmail('secret-check');
    addresses.push(email);
    const ada = new Browser(auth.handler);
    const signedUp = await ada.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' });
    expect(signedUp.status).toBe(200);
    secrets.push(signedUp.json.token);
    const signedIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(signedIn.status).toBe(200);
    secrets.push(signedIn.json.token, decodeURIComponent(signedIn.cookie!.split('=')[1]));
    const wrong = 'a-wrong-password-nobody-should-see';
    secrets.push(wrong);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: wrong } })).status).toBe(401);

    // Two-factor: enable, sign in with a wrong then a right code, and with a backup code.
    const enabled = await ada.post('/two-factor/enable', { password: PASSWORD });
    expect(enabled.status).toBe(200);
    const totp = URI.parse(enabled.json.totpURI) as TOTP;
    secrets.push(totp.secret.base32, ...(enabled.json.backupCodes as string[]));
    const firstCode = nextCode(totp);
    secrets.push(firstCode);
    expect((await ada.post('/two-factor/verify-totp', { code: firstCode })).status).toBe(200);
    await ada.post('/sign-out');
    expect((await ada.post('/sign-in/email', { email, password: PASSWORD })).json.twoFactorRedirect).toBe(true);
    expect((await ada.post('/two-factor/verify-totp', { code: '000000' })).status).toBe(401);
    const code = nextCode(totp);
    secrets.push(code);
    expect((await ada.post('/two-factor/verify-totp', { code })).status).toBe(200);

    // Password reset: the first email fails (an error line), the second carries the token.
    expect((await call(auth.handler, 'POST', '/request-password-reset', { body: { email } })).status).toBe(200);
    await auth.context.tasks.drain();
    expect((await call(auth.handler, 'POST', '/request-password-reset', { body: { email } })).status).toBe(200);
    const reset = await emails.next({ kind: 'reset-password', to: email });
    secrets.push(reset.token!);
    const newPassword = 'a-brand-new-password-42';
    secrets.push(newPassword);
    expect((await call(auth.handler, 'POST', '/reset-password', { body: { token: reset.token, newPassword } })).status).toBe(200);
    expect((await call(auth.handler, 'POST', '/reset-password', { body: { token: reset.token, newPassword } })).status).toBe(400);

    // Change of email, as a user without two-factor.
    const grace = new Browser(auth.handler);
    const graceEmail = uniqueEmail('grace');
    const newEmail = uniqueEmail('grace-new');
    addresses.push(graceEmail, newEmail);
    expect((await grace.post('/sign-up/email', { email: graceEmail, password: PASSWORD, name: 'Grace' })).status).toBe(200);
    expect((await grace.post('/change-email', { newEmail })).status).toBe(200);

    // An organization invitation.
    const created = await grace.post('/organization/create', { name: 'Acme', slug: `acme-${Date.now()}` });
    expect(created.status).toBe(200);
    const invitee = uniqueEmail('invitee');
    addresses.push(invitee);
    expect((await grace.post('/organization/invite-member', { email: invitee, role: 'member', organizationId: created.json.id })).status).toBe(200);

    // Social sign-in through the loopback OpenID provider, and a callback with a forged state.
    const someone = person('secret-social');
    addresses.push(someone.email);
    await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'Alan Turing' });
    const landed = await signIn(new RedirectBrowser(auth.handler), { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub });
    expect(landed.searchParams.get('error')).toBeNull();
    const forged = await auth.handler(new Request(`${ORIGIN}/api/auth/callback/oidc?code=forged-code-value&state=forged-state-value`));
    expect(forged.status).toBe(302);
    secrets.push('forged-code-value', 'forged-state-value');
    await auth.context.tasks.drain();

    const recorded = await recordedText(lines);
    // The checks below must have something to look at: the failed email's error line, spans, metric points.
    expect(lines.map((line) => line.level)).toContain(50);
    expect(recorded.length).toBeGreaterThan(50);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(6);
      expect(recorded.filter((text) => text.includes(secret))).toEqual([]);
    }
    for (const address of addresses) expect(recorded.filter((text) => text.toLowerCase().includes(address.toLowerCase()))).toEqual([]);
    expect(recorded.filter((text) => /[\w.+-]+@[\w-]+\.[\w.]+/.test(text))).toEqual([]);
    // Every line written while serving a request carries its request id and trace id.
    for (const line of lines) expect(line).toMatchObject({ requestId: expect.any(String), traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await auth.close();
  }, 60_000);
});
