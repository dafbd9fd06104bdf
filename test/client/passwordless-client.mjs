// Drives better-auth's own `magicLinkClient` and `emailOTPClient` (from `better-auth/client/plugins`) against a
// running server with our MagicLinkPlugin and EmailOtpPlugin. The server exposes the emails it captured at
// GET /api/auth/test/last-email?to=…&kind=… (test only). Usage: BASE_URL=http://127.0.0.1:3000 node test/client/passwordless-client.mjs
// Prints one JSON line of what the clients saw; an unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { emailOTPClient, magicLinkClient } from 'better-auth/client/plugins';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`passwordless-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL is not set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const newClient = () => createAuthClient({ baseURL: BASE_URL, plugins: [magicLinkClient(), emailOTPClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const address = (prefix) => `${prefix}-${randomBytes(6).toString('hex')}@example.com`;
const errorOf = (result) => ({ status: result.error?.status, code: result.error?.code });

async function lastEmail(to, kind) {
  const response = await fetch(`${BASE_URL}/api/auth/test/last-email?to=${encodeURIComponent(to)}&kind=${encodeURIComponent(kind)}`);
  check(response.ok, `no ${kind} email reached ${to}`, response.status);
  return response.json();
}

const results = {};

// --- magic link
{
  const client = newClient();
  const email = address('mia');
  const sent = await client.signIn.magicLink({ email, name: 'Mia', callbackURL: '/dashboard' });
  check(sent.error === null, 'signIn.magicLink', sent);
  results.magicLinkSent = sent.data;
  const mail = await lastEmail(email, 'magic-link:sign-in');
  results.magicLinkURL = new URL(mail.url).pathname + '?' + [...new URL(mail.url).searchParams.keys()].join('&');
  const verified = await client.magicLink.verify({ query: { token: mail.token } });
  check(verified.error === null, 'magicLink.verify', verified);
  results.magicLinkVerify = { token: typeof verified.data.token === 'string', email: verified.data.user?.email, verified: verified.data.user?.emailVerified, session: verified.data.session?.userId === verified.data.user?.id };
  const session = await client.getSession();
  results.magicLinkSession = session.data?.user?.email === email;
  const replay = await fetch(`${BASE_URL}/api/auth/magic-link/verify?token=${encodeURIComponent(mail.token)}&callbackURL=%2Fdashboard`, { redirect: 'manual' });
  results.magicLinkReplay = { status: replay.status, location: replay.headers.get('location') };
  results.magicLinkForeign = errorOf(await newClient().signIn.magicLink({ email, callbackURL: 'https://evil.example/' }));
}

// --- email OTP: sign-in, tries, verify-email, check, reset
{
  const client = newClient();
  const email = address('otto');
  const sent = await client.emailOtp.sendVerificationOtp({ email, type: 'sign-in' });
  check(sent.error === null, 'emailOtp.sendVerificationOtp', sent);
  results.otpSent = sent.data;
  const { token: code } = await lastEmail(email, 'email-otp:sign-in');
  const wrongCode = code === '000000' ? '111111' : '000000';
  results.otpWrong = errorOf(await client.signIn.emailOtp({ email, otp: wrongCode }));
  const signedIn = await client.signIn.emailOtp({ email, otp: code });
  check(signedIn.error === null, 'signIn.emailOtp', signedIn);
  results.otpSignIn = { token: typeof signedIn.data.token === 'string', email: signedIn.data.user?.email, verified: signedIn.data.user?.emailVerified };
  results.otpSession = (await client.getSession()).data?.user?.email === email;
  results.otpReused = errorOf(await newClient().signIn.emailOtp({ email, otp: code }));

  const guesser = newClient();
  const target = address('tries');
  await guesser.emailOtp.sendVerificationOtp({ email: target, type: 'sign-in' });
  const { token: targetCode } = await lastEmail(target, 'email-otp:sign-in');
  const wrongTarget = targetCode === '000000' ? '111111' : '000000';
  for (let attempt = 0; attempt < 3; attempt += 1) await guesser.signIn.emailOtp({ email: target, otp: wrongTarget });
  results.otpTooMany = errorOf(await guesser.signIn.emailOtp({ email: target, otp: targetCode }));

  const owner = newClient();
  const ownEmail = address('vera');
  check((await owner.signUp.email({ email: ownEmail, password: PASSWORD, name: 'Vera' })).error === null, 'signUp.email');
  await owner.emailOtp.sendVerificationOtp({ email: ownEmail, type: 'email-verification' });
  const { token: verifyCode } = await lastEmail(ownEmail, 'email-otp:email-verification');
  const verifiedEmail = await owner.emailOtp.verifyEmail({ email: ownEmail, otp: verifyCode });
  check(verifiedEmail.error === null, 'emailOtp.verifyEmail', verifiedEmail);
  results.otpVerifyEmail = { status: verifiedEmail.data.status, token: verifiedEmail.data.token, verified: verifiedEmail.data.user?.emailVerified };

  const requested = await owner.emailOtp.requestPasswordReset({ email: ownEmail });
  check(requested.error === null, 'emailOtp.requestPasswordReset', requested);
  const { token: resetCode } = await lastEmail(ownEmail, 'email-otp:forget-password');
  const checked = await owner.emailOtp.checkVerificationOtp({ email: ownEmail, type: 'forget-password', otp: resetCode });
  results.otpCheck = checked.data;
  const reset = await owner.emailOtp.resetPassword({ email: ownEmail, otp: resetCode, password: 'a new password for vera' });
  results.otpReset = reset.data;
  results.otpNewPassword = (await newClient().signIn.email({ email: ownEmail, password: 'a new password for vera' })).error === null;
  results.otpForgetPassword = (await owner.forgetPassword.emailOtp({ email: ownEmail })).data;
  results.errorCodes = Object.keys(emailOTPClient().$ERROR_CODES ?? {});
}

process.stdout.write(`${JSON.stringify(results)}\n`);
