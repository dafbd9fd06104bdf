import type { PluginRecord, PluginRecords } from '../../../adapters/plugin-records';
import type { AuthContext } from '../../core/auth-context';
import { KeyedDigest } from '../../crypto/keyed-digest';
import { SecretBox } from '../../crypto/secret-box';
import { TWO_FACTOR_MODEL } from './schema';

/** One row of the two-factor table, as the plugin reads it. */
export interface TwoFactorRow {
  readonly id: string;
  readonly userId: string;
  /** The TOTP secret, sealed (see `TwoFactorSecrets.sealSecret`). */
  readonly secret: string;
  /** The unused backup codes' digests, as JSON. */
  readonly backupCodes: string;
  readonly verified: boolean;
  readonly failedVerificationCount: number;
  readonly lockedUntil: Date | null;
  readonly lastTotpStep: number | null;
}

/** The two-factor table of an auth instance. */
export function twoFactorRecords(auth: AuthContext): PluginRecords {
  return auth.records(TWO_FACTOR_MODEL);
}

export async function findTwoFactorRow(auth: AuthContext, userId: string): Promise<TwoFactorRow | null> {
  const row = await twoFactorRecords(auth).findOne({ userId });
  return row ? asRow(row) : null;
}

function asRow(record: PluginRecord): TwoFactorRow {
  const lockedUntil = record.lockedUntil;
  return {
    id: String(record.id),
    userId: String(record.userId),
    secret: String(record.secret),
    backupCodes: String(record.backupCodes),
    // SQLite and MySQL hand booleans back as 0/1.
    verified: record.verified === true || record.verified === 1,
    failedVerificationCount: Number(record.failedVerificationCount ?? 0),
    lockedUntil: lockedUntil == null ? null : new Date(lockedUntil as string | Date),
    lastTotpStep: record.lastTotpStep == null ? null : Number(record.lastTotpStep),
  };
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
