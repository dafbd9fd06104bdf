// Drives better-auth's own `twoFactorClient` (from `better-auth/client/plugins`) against a running server with the
// two-factor plugin. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/two-factor-client.mjs
// TOTP codes are computed here from the enable answer's URI with otpauth. Prints one JSON line of what the client
// saw; any unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { twoFactorClient } from 'better-auth/client/plugins';
import { URI } from 'otpauth';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`two-factor-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL must be set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const redirects = [];
const client = createAuthClient({
  baseURL: BASE_URL,
  plugins: [twoFactorClient({ onTwoFactorRedirect: ({ twoFactorMethods }) => redirects.push(twoFactorMethods) })],
  fetchOptions: jarFetchOptions(BASE_URL),
});
const email = `two-factor-${randomBytes(4).toString('hex')}@example.com`;
const errorOf = (result) => ({ status: result.error?.status, code: result.error?.code });

const signedUp = await client.signUp.email({ email, password: PASSWORD, name: 'Ada' });
check(signedUp.error === null, 'signUp.email', signedUp);

// enable → verify: on only once a first code is verified.
const enabled = await client.twoFactor.enable({ password: PASSWORD });
check(enabled.error === null && typeof enabled.data?.totpURI === 'string', 'twoFactor.enable', enabled);
const totp = URI.parse(enabled.data.totpURI);
const backupCodes = enabled.data.backupCodes;
const beforeVerify = (await client.getSession()).data?.user?.twoFactorEnabled;
const verified = await client.twoFactor.verifyTotp({ code: totp.generate() });
check(verified.error === null, 'twoFactor.verifyTotp (enable)', verified);
const afterVerify = (await client.getSession()).data?.user?.twoFactorEnabled;
await client.signOut();

// sign in → pending: no session until a factor is verified.
const pending = await client.signIn.email({ email, password: PASSWORD });
check(pending.error === null, 'signIn.email (pending)', pending);
const sessionWhilePending = (await client.getSession()).data;
const wrong = await client.twoFactor.verifyTotp({ code: '000000' === totp.generate() ? '111111' : '000000' });
// The code of the next step: the one of this step was spent by the enable verification (replays are refused).
const right = await client.twoFactor.verifyTotp({ code: totp.generate({ timestamp: Date.now() + totp.period * 1000 }) });
check(right.error === null, 'twoFactor.verifyTotp (sign-in)', right);
const sessionAfter = (await client.getSession()).data;
await client.signOut();

// A backup code once, never twice.
await client.signIn.email({ email, password: PASSWORD });
const backupOnce = await client.twoFactor.verifyBackupCode({ code: backupCodes[0] });
check(backupOnce.error === null, 'twoFactor.verifyBackupCode', backupOnce);
await client.signOut();
await client.signIn.email({ email, password: PASSWORD });
const backupTwice = await client.twoFactor.verifyBackupCode({ code: backupCodes[0] });

// Trust the device, then sign in without the second factor.
const trusted = await client.twoFactor.verifyBackupCode({ code: backupCodes[1], trustDevice: true });
check(trusted.error === null, 'twoFactor.verifyBackupCode (trustDevice)', trusted);
await client.signOut();
const redirectsBefore = redirects.length;
const direct = await client.signIn.email({ email, password: PASSWORD });
const sessionOfTrusted = (await client.getSession()).data;

process.stdout.write(
  `${JSON.stringify({
    enabled: { uri: totp.issuer === 'Acme' && totp.digits === 6 && totp.period === 30, backupCodes: backupCodes.length },
    twoFactorEnabled: { beforeVerify, afterVerify },
    pending: pending.data,
    redirectMethods: redirects[0],
    sessionWhilePending,
    wrong: errorOf(wrong),
    right: { token: typeof right.data?.token === 'string', email: right.data?.user?.email === email },
    sessionAfter: sessionAfter?.user?.email === email,
    backupOnce: backupOnce.data?.user?.email === email,
    backupTwice: errorOf(backupTwice),
    trustedSignIn: { token: typeof direct.data?.token === 'string', redirect: direct.data?.twoFactorRedirect ?? false, asked: redirects.length - redirectsBefore },
    sessionOfTrusted: sessionOfTrusted?.user?.email === email,
    errorCodes: Object.keys(twoFactorClient().$ERROR_CODES ?? {}),
  })}\n`,
);
