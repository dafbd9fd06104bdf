import { Secret } from 'otpauth';
import type { AdoptionChange, AdoptionSource } from '../../core/adoption';
import { openBetterAuthSealed } from '../../crypto/better-auth-sealed';
import { storedBackupCodes } from './backup-codes';
import { TWO_FACTOR_MODEL } from './schema';
import { TwoFactorSecrets } from './two-factor-rows';

/**
 * Two-factor's part of adopting a better-auth database: each TOTP secret better-auth sealed (XChaCha20-Poly1305
 * under its secret) is opened and sealed again in our format, and its backup codes (an encrypted JSON list of
 * the codes themselves, or a plain one with `storeBackupCodes: 'plain'`) become our keyed digests. The
 * authenticator app keeps producing accepted codes (same secret) and unused backup codes keep working.
 * Rows already in our format are skipped; a row that does not open with this secret is left alone and
 * counted (its user sets two-factor up again).
 * @example
 * readonly adopt = adoptTwoFactorRows;
 */
export async function adoptTwoFactorRows({ rows, secret }: AdoptionSource): Promise<AdoptionChange[]> {
  const ours = new TwoFactorSecrets(secret);
  let count = 0;
  let left = 0;
  for await (const row of rows.scan(TWO_FACTOR_MODEL, ['secret', 'backupCodes'])) {
    const { secret: sealed, backupCodes } = row;
    if (!sealed || ours.totpSecrets.open(sealed) !== null) continue;
    const totpSecret = openBetterAuthSealed(secret, sealed);
    const codes = backupCodes ? theirBackupCodes(secret, backupCodes) : [];
    if (totpSecret === null || codes === null) {
      left += 1;
      continue;
    }
    const changed = await rows.update(
      TWO_FACTOR_MODEL,
      row.id,
      { secret: ours.totpSecrets.seal(asBase32(totpSecret)), backupCodes: storedBackupCodes(ours.backupCodes, codes) },
      { secret: sealed },
    );
    if (changed) count += 1;
  }
  return [
    {
      what: 'two-factor TOTP secrets and backup codes resealed in our format (authenticator apps keep working)',
      count,
      left,
      leftNote: 'sealed under another secret: those users set up two-factor again',
    },
  ];
}

/**
 * better-auth keeps the TOTP key as the text it generated (32 letters and digits) and hands authenticator apps
 * the base32 of its UTF-8 bytes; we keep the base32 form. Same bytes, so the same codes.
 */
function asBase32(theirSecret: string): string {
  return new Secret({ buffer: new Uint8Array(Buffer.from(theirSecret, 'utf8')).buffer }).base32;
}

/** The plain backup codes of a better-auth row, or `null` when the column holds nothing we can read. */
function theirBackupCodes(secret: string, stored: string): string[] | null {
  const json = openBetterAuthSealed(secret, stored) ?? stored;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every((code) => typeof code === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
