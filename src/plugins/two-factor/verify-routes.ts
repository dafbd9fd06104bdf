import { AuthError } from '../../errors/auth-error';
import { StatusResponse } from '../../http/response-dtos';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { spendBackupCode } from './backup-codes';
import { SendOtpDto, TwoFactorVerifiedResponse, VerifyBackupCodeDto, VerifyCodeDto } from './dtos';
import { TWO_FACTOR_ERRORS } from './error-codes';
import { takeOtpSend } from './lockout';
import { checkOtp, sendOtp } from './otp';
import { acceptTotp } from './totp-check';
import type { TwoFactorPlugin } from './two-factor-plugin';
import { findTwoFactorRow, twoFactorRecords } from './two-factor-rows';
import { resolveVerifier } from './verifier';
import { checkSignedIn, sessionAnswer, verifyPendingSignIn, type CodeCheck } from './verify-flow';

// Every verification route answers alike: the pending sign-in's errors, or the factor's own.
const SIGN_IN_ERRORS = [TWO_FACTOR_ERRORS.INVALID_TWO_FACTOR_COOKIE, TWO_FACTOR_ERRORS.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE, TWO_FACTOR_ERRORS.ACCOUNT_TEMPORARILY_LOCKED];

/**
 * `POST /two-factor/verify-totp` `{ code, trustDevice? }` → `{ token, user }`. At sign-in (the `two_factor`
 * cookie) a right code opens the session (cookie and `set-auth-token`); signed in, the first right code after
 * enable turns two-factor on.
 */
export function verifyTotpRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/verify-totp',
    summary: 'Verify a code of the authenticator app',
    body: VerifyCodeDto,
    session: 'optional',
    response: { body: TwoFactorVerifiedResponse },
    errors: [TWO_FACTOR_ERRORS.INVALID_CODE, TWO_FACTOR_ERRORS.TOTP_NOT_ENABLED, TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED, ...SIGN_IN_ERRORS],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const { options, secrets } = plugin;
      if (!options.totp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED);
      const verifier = await resolveVerifier(ctx);
      const row = await findTwoFactorRow(auth, verifier.userId);
      if (!row || (verifier.kind === 'sign-in' && !row.verified)) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_NOT_ENABLED);
      const check = () => acceptTotp(auth, options, secrets, row, dto.code);
      if (verifier.kind === 'sign-in') return verifyPendingSignIn(ctx, options, verifier, check, TWO_FACTOR_ERRORS.INVALID_CODE, dto.trustDevice);
      if ((await checkSignedIn(auth, options, verifier.userId, check)) === 'wrong') throw new AuthError(TWO_FACTOR_ERRORS.INVALID_CODE);
      if (!row.verified) await twoFactorRecords(auth).update({ id: row.id }, { verified: true });
      if (auth.models.user.read(verifier.user, 'twoFactorEnabled') !== true) await auth.db.updateUser(verifier.userId, { twoFactorEnabled: true });
      return sessionAnswer(auth, verifier);
    },
  });
}

/** `POST /two-factor/send-otp` → `{ status: true }`: a code to the user, by `sendOTP` or email; sending again replaces it. */
export function sendOtpRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/send-otp',
    summary: 'Send a one-time code',
    body: SendOtpDto,
    session: 'optional',
    response: { body: StatusResponse },
    errors: [TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED, TWO_FACTOR_ERRORS.INVALID_TWO_FACTOR_COOKIE, 'TOO_MANY_REQUESTS'],
    handle: async (ctx) => {
      if (!plugin.options.otp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED);
      const verifier = await resolveVerifier(ctx);
      await takeOtpSend(ctx.auth, plugin.options, verifier.userId);
      await sendOtp(ctx.auth, plugin.options, plugin.secrets, verifier);
      return { status: true };
    },
  });
}

/** `POST /two-factor/verify-otp` `{ code, trustDevice? }` → `{ token, user }`, as verify-totp, with the code sent last. */
export function verifyOtpRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/verify-otp',
    summary: 'Verify a one-time code sent by email or the app',
    body: VerifyCodeDto,
    session: 'optional',
    response: { body: TwoFactorVerifiedResponse },
    errors: [TWO_FACTOR_ERRORS.INVALID_CODE, TWO_FACTOR_ERRORS.OTP_HAS_EXPIRED, TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED, ...SIGN_IN_ERRORS],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const { options, secrets } = plugin;
      if (!options.otp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED);
      const verifier = await resolveVerifier(ctx);
      const check = () => checkOtp(auth, options, secrets, verifier, dto.code);
      if (verifier.kind === 'sign-in') return verifyPendingSignIn(ctx, options, verifier, check, TWO_FACTOR_ERRORS.INVALID_CODE, dto.trustDevice);
      if ((await checkSignedIn(auth, options, verifier.userId, check)) === 'wrong') throw new AuthError(TWO_FACTOR_ERRORS.INVALID_CODE);
      if (auth.models.user.read(verifier.user, 'twoFactorEnabled') !== true) await auth.db.updateUser(verifier.userId, { twoFactorEnabled: true });
      return sessionAnswer(auth, verifier);
    },
  });
}

/**
 * `POST /two-factor/verify-backup-code` `{ code, trustDevice?, disableSession? }` → `{ token, user }`. Each
 * code works once, also under concurrent use. Signed in, it only checks and spends the code.
 */
export function verifyBackupCodeRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/verify-backup-code',
    summary: 'Verify (and spend) a backup code',
    body: VerifyBackupCodeDto,
    session: 'optional',
    response: { body: TwoFactorVerifiedResponse },
    errors: [TWO_FACTOR_ERRORS.INVALID_BACKUP_CODE, TWO_FACTOR_ERRORS.BACKUP_CODES_NOT_ENABLED, ...SIGN_IN_ERRORS],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const verifier = await resolveVerifier(ctx);
      if (!(await findTwoFactorRow(auth, verifier.userId))) throw new AuthError(TWO_FACTOR_ERRORS.BACKUP_CODES_NOT_ENABLED);
      const check = async (): Promise<CodeCheck> => ((await spendBackupCode(auth, plugin.secrets.backupCodes, verifier.userId, dto.code)) ? 'right' : 'wrong');
      if (verifier.kind === 'sign-in') return verifyPendingSignIn(ctx, plugin.options, verifier, check, TWO_FACTOR_ERRORS.INVALID_BACKUP_CODE, dto.trustDevice, dto.disableSession !== true);
      if ((await checkSignedIn(auth, plugin.options, verifier.userId, check)) === 'wrong') throw new AuthError(TWO_FACTOR_ERRORS.INVALID_BACKUP_CODE);
      return sessionAnswer(auth, verifier);
    },
  });
}
