import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { AccountManagementPlugin, EMAIL_OTP_ERRORS, EmailOtpPlugin, EmailPasswordPlugin, MagicLinkPlugin, MemoryEmailSender, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { LastEmailPlugin } from './last-email-plugin';
import { exampleBackends } from './example-backends';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (passwordless-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'passwordless-client.mjs');

const backends = exampleBackends('passwordless_client');

describe.each(backends)("better-auth's magicLinkClient and emailOTPClient against our plugins on %s", (_name, open) => {
  const served = serveAuth(async (baseURL) => {
    const mail = new MemoryEmailSender();
    return new BetterAuth({ secret: TEST_SECRET, baseURL, emailSender: mail, rateLimit: { enabled: false } })
      .database(await open())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new AccountManagementPlugin())
      .plugin(new MagicLinkPlugin())
      .plugin(new EmailOtpPlugin())
      .plugin(new LastEmailPlugin(mail))
      .build();
  });

  it('signs in by magic link and by emailed code, verifies an address, checks and resets with a code, and refuses what it should', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`passwordless-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      magicLinkSent: { status: true },
      magicLinkURL: '/api/auth/magic-link/verify?token&callbackURL',
      magicLinkVerify: { token: true, email: expect.stringMatching(/^mia-/), verified: true, session: true },
      magicLinkSession: true,
      magicLinkReplay: { status: 302, location: `${served.baseURL}/dashboard?error=INVALID_TOKEN` },
      magicLinkForeign: { status: 403, code: 'INVALID_CALLBACK_URL' },
      otpSent: { success: true },
      otpWrong: { status: 400, code: 'INVALID_OTP' },
      otpSignIn: { token: true, email: expect.stringMatching(/^otto-/), verified: true },
      otpSession: true,
      otpReused: { status: 400, code: 'INVALID_OTP' },
      otpTooMany: { status: 403, code: 'TOO_MANY_ATTEMPTS' },
      otpVerifyEmail: { status: true, token: null, verified: true },
      otpCheck: { success: true },
      otpReset: { success: true },
      otpNewPassword: true,
      otpForgetPassword: { success: true },
      errorCodes: expect.any(Array),
    });
    // Every code the client plugin knows is one our plugin answers with, under that name.
    expect(Object.keys(EMAIL_OTP_ERRORS)).toEqual(expect.arrayContaining(results.errorCodes));
  });
});
