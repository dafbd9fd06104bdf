import type { AuthContext } from '../../core/auth-context';
import { KeyedDigest } from '../../crypto/keyed-digest';
import { SecretBox } from '../../crypto/secret-box';
import { twoFactorModel, type TwoFactorRow } from './schema';

export type { TwoFactorRow } from './schema';

/** The two-factor table of an auth instance, typed by the plugin's declaration. */
export function twoFactorRecords(auth: AuthContext) {
  return auth.records(twoFactorModel);
}

/** The user's two-factor row, or `null` before they set up an authenticator. */
export function findTwoFactorRow(auth: AuthContext, userId: string): Promise<TwoFactorRow | null> {
  return twoFactorRecords(auth).findOne({ userId });
}

/**
 * The keys of the plugin, each derived from the auth secret for one use: the box that seals TOTP secrets, and
 * the digests of backup codes and emailed codes.
 */
export class TwoFactorSecrets {
  readonly totpSecrets: SecretBox;
  readonly backupCodes: KeyedDigest;
  readonly otpCodes: KeyedDigest;

  constructor(secret: string) {
    this.totpSecrets = new SecretBox(secret, 'two-factor:totp-secret');
    this.backupCodes = new KeyedDigest(secret, 'two-factor:backup-code');
    this.otpCodes = new KeyedDigest(secret, 'two-factor:otp');
  }
}
