import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { StatusResponse } from '../../http/response-dtos';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { newBackupCodes, storedBackupCodes } from './backup-codes';
import { clearCookie } from './cookies';
import { BackupCodesResponse, EnableTwoFactorDto, EnableTwoFactorResponse, TotpUriResponse, TwoFactorPasswordDto } from './dtos';
import { TWO_FACTOR_ERRORS } from './error-codes';
import { assertPassword } from './identity';
import { newTotpSecret, totpUri } from './totp';
import { hasTrustCookie, revokeTrustedDevices } from './trusted-devices';
import type { TwoFactorPlugin } from './two-factor-plugin';
import { findTwoFactorRow, twoFactorRecords } from './two-factor-rows';

/** The account name authenticator apps show under the issuer: the email, or the id of a user without one. */
function accountLabel(auth: AuthContext, user: object): string {
  return auth.models.user.read(user, 'email') ?? auth.models.user.read(user, 'id');
}

/**
 * `POST /two-factor/enable` `{ password, method?, issuer? }`. With `totp` (the default): a new secret and backup
 * codes → `{ method: 'totp', totpURI, backupCodes }`; two-factor turns on only when a first code is verified
 * (verify-totp), unless `skipVerificationOnEnable`. With `otp`: on at once → `{ method: 'otp' }`.
 */
export function enableRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/enable',
    summary: 'Set up two-factor authentication (an authenticator app, or codes by email)',
    body: EnableTwoFactorDto,
    session: 'required',
    response: { body: EnableTwoFactorResponse },
    errors: ['INVALID_PASSWORD', TWO_FACTOR_ERRORS.TOTP_ALREADY_ENABLED, TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED, TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const { options } = plugin;
      const active = await ctx.requireSession();
      await assertPassword(auth, active, dto.password);
      const userId = auth.models.user.read(active.user, 'id');
      if (dto.method === 'otp') {
        if (!options.otp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.OTP_NOT_CONFIGURED);
        await auth.db.updateUser(userId, { twoFactorEnabled: true });
        return { method: 'otp' };
      }
      if (!options.totp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED);
      const existing = await findTwoFactorRow(auth, userId);
      if (existing?.verified) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_ALREADY_ENABLED);
      const secret = newTotpSecret();
      const backupCodes = newBackupCodes(options.backupCodes.amount, options.backupCodes.length);
      const values = {
        secret: plugin.secrets.totpSecrets.seal(secret),
        backupCodes: storedBackupCodes(plugin.secrets.backupCodes, backupCodes),
        verified: options.skipVerificationOnEnable,
        failedVerificationCount: 0,
        lockedUntil: null,
        lastTotpStep: null,
      };
      // An authenticator set up but never verified is replaced: the user scans the new one.
      if (existing) await twoFactorRecords(auth).update({ id: existing.id }, values);
      else await twoFactorRecords(auth).create({ userId, ...values });
      if (options.skipVerificationOnEnable) await auth.db.updateUser(userId, { twoFactorEnabled: true });
      const issuer = dto.issuer ?? plugin.issuer(auth);
      return { method: 'totp', totpURI: totpUri(secret, options.totp, issuer, accountLabel(auth, active.user)), backupCodes };
    },
  });
}

/** `POST /two-factor/get-totp-uri` `{ password }` → `{ totpURI }` of the authenticator set up (to show its QR code again). */
export function getTotpUriRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/get-totp-uri',
    summary: 'The otpauth:// URI of the authenticator set up',
    body: TwoFactorPasswordDto,
    session: 'required',
    response: { body: TotpUriResponse },
    errors: ['INVALID_PASSWORD', TWO_FACTOR_ERRORS.TOTP_NOT_ENABLED, TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      if (!plugin.options.totp.enabled) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_NOT_CONFIGURED);
      const active = await ctx.requireSession();
      await assertPassword(auth, active, dto.password);
      const row = await findTwoFactorRow(auth, auth.models.user.read(active.user, 'id'));
      const secret = row ? plugin.secrets.totpSecrets.open(row.secret) : null;
      if (!secret) throw new AuthError(TWO_FACTOR_ERRORS.TOTP_NOT_ENABLED);
      return { totpURI: totpUri(secret, plugin.options.totp, plugin.issuer(auth), accountLabel(auth, active.user)) };
    },
  });
}

/**
 * `POST /two-factor/disable` `{ password }` → `{ status: true }`: two-factor off, the authenticator and backup
 * codes deleted, and every trusted device of the user forgotten (this one's trust cookie cleared).
 */
export function disableRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/disable',
    summary: 'Turn two-factor authentication off',
    body: TwoFactorPasswordDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: ['INVALID_PASSWORD'],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const active = await ctx.requireSession();
      await assertPassword(auth, active, dto.password);
      const userId = auth.models.user.read(active.user, 'id');
      await auth.db.updateUser(userId, { twoFactorEnabled: false });
      await twoFactorRecords(auth).deleteMany({ userId });
      await revokeTrustedDevices(auth, userId);
      if (hasTrustCookie(auth, ctx.request)) ctx.response.headers.push(['set-cookie', clearCookie(auth, 'trust_device')]);
      return { status: true };
    },
  });
}

/** `POST /two-factor/generate-backup-codes` `{ password }` → `{ status: true, backupCodes }`: new codes; the old ones stop working. */
export function generateBackupCodesRoute(plugin: TwoFactorPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/two-factor/generate-backup-codes',
    summary: 'Replace the backup codes',
    body: TwoFactorPasswordDto,
    session: 'required',
    response: { body: BackupCodesResponse },
    errors: ['INVALID_PASSWORD', TWO_FACTOR_ERRORS.TWO_FACTOR_NOT_ENABLED],
    handle: async (ctx, dto) => {
      const { auth } = ctx;
      const active = await ctx.requireSession();
      if (auth.models.user.read(active.user, 'twoFactorEnabled') !== true) throw new AuthError(TWO_FACTOR_ERRORS.TWO_FACTOR_NOT_ENABLED);
      await assertPassword(auth, active, dto.password);
      const row = await findTwoFactorRow(auth, auth.models.user.read(active.user, 'id'));
      if (!row) throw new AuthError(TWO_FACTOR_ERRORS.TWO_FACTOR_NOT_ENABLED);
      const { amount, length } = plugin.options.backupCodes;
      const backupCodes = newBackupCodes(amount, length);
      await twoFactorRecords(auth).update({ id: row.id }, { backupCodes: storedBackupCodes(plugin.secrets.backupCodes, backupCodes) });
      return { status: true, backupCodes };
    },
  });
}
